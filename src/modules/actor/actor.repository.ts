// Data access for actors and their aliases: Prisma, and the SQL functions that resolve a
// reference and add aliases (claimtrail_resolve_actor, claimtrail_add_aliases).
import type { Db } from "../../db/prisma";
import type { KeysetBound, PageRequest } from "../../shared/pagination";
import type { ActorKind } from "../../generated/prisma/enums";
import { Prisma, type Actor } from "../../generated/prisma/client";
import { literalLikeText } from "../../shared/like-pattern";
import { withUserErrors } from "../../db/user-errors";
import type { ActorRefJson, AliasJson } from "./actor-ref-json";

/** An actor row as raw SQL selects it from `actors a` (here and in bulk import's set-based reads). */
export const ACTOR_COLUMNS = Prisma.sql`a.id, a.name, a.name_key AS "nameKey", a.kind::text AS kind, a.description,
  a.affiliation, a.created_at AS "createdAt", a.updated_at AS "updatedAt"`;
export const ACTOR_COLUMN_NAMES = [
  "id",
  "name",
  "nameKey",
  "kind",
  "description",
  "affiliation",
  "createdAt",
  "updatedAt",
] as const;

/** By ID (raw SQL: the hottest lookup of all, kept off Prisma's query compiler). */
export function findActorsByIds(db: Db, ids: readonly string[]): Promise<Actor[]> {
  return db.$queryRaw<Actor[]>`SELECT ${ACTOR_COLUMNS} FROM actors a WHERE a.id = ANY(${[...ids]}::uuid[])`;
}

/**
 * The actor with this name key, or with an alias of it (the older, should both exist):
 * claimtrail_actor_by_key, the lookup that resolving a reference makes.
 */
export async function findActorByKey(db: Db, key: string): Promise<Actor | null> {
  const [actor] = await db.$queryRaw<Actor[]>`
    SELECT ${ACTOR_COLUMNS} FROM claimtrail_actor_by_key(${key}) a WHERE a.id IS NOT NULL`;
  return actor ?? null;
}

export function findAliasesByActorIds(db: Db, actorIds: readonly string[]) {
  return db.actorAlias.findMany({ where: { actorId: { in: [...actorIds] } }, orderBy: { alias: "asc" } });
}

export interface NewActor {
  name: string;
  nameKey: string;
  kind: ActorKind;
  description: string | null;
  affiliation: string | null;
}

/**
 * Inserts the actor unless one with the same normalized name exists (ON CONFLICT DO
 * NOTHING, so concurrent creators end with one row), then returns the stored row.
 */
export async function insertActorIfAbsent(db: Db, actor: NewActor) {
  const inserted = await db.actor.createMany({ data: [actor], skipDuplicates: true });
  const row = await db.actor.findUniqueOrThrow({ where: { nameKey: actor.nameKey } });
  return { actor: row, created: inserted.count === 1 };
}

/**
 * claimtrail_resolve_actor inside the caller's transaction: the actor by ID, or by name or
 * alias, created (with its aliases, and its change record) when new. User errors on `field`.
 */
export async function resolveActorRef(db: Db, ref: ActorRefJson, field: string, context: string): Promise<Actor> {
  const [actor] = await withUserErrors(
    () => db.$queryRaw<Actor[]>`
      SELECT ${ACTOR_COLUMNS} FROM claimtrail_resolve_actor(${JSON.stringify(ref)}::jsonb, ${field}, ${context}::jsonb) a`,
  );
  if (!actor) throw new Error("claimtrail_resolve_actor returned no row");
  return actor;
}

/**
 * claimtrail_add_aliases inside the caller's transaction: one that names another actor is a
 * user error (DUPLICATE on `${field}.<index>`); one equal to the actor's name, or repeated, is skipped.
 */
export async function addAliases(
  db: Db,
  actor: { id: string; nameKey: string },
  aliases: AliasJson[],
  field: string,
): Promise<void> {
  await withUserErrors(
    () => db.$executeRaw`
      SELECT claimtrail_add_aliases(${actor.id}::uuid, ${actor.nameKey}, ${JSON.stringify(aliases)}::jsonb, ${field})`,
  );
}

export function deleteAliases(db: Db, actorId: string, aliasKeys: string[]) {
  return db.actorAlias.deleteMany({ where: { actorId, aliasKey: { in: aliasKeys } } });
}

export function updateActor(db: Db, id: string, data: Prisma.ActorUpdateInput) {
  return db.actor.update({ where: { id }, data });
}

export function findActorByNameKey(db: Db, nameKey: string) {
  return db.actor.findUnique({ where: { nameKey } });
}

export function actorListWhere(filter: { kind?: ActorKind | null; nameContains?: string | null } | null | undefined) {
  const where: Prisma.ActorWhereInput = {};
  if (filter?.kind) where.kind = filter.kind;
  if (filter?.nameContains) {
    where.name = { contains: literalLikeText(filter.nameContains), mode: "insensitive" };
  }
  return where;
}

/** A page of actors in (name, id) order, between its bounds, read backwards for a backward page. */
export function listActors(db: Db, where: Prisma.ActorWhereInput, take: number, page: PageRequest<KeysetBound>) {
  const beyond = (bound: KeysetBound, comparison: "gt" | "lt"): Prisma.ActorWhereInput => ({
    OR: [{ name: { [comparison]: bound.value } }, { name: bound.value, id: { [comparison]: bound.id } }],
  });
  const bounds = [page.after && beyond(page.after, "gt"), page.before && beyond(page.before, "lt")].filter(
    (bound): bound is Prisma.ActorWhereInput => Boolean(bound),
  );
  const direction = page.backward ? "desc" : "asc";
  return db.actor.findMany({
    where: bounds.length ? { AND: [where, ...bounds] } : where,
    orderBy: [{ name: direction }, { id: direction }],
    take,
  });
}

export function countActors(db: Db, where: Prisma.ActorWhereInput) {
  return db.actor.count({ where });
}

export function findSourcesByPublishers(db: Db, publisherIds: readonly string[], take: number, skip: number) {
  return db.actor.findMany({
    where: { id: { in: [...publisherIds] } },
    relationLoadStrategy: "join",
    select: {
      id: true,
      publishedSources: { orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { id: "asc" }], take, skip },
    },
  });
}
