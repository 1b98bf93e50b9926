// Data access for verdicts: Prisma for reads, the SQL functions for writes.
import { rowFromJson } from "../../db/json-rows";
import type { Db, PrismaClient } from "../../db/prisma";
import { callWriteFunction } from "../../db/write-functions";
import type { Claim, Prisma, Verdict } from "../../generated/prisma/client";
import type { ClaimStatus } from "../../generated/prisma/enums";
import type { ActorRefJson } from "../actor/actor-ref-json";
import { claimFromJson } from "../claim/claim-writes.repository";

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

/** A verdict's own fields (verdictFields). */
export interface VerdictFields {
  rating: string;
  ratingValue: number | null;
  bestRating: number | null;
  worstRating: number | null;
  conclusion: ClaimStatus;
  reviewedAt: Date;
  url: string | null;
  explanation: string | null;
  language: string | null;
}

const VERDICT_TIMES = ["reviewedAt", "retractedAt", "createdAt"] as const satisfies readonly (keyof Verdict)[];

function verdictFromJson(json: unknown): Verdict {
  return rowFromJson<Verdict>(json, VERDICT_TIMES);
}

/**
 * addVerdict as one statement (claimtrail_add_verdict): the claim locked (a merged claim's ID
 * writes to the survivor), the reviewer resolved, the verdict and its change record, the
 * claim's status refreshed.
 */
export async function addVerdict(
  prisma: PrismaClient,
  input: { claimId: string; reviewer: ActorRefJson; verdict: VerdictFields },
  context: string,
): Promise<{ verdict: Verdict; claim: Claim }> {
  const result = await callWriteFunction<{ verdict: unknown; claim: unknown }>(
    prisma,
    "claimtrail_add_verdict",
    input,
    context,
  );
  return { verdict: verdictFromJson(result.verdict), claim: claimFromJson(result.claim) };
}

/** claimtrail_insert_verdict inside the caller's transaction, on a claim it has locked: the verdict and its change record. */
export async function insertVerdict(
  db: Db,
  target: { claimId: string; reviewerId: string },
  verdict: VerdictFields,
  context: string,
): Promise<Verdict> {
  const [row] = await db.$queryRaw<{ verdict: unknown }[]>`
    SELECT claimtrail_insert_verdict(${target.claimId}::uuid, ${target.reviewerId}::uuid,
      ${JSON.stringify(verdict)}::jsonb, ${context}::jsonb) AS verdict`;
  if (!row) throw new Error("claimtrail_insert_verdict returned no row");
  return verdictFromJson(row.verdict);
}

export function markVerdictRetracted(db: Db, id: string, reason: string) {
  return db.verdict.update({ where: { id }, data: { retractedAt: new Date(), retractionReason: reason } });
}
