// Data access for sources (Prisma only).
import type { Db } from "../../db/prisma";
import type { Prisma, Source } from "../../generated/prisma/client";
import type { SourceKind } from "../../generated/prisma/enums";

/** By ID (raw SQL, like findActorsByIds). */
export function findSourcesByIds(db: Db, ids: readonly string[]): Promise<Source[]> {
  return db.$queryRaw<Source[]>`
    SELECT id, url, source_key AS "sourceKey", title, kind::text AS kind, language, publisher_id AS "publisherId",
           published_at AS "publishedAt", retrieved_at AS "retrievedAt", content_hash AS "contentHash",
           archive_url AS "archiveUrl", created_at AS "createdAt", updated_at AS "updatedAt"
    FROM sources WHERE id = ANY(${[...ids]}::uuid[])`;
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
export function listSources(
  db: Db,
  where: Prisma.SourceWhereInput,
  take: number,
  after: { value: string; id: string } | null,
) {
  const at = after ? new Date(after.value) : null;
  const keyset: Prisma.SourceWhereInput | undefined =
    after && at ? { OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: after.id } }] } : undefined;
  return db.source.findMany({
    where: keyset ? { AND: [where, keyset] } : where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
}

export function countSources(db: Db, where: Prisma.SourceWhereInput) {
  return db.source.count({ where });
}
