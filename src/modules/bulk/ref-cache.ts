// The actors and sources an import line names, resolved before the line writes anything:
// those the import has met before come from a cache, the other existing ones are found
// in two queries, and the missing ones are created (through ActorService/SourceService
// resolveRef) in the order of their keys, so that lines creating the same new actors and
// sources at once take their locks in one order and cannot deadlock each other.
// Cache entries are added only once their line has committed (a rolled-back line may
// have created them); the oldest go past `limit`.
import type { Actor, Source } from "../../generated/prisma/client";
import { nameKey } from "../../shared/name-key";
import type { Tx } from "../../shared/transaction";
import type { ActorService } from "../actor/actor.service";
import type { ActorRef } from "../actor/actor.schema";
import { canonicalUrl } from "../source/canonical-url";
import { sourceKeyOf, type SourceService } from "../source/source.service";
import type { SourceRef } from "../source/source.schema";
import { findActorsByKeys, findSourcesByKeys } from "./bulk-import.repository";

const DEFAULT_LIMIT = 20_000;

/** A reference and where it is in the line (for error messages). */
export interface Named<R> {
  ref: R;
  field: string;
}

export class RefCache {
  private readonly actors = new Map<string, Actor>();
  private readonly sources = new Map<string, Source>();

  constructor(private readonly limit = DEFAULT_LIMIT) {}

  /** A resolver for one line's transaction; `commit()` it once the transaction has committed. */
  forLine(tx: Tx, services: { actors: ActorService; sources: SourceService }): LineRefs {
    return new LineRefs(this, tx, services);
  }

  getActor(key: string): Actor | undefined {
    return touch(this.actors, key);
  }

  getSource(key: string): Source | undefined {
    return touch(this.sources, key);
  }

  add(actors: Map<string, Actor>, sources: Map<string, Source>): void {
    for (const [key, actor] of actors) bounded(this.actors, key, actor, this.limit);
    for (const [key, source] of sources) bounded(this.sources, key, source, this.limit);
  }
}

export class LineRefs {
  private readonly actors = new Map<string, Actor>();
  private readonly sources = new Map<string, Source>();

  constructor(
    private readonly cache: RefCache,
    private readonly tx: Tx,
    private readonly services: { actors: ActorService; sources: SourceService },
  ) {}

  /**
   * Resolves every actor (publishers included) and then every source the line names:
   * afterwards `actor()` and `source()` answer from memory, and the services' own
   * resolveRef calls (attribution chains) find rows that exist.
   */
  async resolveAll(actors: Named<ActorRef>[], sources: Named<SourceRef>[]): Promise<void> {
    const allActors = [
      ...actors,
      ...sources.flatMap(({ ref, field }) =>
        ref.publisher ? [{ ref: ref.publisher, field: `${field}.publisher` }] : [],
      ),
    ];
    await this.prefetchActors(allActors.map(({ ref }) => ref));
    for (const { ref, field } of inKeyOrder(allActors, actorKey, (ref) => Boolean(ref.kind))) {
      await this.actor(ref, field);
    }
    await this.prefetchSources(sources.map(({ ref }) => ref));
    const sourceKey = (ref: SourceRef) => this.sourceKey(ref) ?? "";
    for (const { ref, field } of inKeyOrder(sources, sourceKey, (ref) => Boolean(ref.title))) {
      await this.source(ref, field);
    }
  }

  /** ActorService.resolveRef, unless this import has resolved the same reference before. */
  async actor(ref: ActorRef, field: string): Promise<Actor> {
    const key = actorKey(ref);
    const known = this.knownActor(key);
    if (known) return known;
    const actor = await this.services.actors.resolveRef(this.tx, ref, field);
    this.actors.set(key, actor);
    return actor;
  }

  /** SourceService.resolveRef, unless this import has resolved the same reference before. */
  async source(ref: SourceRef, field: string): Promise<Source> {
    if (ref.publisher) await this.actor(ref.publisher, `${field}.publisher`);
    const key = this.sourceKey(ref) ?? "";
    const known = this.sources.get(key) ?? this.cache.getSource(key);
    if (known) return known;
    const source = await this.services.sources.resolveRef(this.tx, ref, field);
    this.sources.set(key, source);
    return source;
  }

  /** The line committed: what it resolved is safe to reuse. */
  commit(): void {
    this.cache.add(this.actors, this.sources);
  }

  /** The existing actors among these references that are not known yet, in one query (committed rows: cached at once). */
  private async prefetchActors(refs: ActorRef[]): Promise<void> {
    const keys = new Set(
      refs.filter((ref) => !ref.id && !this.knownActor(actorKey(ref))).map((ref) => nameKey(ref.name ?? "")),
    );
    if (keys.size === 0) return;
    const found = await findActorsByKeys(this.tx, [...keys]);
    this.cache.add(new Map(found.map(({ key, ...actor }) => [`name:${key}`, actor])), new Map());
  }

  /** Likewise for sources, by source key (once their publishers are known). */
  private async prefetchSources(refs: SourceRef[]): Promise<void> {
    const keys = new Set<string>();
    for (const ref of refs) {
      const key = this.sourceKey(ref);
      if (key?.startsWith("source:") && !this.sources.has(key) && !this.cache.getSource(key)) {
        keys.add(key.slice("source:".length));
      }
    }
    if (keys.size === 0) return;
    const found = await findSourcesByKeys(this.tx, [...keys]);
    this.cache.add(new Map(), new Map(found.map((source) => [`source:${source.sourceKey}`, source])));
  }

  /** The cache key of a source reference (sourceKeyOf); null for a URL-less one whose publisher is not known yet. */
  private sourceKey(ref: SourceRef): string | null {
    if (ref.id) return `id:${ref.id}`;
    if (ref.url) return `source:${sourceKeyOf({ url: canonicalUrl(ref.url), title: "", publisherId: null })}`;
    const publisher = ref.publisher ? this.knownActor(actorKey(ref.publisher)) : null;
    if (publisher === undefined) return null;
    return `source:${sourceKeyOf({ url: null, title: ref.title ?? "", publisherId: publisher?.id ?? null })}`;
  }

  private knownActor(key: string): Actor | undefined {
    return this.actors.get(key) ?? this.cache.getActor(key);
  }
}

function actorKey(ref: ActorRef): string {
  return ref.id ? `id:${ref.id}` : `name:${nameKey(ref.name ?? "")}`;
}

/**
 * One reference per key, in key order. Of several naming the same new actor or source,
 * the first that can create it (an actor's `kind`, a source's `title`) is used.
 */
function inKeyOrder<R>(named: Named<R>[], keyOf: (ref: R) => string, canCreate: (ref: R) => boolean): Named<R>[] {
  const byKey = new Map<string, Named<R>>();
  for (const entry of named) {
    const key = keyOf(entry.ref);
    const chosen = byKey.get(key);
    if (!chosen || (!canCreate(chosen.ref) && canCreate(entry.ref))) byKey.set(key, entry);
  }
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, entry]) => entry);
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
