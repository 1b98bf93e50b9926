// Data access for claims: Prisma, and the hot list and by-id reads on the pool (db/sql.ts).
import type { Db, PrismaClient } from "../../db/prisma";
import { queryRows, rowCount, type SqlClient } from "../../db/sql";
import { Prisma } from "../../generated/prisma/client";
import type { ClaimStatus, Stance } from "../../generated/prisma/enums";
import type { Claim } from "../../generated/prisma/client";
import { CLAIM_COLUMNS, CLAIM_COLUMN_NAMES } from "./claim-filter";
import type { StanceTally } from "./claim-status";
import {
  CHILDREN_COLUMN_NAMES,
  childrenColumnsSql,
  splitChildren,
  type ChildLimits,
  type ClaimChildren,
  type WithChildrenRow,
} from "./claim-children.repository";

export function findClaimsByIds(db: Db, ids: readonly string[]): Promise<Claim[]> {
  return db.$queryRaw<Claim[]>`SELECT ${CLAIM_COLUMNS} FROM claims c WHERE c.id = ANY(${[...ids]}::uuid[])`;
}

/** Claims by id with their children windows, in one statement. */
export async function findClaimsWithChildren(
  prisma: PrismaClient,
  ids: readonly string[],
  limits: ChildLimits,
): Promise<{ row: Claim; children: ClaimChildren }[]> {
  // One id (a claim page) as `= $1`: PostgreSQL then settles on one generic plan for the
  // prepared statement, where with an array it would plan each call anew.
  const match = ids.length === 1 ? Prisma.sql`c.id = ${ids[0]}::uuid` : Prisma.sql`c.id = ANY(${[...ids]}::uuid[])`;
  const rows = await queryRows<WithChildrenRow<Claim>>(prisma, {
    sql: Prisma.sql`
    SELECT ${CLAIM_COLUMNS}, ${Prisma.raw(childrenColumnsSql("c.id", limits))} FROM claims c
    WHERE ${match}`,
    columns: CLAIM_WITH_CHILDREN_COLUMNS,
    prepare: true,
  });
  return rows.map(splitChildren);
}

const CLAIM_WITH_CHILDREN_COLUMNS = [...CLAIM_COLUMN_NAMES, ...CHILDREN_COLUMN_NAMES] as const;

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
  const updated = await db.$executeRaw`UPDATE claims SET updated_at = now() WHERE id = ${id}::uuid`;
  return updated === 1;
}

/**
 * Takes the claim's row lock (the one an UPDATE takes) without writing the row: for a
 * change that ends in saveDerived, which marks the claim updated. False when there is no such claim.
 */
export async function lockClaimRow(db: Db, id: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ id: string }[]>`SELECT id FROM claims WHERE id = ${id}::uuid FOR NO KEY UPDATE`;
  return rows.length === 1;
}

/** The claim a merged claim was folded into, if it was. */
export async function findMergeTarget(db: Db, mergedClaimId: string): Promise<string | null> {
  const merge = await db.claimMerge.findUnique({ where: { mergedClaimId }, select: { intoClaimId: true } });
  return merge?.intoClaimId ?? null;
}

export function findMergeTargets(db: Db, mergedClaimIds: readonly string[]) {
  return db.claimMerge.findMany({ where: { mergedClaimId: { in: [...mergedClaimIds] } } });
}

/** Moves firstSeenAt back when a statement is older than what was known. */
export function lowerFirstSeen(db: Db, id: string, seenAt: Date) {
  return db.claim.updateMany({ where: { id, firstSeenAt: { gt: seenAt } }, data: { firstSeenAt: seenAt } });
}

/** What the status rule and the derived counts need: the latest live verdict and the live stances. */
export async function derivedInputs(
  db: Db,
  claimId: string,
): Promise<{ latestVerdict: ClaimStatus | null; stanceCounts: { stance: Stance; count: number }[] }> {
  // One round trip: the stance counts, plus a row for the latest verdict's conclusion.
  const rows = await db.$queryRaw<{ kind: "stance" | "verdict"; value: string; count: number }[]>`
    SELECT 'stance' AS kind, stance::text AS value, count(*)::int AS count
    FROM statements WHERE claim_id = ${claimId}::uuid AND retracted_at IS NULL GROUP BY stance
    UNION ALL
    (SELECT 'verdict', conclusion::text, 0 FROM verdicts
     WHERE claim_id = ${claimId}::uuid AND retracted_at IS NULL
     ORDER BY reviewed_at DESC, created_at DESC, id DESC LIMIT 1)`;
  return {
    latestVerdict: (rows.find((row) => row.kind === "verdict")?.value as ClaimStatus | undefined) ?? null,
    stanceCounts: rows
      .filter((row) => row.kind === "stance")
      .map((row) => ({ stance: row.value as Stance, count: row.count })),
  };
}

/** Writes the derived columns (status, counts, search document), marks the claim updated and returns it. */
export async function saveDerived(db: Db, claimId: string, status: ClaimStatus, tally: StanceTally): Promise<Claim> {
  const [claim] = await db.$queryRaw<Claim[]>`
    UPDATE claims c SET
      updated_at = now(), status = ${status}::"ClaimStatus",
      statement_count = ${tally.statementCount}, support_count = ${tally.supportCount},
      oppose_count = ${tally.opposeCount}, dispute_score = ${tally.disputeScore},
      search_vector = claim_search_document(c.id)
    WHERE c.id = ${claimId}::uuid
    RETURNING ${CLAIM_COLUMNS}`;
  if (!claim) throw new Error(`claim ${claimId} vanished inside its own transaction`);
  return claim;
}

/** derivedInputs for many claims in one query, by claim id (a claim with no live statement or verdict has no entry). */
export async function derivedInputsOfClaims(
  db: SqlClient,
  claimIds: readonly string[],
): Promise<Map<string, { latestVerdict: ClaimStatus | null; stanceCounts: { stance: Stance; count: number }[] }>> {
  const ids = Prisma.sql`(SELECT value::uuid FROM json_array_elements_text(${JSON.stringify(claimIds)}::json))`;
  const rows = await db.rows<{ claimId: string; kind: "stance" | "verdict"; value: string; count: number }>({
    sql: Prisma.sql`
      SELECT claim_id AS "claimId", 'stance' AS kind, stance::text AS value, count(*)::int AS count
      FROM statements WHERE claim_id IN ${ids} AND retracted_at IS NULL GROUP BY claim_id, stance
      UNION ALL
      (SELECT DISTINCT ON (claim_id) claim_id, 'verdict', conclusion::text, 0 FROM verdicts
       WHERE claim_id IN ${ids} AND retracted_at IS NULL
       ORDER BY claim_id, reviewed_at DESC, created_at DESC, id DESC)`,
    columns: ["claimId", "kind", "value", "count"],
  });
  const inputs = new Map<
    string,
    { latestVerdict: ClaimStatus | null; stanceCounts: { stance: Stance; count: number }[] }
  >();
  for (const row of rows) {
    let entry = inputs.get(row.claimId);
    if (!entry) inputs.set(row.claimId, (entry = { latestVerdict: null, stanceCounts: [] }));
    if (row.kind === "verdict") entry.latestVerdict = row.value as ClaimStatus;
    else entry.stanceCounts.push({ stance: row.value as Stance, count: row.count });
  }
  return inputs;
}

export interface DerivedColumns {
  claimId: string;
  status: ClaimStatus;
  tally: StanceTally;
  /** Moves first_seen_at back to this when it is earlier. */
  seenAt: Date | null;
}

/** saveDerived for many claims in one statement (search documents included). */
export async function saveDerivedOfClaims(db: SqlClient, rows: readonly DerivedColumns[]): Promise<void> {
  const input = rows.map(({ tally, ...row }) => ({ ...row, ...tally }));
  await db.rows({
    sql: Prisma.sql`
      UPDATE claims c SET
        updated_at = now(), status = d.status::"ClaimStatus",
        statement_count = d."statementCount", support_count = d."supportCount",
        oppose_count = d."opposeCount", dispute_score = d."disputeScore",
        first_seen_at = LEAST(c.first_seen_at, coalesce(d."seenAt", c.first_seen_at)),
        search_vector = claim_search_document(c.id)
      FROM json_to_recordset(${JSON.stringify(input)}::json)
        AS d("claimId" uuid, status text, "statementCount" int, "supportCount" int, "opposeCount" int,
             "disputeScore" int, "seenAt" timestamptz)
      WHERE c.id = d."claimId"`,
    columns: [],
  });
}

export type ClaimOrderField = "UPDATED_AT" | "FIRST_SEEN_AT" | "CREATED_AT" | "STATEMENT_COUNT" | "DISPUTE";

const ORDER_SQL: Record<ClaimOrderField, { column: Prisma.Sql; type: Prisma.Sql }> = {
  UPDATED_AT: { column: Prisma.raw("c.updated_at"), type: Prisma.raw("timestamptz") },
  FIRST_SEEN_AT: { column: Prisma.raw("c.first_seen_at"), type: Prisma.raw("timestamptz") },
  CREATED_AT: { column: Prisma.raw("c.created_at"), type: Prisma.raw("timestamptz") },
  STATEMENT_COUNT: { column: Prisma.raw("c.statement_count"), type: Prisma.raw("int") },
  DISPUTE: { column: Prisma.raw("c.dispute_score"), type: Prisma.raw("int") },
};

export interface ClaimOrder {
  field: ClaimOrderField;
  direction: "ASC" | "DESC";
}

/** A page's keyset bounds (order value and id) and its reading direction (pagination.ts's PageRequest). */
export interface ClaimPageBounds {
  after: { value: string; id: string } | null;
  before: { value: string; id: string } | null;
  backward: boolean;
}

/** A page in keyset order on (order column, id): stable while claims are being added. */
export function listClaims(
  prisma: PrismaClient,
  where: Prisma.Sql,
  order: ClaimOrder,
  take: number,
  bounds: ClaimPageBounds,
): Promise<Claim[]> {
  return queryRows<Claim>(prisma, {
    sql: listClaimsSql(where, order, take, bounds),
    columns: CLAIM_COLUMN_NAMES,
    prepare: true,
  });
}

/** listClaims with each claim's children windows, in one statement. */
export async function listClaimsWithChildren(
  prisma: PrismaClient,
  where: Prisma.Sql,
  order: ClaimOrder,
  take: number,
  bounds: ClaimPageBounds,
  limits: ChildLimits,
): Promise<{ row: Claim; children: ClaimChildren }[]> {
  const { column, direction, keyset } = orderSql(order, bounds);
  const rows = await queryRows<WithChildrenRow<Claim>>(prisma, {
    // The children columns are subqueries: PostgreSQL evaluates such costly output
    // expressions above the sort and the LIMIT, so for the page's rows only, whatever
    // plan finds them (tests/prepared-reads.test.ts checks a list that must sort).
    sql: Prisma.sql`
    SELECT ${CLAIM_COLUMNS}, ${Prisma.raw(childrenColumnsSql("c.id", limits))}
    FROM claims c WHERE ${where} ${keyset}
    ORDER BY ${column} ${direction}, c.id ${direction}
    LIMIT ${rowCount(take)}`,
    columns: CLAIM_WITH_CHILDREN_COLUMNS,
    prepare: true,
  });
  return rows.map(splitChildren);
}

/**
 * The ORDER BY direction and keyset conditions of a page: rows strictly after `after` and
 * before `before` in the list's order, read in that order, or in reverse for a backward page.
 */
function orderSql(order: ClaimOrder, bounds: ClaimPageBounds) {
  const { column, type } = ORDER_SQL[order.field];
  const ascending = order.direction === "ASC";
  const direction = Prisma.raw(ascending !== bounds.backward ? "ASC" : "DESC");
  const beyond = (bound: { value: string; id: string }, comparison: "<" | ">") =>
    Prisma.sql`AND (${column}, c.id) ${Prisma.raw(comparison)} (${bound.value}::${type}, ${bound.id}::uuid)`;
  const keyset = Prisma.join(
    [
      bounds.after ? beyond(bounds.after, ascending ? ">" : "<") : Prisma.empty,
      bounds.before ? beyond(bounds.before, ascending ? "<" : ">") : Prisma.empty,
    ],
    " ",
  );
  return { column, direction, keyset };
}

/** The SQL of listClaims (the benchmark EXPLAINs it). */
export function listClaimsSql(where: Prisma.Sql, order: ClaimOrder, take: number, bounds: ClaimPageBounds): Prisma.Sql {
  const { column, direction, keyset } = orderSql(order, bounds);
  return Prisma.sql`
    SELECT ${CLAIM_COLUMNS} FROM claims c
    WHERE ${where} ${keyset}
    ORDER BY ${column} ${direction}, c.id ${direction}
    LIMIT ${rowCount(take)}`;
}

/** The cursor value of a claim for an ordering. */
export function orderValue(claim: Claim, field: ClaimOrderField): string | number {
  switch (field) {
    case "UPDATED_AT":
      return claim.updatedAt.toISOString();
    case "FIRST_SEEN_AT":
      return claim.firstSeenAt.toISOString();
    case "CREATED_AT":
      return claim.createdAt.toISOString();
    case "STATEMENT_COUNT":
      return claim.statementCount;
    case "DISPUTE":
      return claim.disputeScore;
  }
}

export async function countClaims(db: Db, where: Prisma.Sql): Promise<number> {
  const [row] = await db.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM claims c WHERE ${where}`;
  return row?.count ?? 0;
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
