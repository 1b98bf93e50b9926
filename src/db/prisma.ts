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
  const adapter = new PrismaPg({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
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
