// Builds the Prisma client: the Rust-free query compiler with the pg driver adapter, on a
// pool whose connections bound each statement's time.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client";
import { releaseBrokenTransactions } from "./release-broken-transactions";

export type { PrismaClient };
export type { Prisma } from "../generated/prisma/client";

export interface PrismaOptions {
  databaseUrl: string;
  poolSize?: number;
  /** How long a checkout waits for a free connection (ms). */
  poolWaitMs?: number;
  /** PostgreSQL statement_timeout of every connection (ms). */
  statementTimeoutMs?: number;
  /** Emit an event per SQL statement (tests and the benchmark count them). */
  emitQueryEvents?: boolean;
}

const pools = new WeakMap<object, pg.Pool>();

export function createPrismaClient(options: PrismaOptions) {
  const max = options.poolSize ?? 10;
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max,
    connectionTimeoutMillis: options.poolWaitMs ?? 5_000,
    // statement_timeout: a runaway statement is cancelled and its connection goes back to
    // the pool. idle_in_transaction_session_timeout, a safety net: should a transaction
    // ever be left open on a pooled connection (Prisma 6.19 can fail to start one under
    // load, see README), PostgreSQL ends it after 10 s instead of holding its row locks.
    // DateStyle ISO and TimeZone UTC whatever the server's defaults: node-postgres parses
    // timestamps in that format, the claim-children reader does from the text its documents
    // hold, and Node's Date reads the JSON PostgreSQL writes of them, which under a
    // database's local time zone may carry a local-mean-time offset (`+05:53:28`) it cannot.
    options: `-c statement_timeout=${options.statementTimeoutMs ?? 5_000} -c idle_in_transaction_session_timeout=10000 -c DateStyle=ISO -c TimeZone=UTC`,
  });
  // An idle connection that fails (the server restarted, an administrator ended it) is
  // dropped by the pool and replaced at the next checkout; without a listener, pg would
  // raise its error as an uncaught exception and end the process.
  pool.on("error", () => undefined);
  // A connection checked out of the pool loses the pool's listener (pg-pool removes it
  // while the connection is lent): one ended between two statements of a transaction
  // would raise the same uncaught exception. With this one, the transaction's next
  // statement fails instead, and the broken connection is discarded when released.
  pool.on("connect", (client) => client.on("error", () => undefined));
  const prisma = new PrismaClient({
    // A failed COMMIT/ROLLBACK would otherwise leak its connection (see the module).
    adapter: releaseBrokenTransactions(new PrismaPg(pool, { disposeExternalPool: true })),
    log: options.emitQueryEvents ? [{ emit: "event", level: "query" }] : [],
  });
  pools.set(prisma, pool);
  return prisma;
}

/** The pg pool under a client made by createPrismaClient (for raw SQL outside Prisma, e.g. rate limits). */
export function poolOf(prisma: object): pg.Pool {
  const pool = pools.get(prisma);
  if (!pool) throw new Error("poolOf: not a client made by createPrismaClient");
  return pool;
}

/** A client or an interactive-transaction client: repositories accept either. */
export type Db = Omit<
  ReturnType<typeof createPrismaClient>,
  "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends"
>;
