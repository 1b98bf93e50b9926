// Data access for sources: Prisma, and the SQL function that resolves a reference
// (claimtrail_resolve_source).
import type { Db } from "../../db/prisma";
import type { KeysetBound, PageRequest } from "../../shared/pagination";
import { Prisma, type Source } from "../../generated/prisma/client";
import type { SourceKind } from "../../generated/prisma/enums";
import { withUserErrors } from "../../db/user-errors";
import type { SourceRefJson } from "./source-ref-json";

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

/**
 * claimtrail_resolve_source inside the caller's transaction: the source by ID, or by canonical
 * URL or publisher and title, created (with its change record) when new. User errors on `field`.
 */
export async function resolveSourceRef(db: Db, ref: SourceRefJson, field: string, context: string): Promise<Source> {
  const [source] = await withUserErrors(
    () => db.$queryRaw<Source[]>`
      SELECT ${SOURCE_COLUMNS} FROM claimtrail_resolve_source(${JSON.stringify(ref)}::jsonb, ${field}, ${context}::jsonb) s`,
  );
  if (!source) throw new Error("claimtrail_resolve_source returned no row");
  return source;
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
