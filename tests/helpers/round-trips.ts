// Counts round trips to PostgreSQL as the driver sees them: every query sent on a connection
// of `prisma`'s pool while `work` runs. Unlike TestServer.countSql (Prisma's query events and
// db/sql.ts's listeners), this includes the BEGIN and SET TRANSACTION of Prisma's
// transactions, which its query events leave out. The server's own listening connections
// (live updates, the API key cache) are not the pool's, and are not counted.
import pg from "pg";
import { poolOf, type PrismaClient } from "../../src/db/prisma";

type Query = (this: pg.Client, ...args: unknown[]) => unknown;

export async function countRoundTrips<T>(
  prisma: PrismaClient,
  work: () => Promise<T>,
): Promise<{ result: T; queries: string[] }> {
  const pool = poolOf(prisma);
  const lent = new Set<unknown>();
  const onAcquire = (client: pg.PoolClient) => lent.add(client);
  const prototype = pg.Client.prototype as unknown as { query: Query };
  const original = prototype.query;
  const queries: string[] = [];
  prototype.query = function (this: pg.Client, ...args: unknown[]) {
    if (lent.has(this)) {
      const [config] = args;
      queries.push(typeof config === "string" ? config : String((config as { text?: unknown }).text));
    }
    return original.apply(this, args);
  };
  pool.on("acquire", onAcquire);
  try {
    return { result: await work(), queries };
  } finally {
    pool.off("acquire", onAcquire);
    prototype.query = original;
  }
}
