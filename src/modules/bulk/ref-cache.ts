// The actors and sources an import has resolved, so that later batches need not look them
// up again: by reference key (`id:<uuid>`, `name:<name key>` for actors, `source:<source
// key>` for sources).
//
// Committed entries were read or created by batches that have committed; the oldest go
// past `limit`. Pending entries were created by a batch still in flight: the next batch,
// written at the same time on another connection, uses them instead of creating them
// again (which would wait for the first batch's commit on the unique key, and then fail
// and start over). Its foreign keys are checked at commit (DEFERRABLE_REFERENCE_KEYS), and
// it commits only once the creating batch has settled: if that one rolled back, the check
// fails and the batch is tried again (BulkImportService.writeLines).
import type { Actor, Source } from "../../generated/prisma/client";

const DEFAULT_LIMIT = 20_000;

/**
 * What a batch reads of an actor or source it did not create: its ID, an actor's name (for
 * error messages) and a source's publisher (for attribution chains). The cache keeps only
 * that: thousands of whole rows (dates, URLs, titles) were a third of an import's live heap.
 */
export type RefActor = Pick<Actor, "id" | "name">;
export type RefSource = Pick<Source, "id" | "publisherId">;

/** What one attempt at a batch created, visible to the other batches until it commits or fails. */
export interface PendingRefs {
  add(actors: ReadonlyMap<string, RefActor>, sources: ReadonlyMap<string, RefSource>): void;
  /** Once the attempt has committed (after RefCache.add) or failed: settles its entries' `settled`. */
  release(): void;
}

/** A row an uncommitted batch created, and when that batch will have committed or failed. */
export interface Pending<V> {
  row: V;
  settled: Promise<void>;
}

export class RefCache {
  private readonly actors = new Map<string, RefActor>();
  private readonly sources = new Map<string, RefSource>();
  private readonly pendingActors = new Map<string, Pending<RefActor>>();
  private readonly pendingSources = new Map<string, Pending<RefSource>>();

  constructor(private readonly limit = DEFAULT_LIMIT) {}

  getActor(key: string): RefActor | undefined {
    return touch(this.actors, key);
  }

  getSource(key: string): RefSource | undefined {
    return touch(this.sources, key);
  }

  /** An actor an uncommitted batch of this import has created. */
  getPendingActor(key: string): Pending<RefActor> | undefined {
    return this.pendingActors.get(key);
  }

  /** A source an uncommitted batch of this import has created. */
  getPendingSource(key: string): Pending<RefSource> | undefined {
    return this.pendingSources.get(key);
  }

  add(actors: ReadonlyMap<string, RefActor>, sources: ReadonlyMap<string, RefSource>): void {
    for (const [key, { id, name }] of actors) bounded(this.actors, key, { id, name }, this.limit);
    for (const [key, { id, publisherId }] of sources) bounded(this.sources, key, { id, publisherId }, this.limit);
  }

  pending(): PendingRefs {
    let settle!: () => void;
    const settled = new Promise<void>((resolve) => (settle = resolve));
    const undo: (() => void)[] = [];
    const share = <V>(into: Map<string, Pending<V>>, rows: ReadonlyMap<string, V>) => {
      for (const [key, row] of rows) {
        const entry = { row, settled };
        into.set(key, entry);
        undo.push(() => {
          if (into.get(key) === entry) into.delete(key);
        });
      }
    };
    return {
      add: (actors, sources) => {
        share(this.pendingActors, actors);
        share(this.pendingSources, sources);
      },
      release: () => {
        for (const remove of undo.splice(0)) remove();
        settle();
      },
    };
  }
}

function touch<V>(map: Map<string, V>, key: string): V | undefined {
  const value = map.get(key);
  if (value !== undefined) {
    map.delete(key);
    map.set(key, value);
  }
  return value;
}

function bounded<V>(map: Map<string, V>, key: string, value: V, limit: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > limit) {
    const oldest = map.keys().next();
    if (!oldest.done) map.delete(oldest.value);
  }
}
