// The actors and sources an import has resolved in its committed batches, so that later
// batches need not look them up again: by reference key (`id:<uuid>`, `name:<name key>`
// for actors, `source:<source key>` for sources). Entries are added only once their batch
// has committed (a rolled-back batch may have created them); the oldest go past `limit`.
import type { Actor, Source } from "../../generated/prisma/client";

const DEFAULT_LIMIT = 20_000;

export class RefCache {
  private readonly actors = new Map<string, Actor>();
  private readonly sources = new Map<string, Source>();

  constructor(private readonly limit = DEFAULT_LIMIT) {}

  getActor(key: string): Actor | undefined {
    return touch(this.actors, key);
  }

  getSource(key: string): Source | undefined {
    return touch(this.sources, key);
  }

  add(actors: ReadonlyMap<string, Actor>, sources: ReadonlyMap<string, Source>): void {
    for (const [key, actor] of actors) bounded(this.actors, key, actor, this.limit);
    for (const [key, source] of sources) bounded(this.sources, key, source, this.limit);
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
