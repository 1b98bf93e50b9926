// Multi-step writes run in one named transaction; the transaction client is passed down
// to the repositories it calls. Expected failures (UserInputError) roll it back.
import type { PrismaClient, Db } from "../db/prisma";

export type Tx = Db;

export function inTransaction<T>(prisma: PrismaClient, work: (tx: Tx) => Promise<T>): Promise<T> {
  return prisma.$transaction((tx) => work(tx), { isolationLevel: "ReadCommitted", timeout: 15_000, maxWait: 10_000 });
}
