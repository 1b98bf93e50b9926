// Data access for actors and their aliases (Prisma only).
import type { Db } from "../../db/prisma";
import type { KeysetBound, PageRequest } from "../../shared/pagination";
import type { ActorKind } from "../../generated/prisma/enums";
import { Prisma, type Actor } from "../../generated/prisma/client";
import { literalLikeText } from "../../shared/like-pattern";

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
 * The actor with this name key, or with an alias of it (the older, should both exist): two
 * unique-index lookups (an OR of the two, as Prisma writes it, scans every actor).
 */
export async function findActorByKey(db: Db, key: string): Promise<Actor | null> {
  const [actor] = await db.$queryRaw<Actor[]>`
    SELECT ${ACTOR_COLUMNS}
    FROM (SELECT a.* FROM actors a WHERE a.name_key = ${key}
          UNION ALL
          SELECT a.* FROM actor_aliases al JOIN actors a ON a.id = al.actor_id WHERE al.alias_key = ${key}) a
    ORDER BY a.created_at LIMIT 1`;
  return actor ?? null;
}

export function findAliasOwner(db: Db, aliasKey: string) {
  return db.actorAlias.findUnique({ where: { aliasKey }, select: { actorId: true } });
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

export async function insertAliases(db: Db, actorId: string, aliases: { alias: string; aliasKey: string }[]) {
  if (aliases.length === 0) return 0;
  const result = await db.actorAlias.createMany({
    data: aliases.map((alias) => ({ actorId, ...alias })),
    skipDuplicates: true,
  });
  return result.count;
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
