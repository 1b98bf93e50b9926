// Data access for sources (Prisma only).
import type { Db } from "../../db/prisma";
import type { KeysetBound, PageRequest } from "../../shared/pagination";
import { Prisma, type Source } from "../../generated/prisma/client";
import type { SourceKind } from "../../generated/prisma/enums";

/** A source row as raw SQL selects it from `sources s` (here and in bulk import's set-based reads). */
export const SOURCE_COLUMNS = Prisma.sql`s.id, s.url, s.source_key AS "sourceKey", s.title, s.kind::text AS kind, s.language,
  s.publisher_id AS "publisherId", s.published_at AS "publishedAt", s.retrieved_at AS "retrievedAt",
  s.content_hash AS "contentHash", s.archive_url AS "archiveUrl", s.created_at AS "createdAt", s.updated_at AS "updatedAt"`;
export const SOURCE_COLUMN_NAMES = [
  "id",
  "url",
  "sourceKey",
  "title",
  "kind",
  "language",
  "publisherId",
  "publishedAt",
  "retrievedAt",
  "contentHash",
  "archiveUrl",
  "createdAt",
  "updatedAt",
] as const;

/** By ID (raw SQL, like findActorsByIds). */
export function findSourcesByIds(db: Db, ids: readonly string[]): Promise<Source[]> {
  return db.$queryRaw<Source[]>`SELECT ${SOURCE_COLUMNS} FROM sources s WHERE s.id = ANY(${[...ids]}::uuid[])`;
}

export function findSourceByKey(db: Db, sourceKey: string) {
  return db.source.findUnique({ where: { sourceKey } });
}

/** Inserts unless the key exists (ON CONFLICT DO NOTHING): concurrent writers end with one row. */
export async function insertSourceIfAbsent(db: Db, data: Prisma.SourceCreateManyInput) {
  const inserted = await db.source.createMany({ data: [data], skipDuplicates: true });
  const row = await db.source.findUniqueOrThrow({ where: { sourceKey: data.sourceKey } });
  return { source: row, created: inserted.count === 1 };
}

export function updateSource(db: Db, id: string, data: Prisma.SourceUncheckedUpdateInput) {
  return db.source.update({ where: { id }, data });
}

export function sourceListWhere(filter: { publisherId?: string | null; kind?: SourceKind | null } | null | undefined) {
  const where: Prisma.SourceWhereInput = {};
  if (filter?.publisherId) where.publisherId = filter.publisherId;
  if (filter?.kind) where.kind = filter.kind;
  return where;
}

/** Newest first by creation: keyset on (createdAt, id), stable under concurrent inserts. */
/** A page of sources, newest first on (created_at, id), between its bounds, read backwards for a backward page. */
export function listSources(db: Db, where: Prisma.SourceWhereInput, take: number, page: PageRequest<KeysetBound>) {
  const beyond = (bound: KeysetBound, comparison: "gt" | "lt"): Prisma.SourceWhereInput | null => {
    const at = new Date(bound.value);
    if (Number.isNaN(at.getTime())) return null;
    return { OR: [{ createdAt: { [comparison]: at } }, { createdAt: at, id: { [comparison]: bound.id } }] };
  };
  // Newest first: "after" is older (less than), "before" newer.
  const bounds = [page.after && beyond(page.after, "lt"), page.before && beyond(page.before, "gt")].filter(
    (bound): bound is Prisma.SourceWhereInput => Boolean(bound),
  );
  const direction = page.backward ? "asc" : "desc";
  return db.source.findMany({
    where: bounds.length ? { AND: [where, ...bounds] } : where,
    orderBy: [{ createdAt: direction }, { id: direction }],
    take,
  });
}

export function countSources(db: Db, where: Prisma.SourceWhereInput) {
  return db.source.count({ where });
}
