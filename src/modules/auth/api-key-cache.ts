// This process's cache of API key rows by secret hash, so that authenticating a request
// usually needs no SQL. It is kept true by the key listener (api-key-listener.ts): every
// change to a key is announced by a trigger at commit and evicts that key here. While the
// listener is not LISTENing, changes could be missed, so the cache is suspended: emptied,
// never read and never filled. The TTL is only a safety net (a notification lost some other way).
import { LRUCache } from "lru-cache";
import type { ApiKey } from "../../generated/prisma/client";

export interface ApiKeyCacheSettings {
  /** Keys held at most (least recently used dropped first); 0 disables the cache. */
  maxEntries: number;
  /** How long a row is trusted without any notification. */
  ttlMs: number;
}

export const DEFAULT_API_KEY_CACHE: ApiKeyCacheSettings = { maxEntries: 10_000, ttlMs: 5 * 60_000 };

export class ApiKeyCache {
  private readonly rows: LRUCache<string, ApiKey>;
  private live = false;
  /**
   * Bumped by every eviction, clear and change of state. A lookup remembers it before its
   * query and stores its row only if it is unchanged afterwards: a row read before a change
   * committed, but returned after the change's notification was handled, would otherwise
   * be cached and served until the TTL.
   */
  private generation = 0;

  constructor(settings: ApiKeyCacheSettings) {
    // No ttlAutopurge: expired rows are dropped when read (no timers).
    this.rows = new LRUCache<string, ApiKey>({ max: settings.maxEntries, ttl: settings.ttlMs });
  }

  /** Whether rows are served (the listener is LISTENing). */
  get isLive(): boolean {
    return this.live;
  }

  get size(): number {
    return this.rows.size;
  }

  /**
   * The row of the key with this hash, from the cache or from `load`. Only rows found are
   * cached: unknown hashes come from the client (each would take a slot and push out a real
   * key), and failed authentications are already throttled per address.
   */
  async lookup(hash: string, load: () => Promise<ApiKey | null>): Promise<ApiKey | null> {
    if (this.live) {
      const cached = this.rows.get(hash);
      if (cached) return cached;
    }
    const generation = this.generation;
    const row = await load();
    if (row && this.live && generation === this.generation) this.rows.set(hash, row);
    return row;
  }

  /** A key changed (or was deleted): the next lookup reads it again. */
  evict(hash: string): void {
    this.generation += 1;
    this.rows.delete(hash);
  }

  /** Every key may have changed (a TRUNCATE, a reconnection). */
  clear(): void {
    this.generation += 1;
    this.rows.clear();
  }

  /** The listener is LISTENing: serve and fill from now on (starting empty, as changes may have been missed). */
  resume(): void {
    this.clear();
    this.live = true;
  }

  /** The listener is down: changes may go unseen, so nothing cached is trusted until it is back. */
  suspend(): void {
    this.clear();
    this.live = false;
  }
}
