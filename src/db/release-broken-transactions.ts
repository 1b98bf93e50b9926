// Works around a connection leak of Prisma 6.19 with the pg driver adapter: to end an
// interactive transaction Prisma sends COMMIT (or ROLLBACK) and only then tells the
// adapter to release the connection; when that statement fails (the database restarted
// or the connection broke) the release never happens. The connection stays checked out
// for good: the pool shrinks by one for every transaction a restart interrupts, and
// `$disconnect()` (pool.end) waits for it forever. Here a failed COMMIT/ROLLBACK
// releases its connection with the error, so pg discards it and the pool reconnects.
import type { PrismaPg } from "@prisma/adapter-pg";
import type { PoolClient } from "pg";

/** What the adapter's transaction carries at run time (fields its typings keep protected). */
interface PgTransactionInternals {
  client: PoolClient;
  cleanup?: () => void;
  executeRaw(query: { sql: string }): Promise<number>;
}

const ENDING_STATEMENTS = new Set(["COMMIT", "ROLLBACK"]);

export function releaseBrokenTransactions(factory: PrismaPg): PrismaPg {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const transaction = await startTransaction(isolationLevel);
      const internals = transaction as unknown as PgTransactionInternals;
      const executeRaw = internals.executeRaw.bind(transaction);
      internals.executeRaw = async (query) => {
        try {
          return await executeRaw(query);
        } catch (error) {
          if (ENDING_STATEMENTS.has(query.sql)) {
            internals.cleanup?.();
            internals.client.release(error instanceof Error ? error : new Error(String(error)));
          }
          throw error;
        }
      };
      return transaction;
    };
    return adapter;
  };
  return factory;
}
