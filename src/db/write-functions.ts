// The hot writes (recordStatement, addEvidence, addVerdict, createClaim) are each one call of
// a SQL function (prisma/migrations/20261201*): a single statement, its own transaction, so
// one round trip where a Prisma transaction took ten, with the same locks, rules, audit events
// and webhook outbox rows. The call goes to the pool as db/sql.ts's reads do (prepared once per
// connection, through the request's gate); a user error the function raises comes back as the
// UserInputError a service would have thrown, and then nothing was written.
import { Prisma } from "../generated/prisma/client";
import type { PrismaClient } from "./prisma";
import { queryRows } from "./sql";
import { withUserErrors } from "./user-errors";

export type WriteFunction =
  "claimtrail_record_statement" | "claimtrail_add_evidence" | "claimtrail_add_verdict" | "claimtrail_create_claim";

/**
 * Calls `fn(input, context)`: `input` goes as JSON (times as ISO strings), `context` is the
 * change log's (ChangeLog.context). Returns the function's JSON result.
 */
export async function callWriteFunction<Result>(
  prisma: PrismaClient,
  fn: WriteFunction,
  input: unknown,
  context: string,
): Promise<Result> {
  const [row] = await withUserErrors(() =>
    queryRows<{ result: Result }>(prisma, {
      sql: Prisma.sql`SELECT ${Prisma.raw(fn)}(${JSON.stringify(input)}::jsonb, ${context}::jsonb) AS result`,
      columns: ["result"],
      prepare: true,
    }),
  );
  if (!row) throw new Error(`${fn} returned no row`);
  return row.result;
}
