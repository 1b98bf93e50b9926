// The actors and sources a batch of import lines names, resolved for the whole batch:
// the existing ones found in one query per kind of key, the missing ones created in one
// INSERT per table. Lines are judged in input order, as if imported one by one: a line
// may use an actor or source that an earlier line of the batch creates; a line naming a
// missing actor without its kind (or a new source without its title) is rejected with
// the reason, and creates nothing.
import { randomUUID } from "node:crypto";
import { nameKey } from "../../shared/name-key";
import type { SqlClient } from "../../db/sql";
import type { Change } from "../audit/change-log";
import type { ActorRef } from "../actor/actor.schema";
import type { HopInput } from "../attribution/attribution.schema";
import { canonicalUrl } from "../source/canonical-url";
import { sourceKeyOf } from "../source/source.service";
import type { SourceRef } from "../source/source.schema";
import type { BulkError, BulkLine } from "./bulk-format";
import * as repo from "./bulk-import.repository";
import type { Pending, PendingRefs, RefActor, RefCache, RefSource } from "./ref-cache";

/** A reference and where it is in its line (for error messages). */
interface Named<R> {
  ref: R;
  field: string;
}

/**
 * Thrown when another transaction changed what the batch had read (it created an actor,
 * alias or source this batch meant to create, or merged away a claim the batch adds to):
 * the batch is tried again, and reads it anew.
 */
export class RefRaceError extends Error {
  constructor(what: string) {
    super(`${what} meanwhile; the batch is tried again`);
  }
}

export function actorKey(ref: ActorRef): string {
  return ref.id ? `id:${ref.id}` : `name:${nameKey(ref.name ?? "")}`;
}

/** Every actor reference of a line (publishers of its sources included), then every source reference. */
export function lineRefs(line: BulkLine): { actors: Named<ActorRef>[]; sources: Named<SourceRef>[] } {
  const actors: Named<ActorRef>[] = [];
  const sources: Named<SourceRef>[] = [];
  const source = (ref: SourceRef, field: string) => {
    if (ref.publisher) actors.push({ ref: ref.publisher, field: `${field}.publisher` });
    sources.push({ ref, field });
  };
  const relays = (via: HopInput[] | null | undefined, field: string) =>
    (via ?? []).forEach((hop, index) => {
      actors.push({ ref: hop.actor, field: `${field}.via.${index}.actor` });
      if (hop.source) source(hop.source, `${field}.via.${index}.source`);
    });
  line.statements.forEach((item, index) => {
    actors.push({ ref: item.actor, field: `statements.${index}.actor` });
    relays(item.via, `statements.${index}`);
    source(item.source, `statements.${index}.source`);
  });
  line.evidence.forEach((item, index) => {
    if (item.actor) actors.push({ ref: item.actor, field: `evidence.${index}.actor` });
    relays(item.via, `evidence.${index}`);
    source(item.source, `evidence.${index}.source`);
  });
  line.verdicts.forEach((item, index) => actors.push({ ref: item.reviewer, field: `verdicts.${index}.reviewer` }));
  return { actors, sources };
}

interface PlannedActor {
  row: repo.NewActor;
  /** As given (the change record lists them). */
  aliases: string[];
  /** Those to write: not the name itself, not repeated. */
  aliasRows: { actorId: string; alias: string; aliasKey: string }[];
}

export class BatchRefs {
  /** Lines (by position in the batch) rejected for a reference, with the reason. */
  readonly rejected = new Map<number, BulkError>();
  /** The change records of the actors and sources created. */
  readonly changes: Change[] = [];
  private readonly actors = new Map<string, RefActor>();
  private readonly sources = new Map<string, RefSource>();
  private readonly plannedActors = new Map<string, PlannedActor>();
  private readonly plannedSources = new Map<string, repo.NewSource>();
  /** Planned actor ids by key, given on first sight (a source's key names its publisher's id). */
  private readonly plannedIds = new Map<string, string>();
  /** Alias keys of planned actors, to the planned actor's key. */
  private readonly plannedAliases = new Map<string, string>();
  /** Keys of the actors and sources taken from another batch still in flight (not this batch's to cache). */
  private readonly borrowed = new Set<string>();
  /** When the batches they were taken from will have committed or failed. */
  private readonly lenders = new Set<Promise<void>>();

  private constructor(
    private readonly cache: RefCache,
    private readonly pending: PendingRefs | null,
  ) {}

  /**
   * Looks up what `lines` name, judges each line in order, and creates the missing actors
   * and sources of the lines it keeps (with their change records, not yet written).
   */
  static async resolve(
    sql: SqlClient,
    cache: RefCache,
    lines: readonly BulkLine[],
    pending: PendingRefs | null = null,
  ) {
    const refs = new BatchRefs(cache, pending);
    const perLine = lines.map(lineRefs);
    await refs.findActors(
      sql,
      perLine.flatMap((line) => line.actors.map(({ ref }) => ref)),
    );
    await refs.findSources(
      sql,
      perLine.flatMap((line) => line.sources.map(({ ref }) => ref)),
    );
    perLine.forEach((line, index) => refs.judge(index, line));
    await refs.create(sql);
    return refs;
  }

  /** The actor a kept line's reference names. */
  actor(ref: ActorRef): RefActor {
    const actor = this.actors.get(this.resolveActorKey(actorKey(ref)));
    if (!actor) throw new Error(`actor reference ${actorKey(ref)} was not resolved`);
    return actor;
  }

  /** The source a kept line's reference names. */
  source(ref: SourceRef): RefSource {
    const key = this.sourceKey(ref);
    const source = key === null ? undefined : this.sources.get(key);
    if (!source) throw new Error(`source reference ${key} was not resolved`);
    return source;
  }

  /**
   * Once the batch has committed: what it resolved is safe to reuse, but for what it took
   * from a batch in flight (its commit checked only the references of the rows it wrote).
   */
  commit(): void {
    const own = <V>(map: Map<string, V>) =>
      this.borrowed.size === 0 ? map : new Map([...map].filter(([key]) => !this.borrowed.has(key)));
    this.cache.add(own(this.actors), own(this.sources));
  }

  /**
   * Once every batch this one took an actor or source from has committed or failed: this
   * batch may commit then (its deferred foreign keys pass, or fail if one rolled back).
   */
  async lendersSettled(): Promise<void> {
    await Promise.all(this.lenders);
  }

  /** An actor or source created by another batch of the import that has not committed yet. */
  private borrow<V>(map: Map<string, V>, key: string, found: Pending<V> | undefined): boolean {
    if (found === undefined) return false;
    map.set(key, found.row);
    this.borrowed.add(key);
    this.lenders.add(found.settled);
    return true;
  }

  /** Actors by ID and by name, and the owners of the aliases that new actors would take. */
  private async findActors(sql: SqlClient, refs: ActorRef[]): Promise<void> {
    const ids = new Set<string>();
    const keys = new Set<string>();
    const aliases = refs.flatMap((ref): ActorRef[] =>
      ref.id ? [] : (ref.aliases ?? []).map((alias) => ({ name: alias }) as ActorRef),
    );
    for (const ref of [...refs, ...aliases]) {
      const key = actorKey(ref);
      if (this.actors.has(key)) continue;
      const cached = this.cache.getActor(key);
      if (cached) this.actors.set(key, cached);
      else if (this.borrow(this.actors, key, this.cache.getPendingActor(key))) continue;
      else if (ref.id) ids.add(ref.id);
      else keys.add(key.slice("name:".length));
    }
    if (ids.size > 0)
      for (const actor of await repo.findActorsByIds(sql, [...ids])) this.actors.set(`id:${actor.id}`, actor);
    if (keys.size > 0) {
      for (const { key, ...actor } of await repo.findActorsByKeys(sql, [...keys]))
        this.actors.set(`name:${key}`, actor);
    }
  }

  /** Sources by ID, by URL, or by title under a publisher that exists (one under a new publisher is new). */
  private async findSources(sql: SqlClient, refs: SourceRef[]): Promise<void> {
    const ids = new Set<string>();
    const keys = new Set<string>();
    for (const ref of refs) {
      const key = this.sourceKey(ref);
      if (key === null || this.sources.has(key)) continue;
      const cached = this.cache.getSource(key);
      if (cached) this.sources.set(key, cached);
      else if (this.borrow(this.sources, key, this.cache.getPendingSource(key))) continue;
      else if (ref.id) ids.add(ref.id);
      else keys.add(key.slice("source:".length));
    }
    if (ids.size > 0) {
      for (const source of await repo.findSourcesByIds(sql, [...ids])) this.sources.set(`id:${source.id}`, source);
    }
    if (keys.size > 0) {
      for (const source of await repo.findSourcesByKeys(sql, [...keys])) {
        this.sources.set(`source:${source.sourceKey}`, source);
      }
    }
  }

  /** Keeps the line if every reference resolves (to a row, or to one this or an earlier kept line creates). */
  private judge(index: number, line: ReturnType<typeof lineRefs>): void {
    const newActors = new Map<string, PlannedActor>();
    const newSources = new Map<string, repo.NewSource>();
    const fail = (error: BulkError): void => {
      this.rejected.set(index, error);
    };
    for (const { ref, field } of line.actors) {
      const key = this.resolveActorKey(actorKey(ref));
      if (this.actors.has(key) || this.plannedActors.has(key) || newActors.has(key)) continue;
      if (ref.id) return fail({ field: `${field}.id`, message: "No actor has this ID.", code: "NOT_FOUND" });
      const name = ref.name ?? "";
      if (!ref.kind) {
        const message = `No actor is named "${name}"; give its kind to create it.`;
        return fail({ field: `${field}.kind`, message, code: "REQUIRED" });
      }
      const row = {
        id: this.plannedId(key),
        name,
        nameKey: nameKey(name),
        kind: ref.kind,
        description: ref.description ?? null,
        affiliation: ref.affiliation ?? null,
      };
      // Its aliases, by ActorService.addAliases's rule: one naming another actor is a DUPLICATE.
      const aliasRows: PlannedActor["aliasRows"] = [];
      for (const [position, alias] of (ref.aliases ?? []).entries()) {
        const aliasKey = nameKey(alias);
        if (aliasKey === row.nameKey || aliasRows.some((entry) => entry.aliasKey === aliasKey)) continue;
        const owner = this.actors.get(`name:${aliasKey}`);
        const planned =
          this.plannedActors.get(this.resolveActorKey(`name:${aliasKey}`)) ?? newActors.get(`name:${aliasKey}`);
        if (owner || planned) {
          const message = `"${alias}" already names ${owner?.name ?? planned?.row.name}.`;
          return fail({ field: `${field}.aliases.${position}`, message, code: "DUPLICATE" });
        }
        aliasRows.push({ actorId: row.id, alias, aliasKey });
      }
      newActors.set(key, { row, aliases: ref.aliases ?? [], aliasRows });
    }
    for (const { ref, field } of line.sources) {
      const key = this.sourceKey(ref, newActors);
      if (key === null) throw new Error(`the publisher of ${field} was not judged`);
      if (this.sources.has(key) || this.plannedSources.has(key) || newSources.has(key)) continue;
      if (ref.id) return fail({ field: `${field}.id`, message: "No source has this ID.", code: "NOT_FOUND" });
      const url = ref.url ? canonicalUrl(ref.url) : null;
      if (!ref.title) {
        return fail({
          field: `${field}.title`,
          message: `The source ${url ?? ""} is new; give its title.`,
          code: "REQUIRED",
        });
      }
      newSources.set(key, {
        id: randomUUID(),
        url,
        sourceKey: key.slice("source:".length),
        title: ref.title,
        kind: ref.kind ?? "NEWS_ARTICLE",
        language: ref.language ?? null,
        publisherId: ref.publisher ? (this.actorId(ref.publisher, newActors) ?? null) : null,
        publishedAt: ref.publishedAt ?? null,
        retrievedAt: ref.retrievedAt ?? null,
        contentHash: ref.contentHash ?? null,
        archiveUrl: ref.archiveUrl ? canonicalUrl(ref.archiveUrl) : null,
      });
    }
    for (const [key, planned] of newActors) {
      this.plannedActors.set(key, planned);
      for (const alias of planned.aliases) this.plannedAliases.set(`name:${nameKey(alias)}`, key);
    }
    for (const [key, source] of newSources) this.plannedSources.set(key, source);
  }

  /** Inserts the planned actors with their aliases, then the planned sources, and records their creation. */
  private async create(sql: SqlClient): Promise<void> {
    const planned = [...this.plannedActors.values()];
    if (planned.length > 0) {
      const inserted = new Map(
        (
          await repo.insertActors(
            sql,
            planned.map((p) => p.row),
          )
        ).map((a) => [a.id, a]),
      );
      if (inserted.size < planned.length) throw new RefRaceError("another transaction created an actor of this batch");
      const aliases = planned.flatMap((p) => p.aliasRows);
      if (aliases.length > 0 && (await repo.insertAliases(sql, aliases)) < aliases.length) {
        throw new RefRaceError("another transaction took an alias of this batch");
      }
      for (const [key, { row, aliases }] of this.plannedActors) {
        const actor = inserted.get(row.id);
        if (!actor) throw new RefRaceError("another transaction created an actor of this batch");
        this.actors.set(key, actor);
        this.changes.push({ action: "CREATED", entityType: "Actor", entityId: actor.id, after: { ...actor, aliases } });
      }
    }
    const sources = [...this.plannedSources.values()];
    if (sources.length > 0) {
      const inserted = new Map((await repo.insertSources(sql, sources)).map((s) => [s.id, s]));
      if (inserted.size < sources.length) throw new RefRaceError("another transaction created a source of this batch");
      for (const [key, { id }] of this.plannedSources) {
        const source = inserted.get(id);
        if (!source) throw new RefRaceError("another transaction created a source of this batch");
        this.sources.set(key, source);
        this.changes.push({ action: "CREATED", entityType: "Source", entityId: source.id, after: source });
      }
    }
    this.sharePending();
  }

  /** What this batch created, by name and by alias, for the next batch to use while this one is in flight. */
  private sharePending(): void {
    if (!this.pending) return;
    const actors = new Map<string, RefActor>();
    for (const [key, { aliasRows }] of this.plannedActors) {
      const actor = this.actors.get(key);
      if (!actor) continue;
      actors.set(key, actor);
      for (const { aliasKey } of aliasRows) actors.set(`name:${aliasKey}`, actor);
    }
    const sources = new Map<string, RefSource>();
    for (const key of this.plannedSources.keys()) {
      const source = this.sources.get(key);
      if (source) sources.set(key, source);
    }
    this.pending.add(actors, sources);
  }

  /** A new actor named by one of its aliases is the actor planned under its name. */
  private resolveActorKey(key: string): string {
    return this.actors.has(key) ? key : (this.plannedAliases.get(key) ?? key);
  }

  private plannedId(key: string): string {
    let id = this.plannedIds.get(key);
    if (!id) this.plannedIds.set(key, (id = randomUUID()));
    return id;
  }

  /** The id of the actor a reference names, existing or planned (undefined: an unknown actor ID). */
  private actorId(ref: ActorRef, newActors?: Map<string, PlannedActor>): string | undefined {
    const key = this.resolveActorKey(actorKey(ref));
    const found = this.actors.get(key) ?? this.plannedActors.get(key)?.row ?? newActors?.get(key)?.row;
    if (found) return found.id;
    return ref.id ? undefined : this.plannedId(key);
  }

  /** The key of a source reference (sourceKeyOf); null when it names an unknown publisher ID. */
  private sourceKey(ref: SourceRef, newActors?: Map<string, PlannedActor>): string | null {
    if (ref.id) return `id:${ref.id}`;
    if (ref.url) return `source:${sourceKeyOf({ url: canonicalUrl(ref.url), title: "", publisherId: null })}`;
    const publisherId = ref.publisher ? this.actorId(ref.publisher, newActors) : null;
    if (publisherId === undefined) return null;
    return `source:${sourceKeyOf({ url: null, title: ref.title ?? "", publisherId })}`;
  }
}
