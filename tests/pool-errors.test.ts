// A pooled connection whose backend is ended (a restart, an administrator) must not end
// the process, whether it sits idle in the pool or is lent out between two statements of a
// transaction (pg-pool removes its own error listener while a connection is lent).
import { createPrismaClient, poolOf, type PrismaClient } from "../src/db/prisma";
import { createTestDatabase, type TestDatabase } from "./helpers/test-server";

let database: TestDatabase;
let prisma: PrismaClient;

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = createPrismaClient({ databaseUrl: database.url, poolSize: 2 });
});
afterAll(async () => {
  await prisma.$disconnect();
  await database.drop();
});

test("a lent connection ended between two statements fails its next statement, not the process", async () => {
  const uncaught: unknown[] = [];
  const onUncaught = (error: unknown) => uncaught.push(error);
  process.on("uncaughtException", onUncaught);
  try {
    const lent = await poolOf(prisma).connect();
    await lent.query("BEGIN");
    const { rows } = await lent.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    // Another connection ends it, while it waits between statements.
    await prisma.$queryRawUnsafe(`SELECT pg_terminate_backend(${Number(rows[0]?.pid)}, 5000)`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(lent.query("SELECT 1")).rejects.toThrow();
    lent.release(new Error("ended"));
    // The pool goes on with a fresh connection.
    await expect(prisma.$queryRawUnsafe("SELECT 1 AS one")).resolves.toEqual([{ one: 1 }]);
  } finally {
    process.off("uncaughtException", onUncaught);
  }
  expect(uncaught).toEqual([]);
});
