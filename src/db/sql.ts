// The hot read paths' SQL (the claim page, the claim lists, search), sent straight to the
// pg pool under the Prisma client instead of through `$queryRaw`. A profile showed
// Prisma's per-query work (argument and result conversion through its query engine)
// costing a fifth of the server's CPU on the claim page; here a statement is one pool
// query. The hot statements (claim page, lists, search) are prepared once per connection
// under a stable name, so PostgreSQL parses them once and, after five executions, plans
// them once too when its generic plan costs no more than the plans made for the values
// (its plan cache's rule; planning was a third of the dashboard list's database time).
// A statement prepared so must not hide work in a value-dependent expression that a
// generic plan would compute per row: search computes its tsquery in a scalar subquery,
// once per execution (search.repository.ts).
//
// Prisma keeps the schema, the migrations and the rest of data access. Statements are
// written with `Prisma.sql` as elsewhere (same escaping of values), and every one runs
// through the request's gate (deadline, per-client slots) when the client is a request's
// gated view. Rows are typed by the columns a statement declares: the first result of each
// statement text is checked against them, so a query edited out of step with its type
// fails loudly instead of leaving `undefined` fields.
import { createHash } from "node:crypto";
import { Prisma } from "../generated/prisma/client";
import { gateOf } from "./client-gate";
import { poolOf, type PrismaClient } from "./prisma";

/** A statement and the columns of its rows. */
export interface TypedQuery<Row> {
  sql: Prisma.Sql;
  /** The column names every row has (checked once per statement text). */
  columns: readonly (keyof Row & string)[];
  /** Prepare it once per connection (only for statements whose best plan is the same for any values). */
  prepare?: boolean;
}

/**
 * A row count (a LIMIT) written into the statement's text rather than sent as a
 * value: a prepared statement's generic plan then knows how many rows it returns. With
 * `LIMIT $n` it assumes a tenth of the matching rows, and the dashboard list's plan, so
 * costed, crossed the JIT threshold and spent 19 ms compiling itself. An OFFSET stays a
 * value: written in, every page of a search would be a statement text of its own, each
 * prepared on every connection.
 */
export function rowCount(value: number): Prisma.Sql {
  return Prisma.raw(rowCountText(value));
}

export function rowCountText(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`not a row count: ${value}`);
  return String(value);
}

type Listener = (sql: string) => void;
const listeners = new WeakMap<object, Listener[]>();
/**
 * Statement texts whose result columns were checked, with their prepared-statement name.
 * Bounded, as every connection keeps each statement it prepared: past the bound, texts are
 * checked on every run and not prepared.
 */
const checked = new Map<string, string>();
const CHECKED_LIMIT = 200;

/** Calls `listener` with the text of every statement this module sends for `prisma` (tests and the benchmark count them). */
export function onSql(prisma: object, listener: Listener): void {
  const list = listeners.get(prisma) ?? [];
  list.push(listener);
  listeners.set(prisma, list);
}

/** The underlying client of a gated view (the pool and listeners are registered on it). */
function baseOf(prisma: PrismaClient): object {
  return gateOf(prisma)?.base ?? prisma;
}

/**
 * Runs `query` on the pool of `prisma` (a client, not a transaction: these are reads outside
 * any transaction, or a write that is one statement, see write-functions.ts) and returns its
 * rows, typed by `query.columns`.
 */
export async function queryRows<Row>(prisma: PrismaClient, query: TypedQuery<Row>): Promise<Row[]> {
  const base = baseOf(prisma);
  const pool = poolOf(base);
  const { text, values } = query.sql;
  const name = checked.get(text);
  const run = () => pool.query(name && query.prepare ? { name, text, values } : { text, values });
  const gate = gateOf(prisma);
  const result = gate ? await gate.run(run) : await run();
  for (const listener of listeners.get(base) ?? []) listener(text);
  if (name === undefined) {
    assertColumns(query.columns, result.fields);
    // Named from then on (pg prepares a named statement once per connection).
    if (checked.size < CHECKED_LIMIT) {
      checked.set(text, `ct_${createHash("sha1").update(text).digest("hex").slice(0, 16)}`);
    }
  }
  return result.rows as Row[];
}

/** Statements inside a transaction on one pool connection (inPoolTransaction). */
export interface SqlClient {
  /** Runs `query` and returns its rows, typed by `query.columns` (checked as queryRows checks them). */
  rows<Row>(query: TypedQuery<Row>): Promise<Row[]>;
}

/**
 * Runs `work` in a READ COMMITTED transaction on one connection of `prisma`'s pool, through
 * the request's gate when `prisma` is a gated view: committed when `work` resolves, rolled
 * back when it throws. For set-based writes whose statements carry large documents (bulk
 * import): through Prisma, each such statement's arguments pass its query engine, which
 * a profile showed costing a quarter of the import's CPU and hundreds of MiB of memory.
 */
export async function inPoolTransaction<T>(prisma: PrismaClient, work: (sql: SqlClient) => Promise<T>): Promise<T> {
  const base = baseOf(prisma);
  const transaction = async () => {
    const connection = await poolOf(base).connect();
    let broken: Error | undefined;
    const sql: SqlClient = {
      rows: async <Row>(query: TypedQuery<Row>) => {
        const { text, values } = query.sql;
        const result = await connection.query({ text, values });
        for (const listener of listeners.get(base) ?? []) listener(text);
        checkColumns(text, query.columns, result.fields);
        return result.rows as Row[];
      },
    };
    try {
      await connection.query("BEGIN ISOLATION LEVEL READ COMMITTED");
      const result = await work(sql);
      await connection.query("COMMIT");
      return result;
    } catch (error) {
      await connection.query("ROLLBACK").catch((rollbackFailed: Error) => {
        broken = rollbackFailed;
      });
      throw error;
    } finally {
      // A connection that could not roll back is closed rather than handed to the next user.
      connection.release(broken);
    }
  };
  const gate = gateOf(prisma);
  return gate ? gate.run(transaction) : transaction();
}

const checkedColumns = new Set<string>();

function checkColumns(text: string, columns: readonly string[], fields: readonly { name: string }[]): void {
  if (checkedColumns.has(text)) return;
  assertColumns(columns, fields);
  if (checkedColumns.size < CHECKED_LIMIT) checkedColumns.add(text);
}

function assertColumns(columns: readonly string[], fields: readonly { name: string }[]): void {
  const missing = columns.filter((column) => !fields.some((field) => field.name === column));
  if (missing.length > 0) throw new Error(`SQL result lacks the columns ${missing.join(", ")} its row type declares`);
}
