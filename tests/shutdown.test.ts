// SIGTERM under a stream of writes on kept-alive connections: the real server process
// drains (no new connections, `Connection: close`, idle keep-alive sockets closed,
// requests in flight finished) and exits 0; every write answered 200 is in the database
// exactly once, and every write that was not answered is absent (never committed but
// unanswered).
import { randomUUID } from "node:crypto";
import http from "node:http";
import pino from "pino";
import { createPrismaClient, type PrismaClient } from "../src/db/prisma";
import { createServices } from "../src/modules/services";
import { systemPrincipal } from "../src/modules/auth/permissions";
import { exited, startApp, type AppProcess } from "./helpers/app-process";
import { freePort } from "./helpers/free-port";
import { createTestDatabase, type TestDatabase } from "./helpers/test-server";

const WRITERS = 6;
const MARKER = "shutdown-test";

let database: TestDatabase;
let prisma: PrismaClient;
let app: AppProcess | null = null;

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = createPrismaClient({ databaseUrl: database.url, poolSize: 2 });
});

afterAll(async () => {
  if (app?.child.exitCode === null) app.child.kill("SIGKILL");
  await prisma?.$disconnect();
  await database?.drop();
});

interface Write {
  marker: string;
  sentAt: number;
  answeredAt: number;
  acknowledged: boolean;
  status: number | null;
  connectionClose: boolean;
  error?: string;
}

function post(agent: http.Agent, port: number, key: string, marker: string): Promise<Write> {
  const body = JSON.stringify({
    query: `mutation($text: String!) { createClaim(input: { text: $text }) { claim { id } userErrors { code } } }`,
    variables: { text: marker },
  });
  const sentAt = Date.now();
  return new Promise((resolve) => {
    // No answer, or a broken one: not acknowledged.
    const failed = (error: Error) =>
      resolve({
        marker,
        sentAt,
        answeredAt: Date.now(),
        acknowledged: false,
        status: null,
        connectionClose: false,
        error: String(error),
      });
    const request = http.request(
      {
        host: "127.0.0.1",
        port,
        path: "/graphql",
        method: "POST",
        agent,
        headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
        timeout: 15_000,
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () => {
          let id: unknown = null;
          try {
            const json = JSON.parse(text) as {
              data?: { createClaim?: { claim?: { id?: unknown } } };
              errors?: unknown;
            };
            id = json.errors ? null : json.data?.createClaim?.claim?.id;
          } catch {
            // not JSON: not acknowledged
          }
          resolve({
            marker,
            sentAt,
            answeredAt: Date.now(),
            acknowledged: response.statusCode === 200 && typeof id === "string",
            status: response.statusCode ?? null,
            connectionClose: response.headers.connection === "close",
          });
        });
        response.on("error", failed);
      },
    );
    request.on("timeout", () => request.destroy(new Error("timed out")));
    request.on("error", failed);
    request.end(body);
  });
}

test("SIGTERM during writes on kept-alive connections answers or refuses each write, commits only the answered ones, and exits 0", async () => {
  const services = createServices(prisma, pino({ level: "silent" }), { principal: systemPrincipal("shutdown test") });
  const { secret: key } = await services.apiKeys.createKey({ name: "shutdown editor", role: "EDITOR" });
  const port = await freePort();
  app = await startApp({
    DATABASE_URL: database.url,
    PORT: String(port),
    HOST: "127.0.0.1",
    MIGRATE_ON_START: "false",
    SEED_DEMO_DATA: "false",
    WEBHOOK_WORKER: "false",
  });
  const exitCode = exited(app);
  const agent = new http.Agent({ keepAlive: true, maxSockets: WRITERS });
  const writes: Write[] = [];
  let signalledAt = 0;
  const writer = async () => {
    // Until the server is gone (connections refused) or 20 s at most.
    const until = Date.now() + 20_000;
    while (Date.now() < until) {
      const write = await post(agent, port, key, `${MARKER} ${randomUUID()}`);
      writes.push(write);
      if (signalledAt && /ECONNREFUSED/.test(write.error ?? "")) return;
    }
  };
  const writers = Array.from({ length: WRITERS }, () => writer());
  try {
    while (writes.filter((w) => w.acknowledged).length < 30) await new Promise((resolve) => setTimeout(resolve, 20));
    signalledAt = Date.now();
    app.child.kill("SIGTERM");
    expect(await exitCode).toBe(0);
  } finally {
    await Promise.all(writers);
    agent.destroy();
  }

  const output = app.output();
  expect(output).toContain("shutting down on SIGTERM");
  expect(output).not.toMatch(/unclean shutdown|longer than 10 s|Unknown transaction status/);
  const after = writes.filter((w) => w.sentAt >= signalledAt);
  expect(after.length).toBeGreaterThan(0);
  // What a refused write may look like: a dropped connection or a refused one, never a server error.
  expect(writes.filter((w) => !w.acknowledged && w.status !== null && w.status !== 503)).toEqual([]);

  const rows = await prisma.$queryRaw<{ text: string; copies: bigint }[]>`
    SELECT text, count(*) AS copies FROM claims WHERE text LIKE ${`${MARKER} %`} GROUP BY text`;
  const copies = new Map(rows.map((row) => [row.text, Number(row.copies)]));
  const acknowledged = writes.filter((w) => w.acknowledged);
  expect(acknowledged.filter((w) => copies.get(w.marker) !== 1)).toEqual([]);
  expect(writes.filter((w) => !w.acknowledged && copies.has(w.marker))).toEqual([]);
  // Answers given once draining began (the signal needs a moment) tell the client to drop the connection.
  const lateAnswers = acknowledged.filter((w) => w.answeredAt > signalledAt + 250);
  expect(lateAnswers.filter((w) => !w.connectionClose)).toEqual([]);
}, 120_000);
