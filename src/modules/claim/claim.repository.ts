// Data access for claims: Prisma, and the hot list and by-id reads on the pool (db/sql.ts).
import type { Db, PrismaClient } from "../../db/prisma";
import { queryRows, rowCount } from "../../db/sql";
import { Prisma } from "../../generated/prisma/client";
import type { Claim } from "../../generated/prisma/client";
import { CLAIM_COLUMNS, CLAIM_COLUMN_NAMES, claimColumns, type ClaimColumnName } from "./claim-filter";
import {
  CHILDREN_COLUMN_NAMES,
  childrenColumns,
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
  const claim = claimColumns(limits.claimFields ?? null);
  const children = childrenColumns("c.id", limits);
  const rows = await queryRows<WithChildrenRow<Claim>>(prisma, {
    sql: Prisma.sql`
    SELECT ${claim.sql}, ${Prisma.raw(children.sql)} FROM claims c
    WHERE ${match}`,
    columns: [...claim.names, ...CHILDREN_COLUMN_NAMES],
    prepare: true,
  });
  return rows.map((row) => splitChildren(row, children.layouts));
}

export function updateClaim(db: Db, id: string, data: Prisma.ClaimUpdateInput) {
  return db.claim.update({ where: { id }, data });
}

/** The claim a merged claim was folded into, if it was. */
export async function findMergeTarget(db: Db, mergedClaimId: string): Promise<string | null> {
  const merge = await db.claimMerge.findUnique({ where: { mergedClaimId }, select: { intoClaimId: true } });
  return merge?.intoClaimId ?? null;
}

export function findMergeTargets(db: Db, mergedClaimIds: readonly string[]) {
  return db.claimMerge.findMany({ where: { mergedClaimId: { in: [...mergedClaimIds] } } });
}

export type ClaimOrderField = "UPDATED_AT" | "FIRST_SEEN_AT" | "CREATED_AT" | "STATEMENT_COUNT" | "DISPUTE";

/** The row field each ordering's cursors are made of (orderValue). */
const ORDER_COLUMN_NAMES: Record<ClaimOrderField, ClaimColumnName> = {
  UPDATED_AT: "updatedAt",
  FIRST_SEEN_AT: "firstSeenAt",
  CREATED_AT: "createdAt",
  STATEMENT_COUNT: "statementCount",
  DISPUTE: "disputeScore",
};

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
  // The order column always: the page's cursors are made of it.
  const claim = claimColumns(limits.claimFields ?? null, [ORDER_COLUMN_NAMES[order.field]]);
  const children = childrenColumns("c.id", limits);
  const rows = await queryRows<WithChildrenRow<Claim>>(prisma, {
    // The children columns are subqueries: PostgreSQL evaluates such costly output
    // expressions above the sort and the LIMIT, so for the page's rows only, whatever
    // plan finds them (tests/prepared-reads.test.ts checks a list that must sort).
    sql: Prisma.sql`
    SELECT ${claim.sql}, ${Prisma.raw(children.sql)}
    FROM claims c WHERE ${where} ${keyset}
    ORDER BY ${column} ${direction}, c.id ${direction}
    LIMIT ${rowCount(take)}`,
    columns: [...claim.names, ...CHILDREN_COLUMN_NAMES],
    prepare: true,
  });
  return rows.map((row) => splitChildren(row, children.layouts));
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
