// Data access for claims (Prisma only).
import type { Db } from "../../db/prisma";
import { Prisma } from "../../generated/prisma/client";
import type { ClaimStatus, Stance } from "../../generated/prisma/enums";

export function findClaimsByIds(db: Db, ids: readonly string[]) {
  return db.claim.findMany({ where: { id: { in: [...ids] } } });
}

export function insertClaim(db: Db, data: Prisma.ClaimCreateInput) {
  return db.claim.create({ data });
}

export function updateClaim(db: Db, id: string, data: Prisma.ClaimUpdateInput) {
  return db.claim.update({ where: { id }, data });
}

/**
 * Marks the claim as changed and takes its row lock for the rest of the transaction,
 * so that concurrent writes to one claim (and its status) are serialized.
 * False when there is no such claim.
 */
export async function touchClaimForUpdate(db: Db, id: string): Promise<boolean> {
  const result = await db.claim.updateMany({ where: { id }, data: { updatedAt: new Date() } });
  return result.count === 1;
}

/** Moves firstSeenAt back when a statement is older than what was known. */
export function lowerFirstSeen(db: Db, id: string, seenAt: Date) {
  return db.claim.updateMany({ where: { id, firstSeenAt: { gt: seenAt } }, data: { firstSeenAt: seenAt } });
}

/** What the status rule needs: the latest live verdict and the live stances. */
export async function statusInputs(
  db: Db,
  claimId: string,
): Promise<{ latestVerdict: ClaimStatus | null; stances: Stance[] }> {
  const [verdict, stances] = await Promise.all([
    db.verdict.findFirst({
      where: { claimId, retractedAt: null },
      orderBy: [{ reviewedAt: "desc" }, { createdAt: "desc" }],
      select: { conclusion: true },
    }),
    db.statement.findMany({ where: { claimId, retractedAt: null }, distinct: ["stance"], select: { stance: true } }),
  ]);
  return { latestVerdict: verdict?.conclusion ?? null, stances: stances.map((row) => row.stance) };
}

export function setStatus(db: Db, id: string, status: ClaimStatus) {
  return db.claim.update({ where: { id }, data: { status } });
}

export type ClaimOrderField = "UPDATED_AT" | "FIRST_SEEN_AT" | "CREATED_AT";
const ORDER_COLUMN = { UPDATED_AT: "updatedAt", FIRST_SEEN_AT: "firstSeenAt", CREATED_AT: "createdAt" } as const;

export function claimListWhere(
  filter: { status?: ClaimStatus[] | null; topic?: string | null; language?: string | null } | null | undefined,
): Prisma.ClaimWhereInput {
  const where: Prisma.ClaimWhereInput = {};
  if (filter?.status?.length) where.status = { in: filter.status };
  if (filter?.topic) where.topics = { has: filter.topic };
  if (filter?.language) where.language = filter.language;
  return where;
}

/** A page in keyset order on (order column, id): stable while claims are being added. */
export function listClaims(
  db: Db,
  where: Prisma.ClaimWhereInput,
  order: { field: ClaimOrderField; direction: "ASC" | "DESC" },
  take: number,
  after: { value: Date; id: string } | null,
) {
  const column = ORDER_COLUMN[order.field];
  const dir = order.direction === "ASC" ? "asc" : "desc";
  const beyond = order.direction === "ASC" ? "gt" : "lt";
  const keyset: Prisma.ClaimWhereInput | undefined = after
    ? { OR: [{ [column]: { [beyond]: after.value } }, { [column]: after.value, id: { [beyond]: after.id } }] }
    : undefined;
  return db.claim.findMany({
    where: keyset ? { AND: [where, keyset] } : where,
    orderBy: [{ [column]: dir }, { id: dir }],
    take,
  });
}

export function orderValue(
  claim: { updatedAt: Date; firstSeenAt: Date; createdAt: Date },
  field: ClaimOrderField,
): Date {
  return claim[ORDER_COLUMN[field]];
}

export function countClaims(db: Db, where: Prisma.ClaimWhereInput) {
  return db.claim.count({ where });
}

/** Per actor, the ids of the claims it has live statements on, most recently updated first. */
export function findClaimIdsBySpeakers(db: Db, actorIds: readonly string[], take: number, skip: number) {
  return db.$queryRaw<{ parent_id: string; claim_id: string }[]>(Prisma.sql`
    SELECT parent_id, claim_id FROM (
      SELECT s.actor_id AS parent_id, c.id AS claim_id,
             row_number() OVER (PARTITION BY s.actor_id ORDER BY c.updated_at DESC, c.id DESC) AS rank
      FROM (SELECT DISTINCT actor_id, claim_id FROM statements
            WHERE actor_id = ANY(${[...actorIds]}::uuid[]) AND retracted_at IS NULL) s
      JOIN claims c ON c.id = s.claim_id
    ) ranked
    WHERE rank > ${skip} AND rank <= ${skip + take}
    ORDER BY parent_id, rank`);
}

/** Per source, the ids of the claims it carries (statements or evidence), most recently updated first. */
export function findClaimIdsBySources(db: Db, sourceIds: readonly string[], take: number, skip: number) {
  return db.$queryRaw<{ parent_id: string; claim_id: string }[]>(Prisma.sql`
    SELECT parent_id, claim_id FROM (
      SELECT s.source_id AS parent_id, c.id AS claim_id,
             row_number() OVER (PARTITION BY s.source_id ORDER BY c.updated_at DESC, c.id DESC) AS rank
      FROM (SELECT source_id, claim_id FROM statements
              WHERE source_id = ANY(${[...sourceIds]}::uuid[]) AND retracted_at IS NULL
            UNION
            SELECT source_id, claim_id FROM evidence
              WHERE source_id = ANY(${[...sourceIds]}::uuid[]) AND retracted_at IS NULL) s
      JOIN claims c ON c.id = s.claim_id
    ) ranked
    WHERE rank > ${skip} AND rank <= ${skip + take}
    ORDER BY parent_id, rank`);
}

/** Live statement, evidence counts per claim in one query. */
export function countChildrenByClaims(db: Db, claimIds: readonly string[]) {
  return db.claim.findMany({
    where: { id: { in: [...claimIds] } },
    select: {
      id: true,
      _count: {
        select: { statements: { where: { retractedAt: null } }, evidence: { where: { retractedAt: null } } },
      },
    },
  });
}
