// Data access for writes to claims through the SQL functions that hold their rules
// (prisma/migrations/20261201*): the claim's lock, its derived columns, a new claim.
import { rowFromJson } from "../../db/json-rows";
import type { Db, PrismaClient } from "../../db/prisma";
import type { SqlClient } from "../../db/sql";
import { withUserErrors } from "../../db/user-errors";
import { callWriteFunction } from "../../db/write-functions";
import { Prisma, type Claim } from "../../generated/prisma/client";
import { CLAIM_COLUMNS } from "./claim-filter";

const CLAIM_TIMES = ["firstSeenAt", "createdAt", "updatedAt"] as const satisfies readonly (keyof Claim)[];

/** A claim as the SQL functions return it (claimtrail_claim_json). */
export function claimFromJson(json: unknown): Claim {
  return rowFromJson<Claim>(json, CLAIM_TIMES);
}

/**
 * claimtrail_lock_claim: takes the claim's row lock for the rest of the transaction (and
 * marks it updated with `touch`); returns the ID written to, the surviving claim's when the
 * claim was merged away. A missing claim is a user error (NOT_FOUND on `field`).
 */
export async function lockClaim(db: Db, claimId: string, touch: boolean, field: string): Promise<string> {
  const [row] = await withUserErrors(
    () => db.$queryRaw<{ id: string }[]>`SELECT claimtrail_lock_claim(${claimId}::uuid, ${touch}, ${field}) AS id`,
  );
  if (!row) throw new Error("claimtrail_lock_claim returned no row");
  return row.id;
}

/**
 * claimtrail_refresh_derived for one claim: re-applies the status rule, recomputes the
 * derived columns, moves firstSeenAt back to `seenAt` when earlier; returns the claim.
 */
export async function refreshDerived(db: Db, claimId: string, seenAt: Date | null): Promise<Claim> {
  const [claim] = await db.$queryRaw<Claim[]>`
    SELECT ${CLAIM_COLUMNS} FROM claimtrail_refresh_derived(ARRAY[${claimId}::uuid], ARRAY[${seenAt}::timestamptz]) c`;
  if (!claim) throw new Error(`claim ${claimId} vanished inside its own transaction`);
  return claim;
}

/** claimtrail_refresh_derived for many claims in one statement, each with its `seenAt`. */
export async function refreshDerivedOfClaims(sql: SqlClient, claims: ReadonlyMap<string, Date | null>): Promise<void> {
  await sql.rows({
    sql: Prisma.sql`SELECT count(*)::int AS refreshed
      FROM claimtrail_refresh_derived(${[...claims.keys()]}::uuid[], ${[...claims.values()]}::timestamptz[])`,
    columns: ["refreshed"],
  });
}

/** A new claim's row (createClaimSchema's fields with their defaults). */
export interface NewClaim {
  text: string;
  language: string;
  topics: string[];
  firstSeenAt: Date | null;
}

/** claimtrail_insert_claim inside the caller's transaction: the claim, its derived columns and change record. */
export async function insertClaim(db: Db, row: NewClaim, context: string): Promise<Claim> {
  const [result] = await db.$queryRaw<{ claim: unknown }[]>`
    SELECT claimtrail_insert_claim(${JSON.stringify(row)}::jsonb, ${context}::jsonb) AS claim`;
  if (!result) throw new Error("claimtrail_insert_claim returned no row");
  return claimFromJson(result.claim);
}

/**
 * createClaim as one statement (claimtrail_create_claim): the claims worded like `claim` by at
 * least `duplicateThreshold` (at most `duplicateLimit`, looked up before the new one
 * exists), then the new claim.
 */
export async function createClaim(
  prisma: PrismaClient,
  input: { claim: NewClaim; duplicateThreshold: number; duplicateLimit: number },
  context: string,
): Promise<{ claim: Claim; possibleDuplicates: { claim: Claim; similarity: number }[] }> {
  const result = await callWriteFunction<{
    claim: unknown;
    possibleDuplicates: { claim: unknown; similarity: number }[];
  }>(prisma, "claimtrail_create_claim", input, context);
  return {
    claim: claimFromJson(result.claim),
    possibleDuplicates: result.possibleDuplicates.map(({ claim, similarity }) => ({
      claim: claimFromJson(claim),
      similarity,
    })),
  };
}
