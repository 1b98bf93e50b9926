// The database going away under load: a throw-away PostgreSQL of this test's own is
// stopped (fast shutdown) while readers and writers keep going, then started again.
// Meanwhile every failed request is a 503 SERVICE_UNAVAILABLE with Retry-After (never a
// 500); afterwards the same server recovers by itself, and every acknowledged write is
// in the database exactly once.
import { randomUUID } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { startServer, type RunningServer } from "../src/app";
import { startEmbeddedPostgres, type EmbeddedPostgresOptions, type RunningPostgres } from "../src/db/embedded-postgres";
import { migrateDeploy } from "../src/db/migrate";
import { createPrismaClient, type PrismaClient } from "../src/db/prisma";
import { createServices } from "../src/modules/services";
import { systemPrincipal } from "../src/modules/auth/permissions";
import { encodeId } from "../src/shared/global-id";
import { freePort } from "./helpers/free-port";

const READERS = 3;
const WRITERS = 3;
const MARKER = "fault-test";
const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });

let dir: string;
let pgOptions: EmbeddedPostgresOptions;
let postgres: RunningPostgres | null = null;
let prisma: PrismaClient | null = null;
let server: RunningServer | null = null;
let editorKey: string;

interface Outcome {
  kind: "read" | "write";
  sentAt: number;
  status: number | null;
  retryAfter: string | null;
  codes: string[];
  ok: boolean;
  marker?: string;
  networkError?: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "claimtrail-fault-"));
  // Run as root, PostgreSQL runs as a `postgres` user, which must reach the folder.
  chmodSync(dir, 0o755);
  pgOptions = {
    dataDir: path.join(dir, "data"),
    port: await freePort(),
    database: "claimtrail_fault",
    logger,
    persistent: true,
  };
  postgres = await startEmbeddedPostgres(pgOptions);
  await migrateDeploy(postgres.url);
  prisma = createPrismaClient({ databaseUrl: postgres.url, poolSize: 5 });
  server = await startServer({ prisma, logger, nodeEnv: "production", port: 0, host: "127.0.0.1" });
  const services = createServices(prisma, logger, { principal: systemPrincipal("fault test") });
  editorKey = (await services.apiKeys.createKey({ name: "fault editor", role: "EDITOR" })).secret;
}, 90_000);

afterAll(async () => {
  // Each step on its own, so a failed one never leaves the cluster running.
  await server?.close().catch(() => undefined);
  await prisma?.$disconnect().catch(() => undefined);
  await postgres?.stop().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
}, 30_000);

async function send(kind: "read" | "write"): Promise<Outcome> {
  const marker = kind === "write" ? `${MARKER} ${randomUUID()}` : undefined;
  const body =
    kind === "read"
      ? { query: `{ claims(first: 5) { totalCount nodes { id text } } }` }
      : {
          query: `mutation($text: String!) { createClaim(input: { text: $text }) { claim { id } userErrors { code } } }`,
          variables: { text: marker },
        };
  const sentAt = Date.now();
  try {
    const response = await fetch(`http://127.0.0.1:${server?.port}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(kind === "write" ? { authorization: `Bearer ${editorKey}` } : {}),
      },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] };
    const codes = (json.errors ?? []).map((error) => String(error.extensions?.code));
    const answered = kind === "read" ? json.data?.claims != null : json.data?.createClaim?.claim?.id != null;
    return {
      kind,
      sentAt,
      status: response.status,
      retryAfter: response.headers.get("retry-after"),
      codes,
      ok: response.status === 200 && codes.length === 0 && answered,
      marker,
    };
  } catch (error) {
    return { kind, sentAt, status: null, retryAfter: null, codes: [], ok: false, marker, networkError: String(error) };
  }
}

test("a database restart under load answers 503 SERVICE_UNAVAILABLE with Retry-After, then recovers, and loses or doubles no acknowledged write", async () => {
  const outcomes: Outcome[] = [];
  let running = true;
  const worker = async (kind: "read" | "write") => {
    while (running) {
      outcomes.push(await send(kind));
      // A short pause: light load, and no busy loop while the database is down.
      await sleep(20);
    }
  };
  const workers = [
    ...Array.from({ length: READERS }, () => worker("read")),
    ...Array.from({ length: WRITERS }, () => worker("write")),
  ];
  const origin = `http://127.0.0.1:${server?.port}`;
  try {
    await sleep(1_500);
    await postgres?.stop();
    postgres = null;
    const downAt = Date.now();
    await sleep(1_000);
    const live = await fetch(`${origin}/health`);
    const ready = await fetch(`${origin}/ready`);
    expect(live.status).toBe(200);
    expect(ready.status).toBe(503);
    expect(ready.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await ready.json()).toEqual({ status: "unavailable" });
    // The plain HTTP routes too: a public read, and an authenticated one (its key lookup fails).
    const routes = [
      await fetch(`${origin}/claims/${encodeId("Claim", randomUUID())}/claim-review`),
      await fetch(`${origin}/export/claims`, { headers: { authorization: `Bearer ${editorKey}` } }),
    ];
    for (const response of routes) {
      expect({ status: response.status, body: await response.json() }).toEqual({
        status: 503,
        body: { error: { code: "SERVICE_UNAVAILABLE", message: expect.any(String) } },
      });
      expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
    }
    await sleep(2_000);

    postgres = await startEmbeddedPostgres(pgOptions);
    const upAt = Date.now();
    // Recovered: reads and writes sent after the restart succeed again (at most 15 s).
    const recovered = () =>
      (["read", "write"] as const).every(
        (kind) => outcomes.filter((o) => o.kind === kind && o.sentAt > upAt && o.ok).length >= 5,
      );
    while (!recovered() && Date.now() - upAt < 15_000) await sleep(100);
    expect(recovered()).toBe(true);
    expect((await fetch(`${origin}/ready`)).status).toBe(200);

    const failed = outcomes.filter((o) => !o.ok);
    expect(outcomes.filter((o) => o.sentAt > downAt && o.sentAt < upAt && !o.ok).length).toBeGreaterThan(0);
    // Every failure is a clean, retryable 503: no 500, no INTERNAL_SERVER_ERROR, no dropped connection.
    const unclean = failed.filter(
      (o) =>
        o.status !== 503 ||
        !/^\d+$/.test(o.retryAfter ?? "") ||
        o.codes.length === 0 ||
        o.codes.some((code) => code !== "SERVICE_UNAVAILABLE"),
    );
    expect(unclean.slice(0, 5)).toEqual([]);
  } finally {
    running = false;
    await Promise.all(workers);
  }

  const acknowledged = outcomes.filter((o) => o.kind === "write" && o.ok).map((o) => o.marker ?? "");
  expect(acknowledged.length).toBeGreaterThan(10);
  const rows = await prisma!.$queryRaw<{ text: string; copies: bigint }[]>`
    SELECT text, count(*) AS copies FROM claims WHERE text LIKE ${`${MARKER} %`} GROUP BY text`;
  const copies = new Map(rows.map((row) => [row.text, Number(row.copies)]));
  const notOnce = acknowledged.filter((marker) => copies.get(marker) !== 1);
  expect(notOnce).toEqual([]);
}, 60_000);
