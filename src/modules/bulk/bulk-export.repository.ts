// What bulk export reads: claims in keyset pages, and for a page of claims their live
// statements, evidence items, verdicts and chains, a few queries per page (no N+1).
import type { Db } from "../../db/prisma";
import { Prisma } from "../../generated/prisma/client";

export interface ExportClaimRow {
  id: string;
  text: string;
  language: string;
  topics: string[];
  firstSeenAt: Date;
}

/** Where a page starts: after this claim in (first_seen_at, text, language, id) order. */
export type ExportCursor = Pick<ExportClaimRow, "firstSeenAt" | "text" | "language" | "id">;

function sinceSql(since: Date | null): Prisma.Sql {
  return since ? Prisma.sql`c.updated_at >= ${since}::timestamptz` : Prisma.sql`TRUE`;
}

export async function countExportClaims(db: Db, since: Date | null): Promise<number> {
  const [row] = await db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM claims c WHERE ${sinceSql(since)}`;
  return row?.count ?? 0;
}

/**
 * One page of claims in a canonical order (when first seen, then wording): an order that
 * two databases holding the same claims share, unlike creation times or IDs.
 */
export function findExportClaimPage(
  db: Db,
  after: ExportCursor | null,
  since: Date | null,
  take: number,
): Promise<ExportClaimRow[]> {
  const keyset = after
    ? Prisma.sql`AND (c.first_seen_at, c.text, c.language, c.id) >
                     (${after.firstSeenAt}::timestamptz, ${after.text}, ${after.language}, ${after.id}::uuid)`
    : Prisma.empty;
  return db.$queryRaw<ExportClaimRow[]>`
    SELECT c.id, c.text, c.language, c.topics, c.first_seen_at AS "firstSeenAt"
    FROM claims c
    WHERE ${sinceSql(since)} ${keyset}
    ORDER BY c.first_seen_at, c.text, c.language, c.id
    LIMIT ${take}`;
}

export function findLiveStatements(db: Db, claimIds: readonly string[]) {
  return db.statement.findMany({ where: { claimId: { in: [...claimIds] }, retractedAt: null } });
}

export function findLiveEvidence(db: Db, claimIds: readonly string[]) {
  return db.evidence.findMany({ where: { claimId: { in: [...claimIds] }, retractedAt: null } });
}

export function findLiveVerdicts(db: Db, claimIds: readonly string[]) {
  return db.verdict.findMany({ where: { claimId: { in: [...claimIds] }, retractedAt: null } });
}

/** The chains of these statements and evidence items, in position order. */
export function findHopsOf(db: Db, statementIds: readonly string[], evidenceIds: readonly string[]) {
  return db.attributionHop.findMany({
    where: { OR: [{ statementId: { in: [...statementIds] } }, { evidenceId: { in: [...evidenceIds] } }] },
    orderBy: { position: "asc" },
  });
}
