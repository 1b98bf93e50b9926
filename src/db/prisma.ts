// Builds the Prisma client: the Rust-free query compiler with the pg driver adapter.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";

export type { PrismaClient };
export type { Prisma } from "../generated/prisma/client";

export interface PrismaOptions {
  databaseUrl: string;
  poolSize?: number;
  /** Emit an event per SQL statement (tests and the benchmark count them). */
  emitQueryEvents?: boolean;
}

export function createPrismaClient(options: PrismaOptions) {
  const adapter = new PrismaPg({
    connectionString: options.databaseUrl,
    max: options.poolSize ?? 10,
    // A safety net: should a transaction ever be left open on a pooled connection (Prisma
    // 6.19 can fail to start one under load, see README), PostgreSQL ends it after 10 s
    // instead of holding its row locks forever.
    options: "-c idle_in_transaction_session_timeout=10000",
  });
  return new PrismaClient({
    adapter,
    log: options.emitQueryEvents ? [{ emit: "event", level: "query" }] : [],
  });
}

/** A client or an interactive-transaction client: repositories accept either. */
export type Db = Omit<
  ReturnType<typeof createPrismaClient>,
  "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends"
>;
