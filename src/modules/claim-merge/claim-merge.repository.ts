// Data access for merging claims (Prisma only; relation rewrites in SQL, so duplicates
// left by the move are dropped in the same statements).
import type { Db } from "../../db/prisma";
import { Prisma } from "../../generated/prisma/client";
import { SYMMETRIC } from "../claim-relation/claim-relation.service";

/** Moves statements, evidence and verdicts from one claim to another; returns the counts. */
export async function moveChildren(db: Db, fromId: string, intoId: string) {
  const statements = await db.statement.updateMany({ where: { claimId: fromId }, data: { claimId: intoId } });
  const evidence = await db.evidence.updateMany({ where: { claimId: fromId }, data: { claimId: intoId } });
  const verdicts = await db.verdict.updateMany({ where: { claimId: fromId }, data: { claimId: intoId } });
  return { statements: statements.count, evidence: evidence.count, verdicts: verdicts.count };
}

/**
 * Re-points the merged claim's relations at the surviving claim. A link between the two
 * claims themselves would become a self-link and is dropped; a link the surviving claim
 * already has (either way round, for symmetric kinds) is dropped as a duplicate. Returns how many links were moved.
 */
export async function moveRelations(db: Db, fromId: string, intoId: string): Promise<number> {
  await db.$executeRaw`
    DELETE FROM claim_relations
    WHERE (from_claim_id = ${fromId}::uuid AND to_claim_id = ${intoId}::uuid)
       OR (from_claim_id = ${intoId}::uuid AND to_claim_id = ${fromId}::uuid)`;
  const outgoing = await db.$executeRaw`
    UPDATE claim_relations r SET from_claim_id = ${intoId}::uuid
    WHERE r.from_claim_id = ${fromId}::uuid AND NOT EXISTS (
      SELECT 1 FROM claim_relations d
      WHERE d.kind = r.kind AND (
        (d.from_claim_id = ${intoId}::uuid AND d.to_claim_id = r.to_claim_id)
        OR (r.kind::text IN (${Prisma.join(SYMMETRIC)}) AND d.from_claim_id = r.to_claim_id AND d.to_claim_id = ${intoId}::uuid)))`;
  const incoming = await db.$executeRaw`
    UPDATE claim_relations r SET to_claim_id = ${intoId}::uuid
    WHERE r.to_claim_id = ${fromId}::uuid AND NOT EXISTS (
      SELECT 1 FROM claim_relations d
      WHERE d.kind = r.kind AND (
        (d.to_claim_id = ${intoId}::uuid AND d.from_claim_id = r.from_claim_id)
        OR (r.kind::text IN (${Prisma.join(SYMMETRIC)}) AND d.to_claim_id = r.from_claim_id AND d.from_claim_id = ${intoId}::uuid)))`;
  return outgoing + incoming;
}

/** Earlier merges into the merged claim now point at the surviving claim. */
export function repointMerges(db: Db, fromId: string, intoId: string) {
  return db.claimMerge.updateMany({ where: { intoClaimId: fromId }, data: { intoClaimId: intoId } });
}

export function insertMerge(db: Db, data: Prisma.ClaimMergeUncheckedCreateInput) {
  return db.claimMerge.create({ data });
}

/** Deletes the merged claim (its remaining duplicate relations go with it). */
export function deleteClaim(db: Db, id: string) {
  return db.claim.delete({ where: { id } });
}

export function findMergesInto(db: Db, claimIds: readonly string[]) {
  return db.claimMerge.findMany({ where: { intoClaimId: { in: [...claimIds] } }, orderBy: { mergedAt: "desc" } });
}
