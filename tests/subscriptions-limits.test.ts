// A subscriber that stops reading cannot make the server hold its events without bound: one
// that lets more than maxQueuedEvents of the feed's events wait reads its backlog from the
// audit log at its own pace instead, and one that falls that far behind again before it has
// caught up is closed with 1013 (try again later), while the others go on receiving every
// event. One in-process server with a small bound.
import pino from "pino";
import WebSocket from "ws";
import { startServer, type RunningServer } from "../src/app";
import { createPrismaClient, type PrismaClient } from "../src/db/prisma";
import { keyMaker } from "./helpers/live-instances";
import { errorCodes, subscribe, type Subscriber } from "./helpers/live-client";
import { createTestDatabase, dataOf, type TestDatabase } from "./helpers/test-server";

let database: TestDatabase;
let prisma: PrismaClient;
let server: RunningServer;
let origin: string;
/** A second instance whose anonymous budget is small: 1,000 points a minute. */
let frugal: RunningServer;
let adminKey: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const keys = keyMaker(database.url);
  adminKey = await keys.createKey("ADMIN", "limits admin");
  await keys.prisma.$disconnect();
  prisma = createPrismaClient({ databaseUrl: database.url, poolSize: 6 });
  const start = (options: Partial<Parameters<typeof startServer>[0]>) =>
    startServer({
      prisma,
      logger: pino({ level: "silent" }),
      nodeEnv: "test",
      port: 0,
      host: "127.0.0.1",
      explorer: false,
      ...options,
    });
  server = await start({ subscriptions: { maxQueuedEvents: 20 } });
  origin = `http://127.0.0.1:${server.port}`;
  frugal = await start({ rateLimits: { store: "memory", anonymousPoints: 1_000, windowSeconds: 60 } });
}, 60_000);

afterAll(async () => {
  await frugal?.close();
  await server?.close();
  await prisma?.$disconnect();
  await database?.drop();
});

/** The cursor of the latest event: subscribing after it receives exactly what comes from now on. */
async function now(): Promise<string> {
  const [row] = await prisma.$queryRaw<{ tx: string; id: string }[]>`
    SELECT e.tx_id::text AS tx, e.id::text AS id FROM audit_events e ORDER BY e.tx_id DESC, e.id DESC LIMIT 1`;
  return Buffer.from(`ev:${row!.tx}:${row!.id}`).toString("base64url");
}

/** Imports one NDJSON line: a claim (found by its wording, or created) with `count` statements. */
async function importStatements(text: string, count: number, from: number): Promise<void> {
  const padding = "x".repeat(900);
  const line = {
    claim: { text, language: "en", topics: ["limits"] },
    statements: Array.from({ length: count }, (_, index) => ({
      stance: "ASSERTS",
      actor: { name: `Limits Speaker ${from + index}`, kind: "PERSON" },
      paraphrase: `Statement ${from + index}: ${padding}`,
      source: { url: `https://limits.example/${from + index}`, title: `Limits ${from + index}` },
    })),
  };
  const response = await fetch(`${origin}/import/claims`, {
    method: "POST",
    headers: { "content-type": "application/x-ndjson", authorization: `Bearer ${adminKey}` },
    body: `${JSON.stringify(line)}\n`,
  });
  const body = await response.text();
  expect(response.status).toBe(200);
  expect(body).toMatch(/"rejected":0/);
}

test("a subscriber that stops reading reads its backlog from the table, is closed with 1013 when behind again; others get every event", async () => {
  const text = "A claim with many long statements, for the slow subscriber";
  await importStatements(text, 100, 0);
  const claimId = dataOf(
    (await (
      await fetch(`${origin}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: `{ claims(first: 1, filter: { topic: "limits" }) { nodes { id } } }` }),
      })
    ).json()) as { data?: { claims: { nodes: { id: string }[] } } },
  ).claims.nodes[0]!.id;
  // Each event carries the claim's hundred statements (about 100 kB), so the socket's buffers fill fast.
  const after = await now();
  const heavy = `subscription ($id: ID!, $after: String) { claimEvents(filter: { claimIds: [$id] }, after: $after) {
    cursor claim { statements(first: 100) { paraphrase actor { name } } } } }`;

  const slow = new WebSocket(`${origin.replace("http", "ws")}/graphql`, "graphql-transport-ws");
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    slow.on("close", (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await new Promise<void>((resolve, reject) => {
    slow.on("error", reject);
    slow.on("open", () => slow.send(JSON.stringify({ type: "connection_init", payload: {} })));
    slow.once("message", () => {
      slow.send(
        JSON.stringify({ id: "1", type: "subscribe", payload: { query: heavy, variables: { id: claimId, after } } }),
      );
      resolve();
    });
  });
  // A reader that keeps up, on a light selection.
  const reader: Subscriber = subscribe(
    `${origin}/graphql`,
    `subscription ($id: ID!, $after: String) { claimEvents(filter: { claimIds: [$id] }, after: $after) { cursor } }`,
    { variables: { id: claimId, after } },
  );
  await reader.connected;
  await new Promise((resolve) => setTimeout(resolve, 300));
  slow.pause();

  // One burst (one transaction: one batch) larger than the bound: both read it from the table.
  await importStatements(text, 300, 100);
  await reader.waitFor(300, 15_000);
  // Another: the reader has caught up and reads this one too; the slow one is still behind.
  await importStatements(text, 50, 400);
  // The close frame waits behind what the server had already sent: read on to reach it.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  let afterClose = 0;
  slow.on("message", () => (afterClose += 1));
  slow.resume();
  const { code, reason } = await Promise.race([
    closed,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error("the slow subscriber was never closed")), 15_000),
    ),
  ]);
  expect(code).toBe(1013);
  expect(reason).toMatch(/Slow consumer/);
  // It had received only part of the first burst: it resumes from its last cursor.
  expect(afterClose).toBeLessThan(350);
  // The others received every event, once, in order.
  await reader.waitFor(350, 15_000);
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(reader.results).toHaveLength(350);
  expect(reader.error).toBeUndefined();
  const cursors = reader.results.map(
    (result) => (result.data as { claimEvents: { cursor: string } }).claimEvents.cursor,
  );
  expect(new Set(cursors).size).toBe(350);
  await reader.dispose();
  slow.terminate();
}, 60_000);

test("delivered events are charged to the client's rate-limit budget; once it is spent, RATE_LIMITED ends the subscription", async () => {
  const text = "A claim whose events spend a small budget";
  await importStatements(text, 1, 1_000);
  // 1 (the event) + 1 (its claim) + 10 statements: 12 points an event.
  const subscriber = subscribe(
    `http://127.0.0.1:${frugal.port}/graphql`,
    `subscription ($after: String) { claimEvents(filter: { topics: ["limits"] }, after: $after) {
      cursor claim { statements(first: 10) { id } } } }`,
    { variables: { after: await now() } },
  );
  await subscriber.connected;
  await new Promise((resolve) => setTimeout(resolve, 300));
  // 100 events (1,200 points) are delivered, then charged; the next ones find the budget spent.
  await importStatements(text, 100, 1_001);
  await subscriber.waitFor(100, 15_000);
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  await importStatements(text, 5, 1_101);
  await subscriber.ended(10_000);
  expect(subscriber.results).toHaveLength(100);
  expect(errorCodes(subscriber.error)).toEqual(["RATE_LIMITED"]);
  expect(
    (subscriber.error as { extensions: { retryAfterSeconds: number } }[])[0]?.extensions.retryAfterSeconds,
  ).toBeGreaterThan(0);
  await subscriber.dispose();
}, 60_000);
