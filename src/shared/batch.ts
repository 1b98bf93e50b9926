// Helpers for DataLoader batch functions: rows back in key order, one loader per
// distinct argument set within a request.
import DataLoader from "dataloader";

/** One row per key, in key order; null where the key matched nothing. */
export function rowsByKey<K, R>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K): (R | null)[] {
  const byKey = new Map<K, R>();
  for (const row of rows) byKey.set(keyOf(row), row);
  return keys.map((key) => byKey.get(key) ?? null);
}

/** All rows per key, in key order (empty list where none). */
export function groupsByKey<K, R>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K): R[][] {
  const byKey = new Map<K, R[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = byKey.get(key);
    if (group) group.push(row);
    else byKey.set(key, [row]);
  }
  return keys.map((key) => byKey.get(key) ?? []);
}

/**
 * Loaders whose batch depends on arguments (a page size, a filter): one DataLoader per
 * distinct argument set, so that `statements(first: 5)` on twenty claims is one query.
 */
export class ParameterizedLoaders {
  private readonly loaders = new Map<string, DataLoader<string, unknown>>();

  get<V, A>(name: string, args: A, batch: (keys: readonly string[], args: A) => Promise<V[]>): DataLoader<string, V> {
    const cacheKey = `${name}:${JSON.stringify(args)}`;
    let loader = this.loaders.get(cacheKey) as DataLoader<string, V> | undefined;
    if (!loader) {
      loader = new DataLoader<string, V>((keys) => batch(keys, args));
      this.loaders.set(cacheKey, loader);
    }
    return loader;
  }
}

/** Pages fetched per parent ({ parentId, rows }), back in key order. */
export function pagesByKey<R>(keys: readonly string[], pages: readonly { parentId: string; rows: R[] }[]): R[][] {
  const byParent = new Map(pages.map((page) => [page.parentId, page.rows]));
  return keys.map((key) => byParent.get(key) ?? []);
}
