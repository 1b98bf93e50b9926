// Data access for verdicts (Prisma only).
import type { Db } from "../../db/prisma";
import type { Prisma } from "../../generated/prisma/client";

export function findVerdictsByIds(db: Db, ids: readonly string[]) {
  return db.verdict.findMany({ where: { id: { in: [...ids] } } });
}

const NEWEST_FIRST = [
  { reviewedAt: "desc" },
  { createdAt: "desc" },
  { id: "desc" },
] satisfies Prisma.VerdictOrderByWithRelationInput[];

/** One page of verdicts per claim, newest first, in one query. */
export async function findVerdictPagesByClaims(
  db: Db,
  claimIds: readonly string[],
  options: { take: number; skip: number; includeRetracted?: boolean | null },
) {
  const rows = await db.claim.findMany({
    where: { id: { in: [...claimIds] } },
    relationLoadStrategy: "join",
    select: {
      id: true,
      verdicts: {
        where: options.includeRetracted ? {} : { retractedAt: null },
        orderBy: NEWEST_FIRST,
        take: options.take,
        skip: options.skip,
        include: { reviewer: true },
      },
    },
  });
  return rows.map((row) => ({ parentId: row.id, rows: row.verdicts }));
}

export function insertVerdict(db: Db, data: Prisma.VerdictUncheckedCreateInput) {
  return db.verdict.create({ data });
}

export function markVerdictRetracted(db: Db, id: string, reason: string) {
  return db.verdict.update({ where: { id }, data: { retractedAt: new Date(), retractionReason: reason } });
}
