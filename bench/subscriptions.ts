// Live updates under load: two server instances on one database, N graphql-ws subscribers
// split between them (1,000 by default), while M1 writes (recordStatement, as bench/run.ts
// sends them) run through both for a while. Reports the events per second delivered to all
// subscribers together, the latency from commit to delivery (p50, p99, max), and checks
// that every subscriber received every write exactly once.
//
// Latency is measured from the moment the writer received the mutation's response (the
// transaction has committed by then: an upper bound on the commit time, so the figure is
// slightly low by the response's trip) to the moment a subscriber's message was parsed,
// both on this process's clock. An event that arrives before its write's response counts 0.
//
// `benchSubscriptions()` is what bench/run.ts calls (with its database and data set); alone:
//   npm run build && npx tsx bench/subscriptions.ts
// builds a small database (migrations and the seed case) on BENCH_DATABASE_URL (default the
// machine's postgresql://postgres@127.0.0.1:5432/postgres), or uses BENCH_DB=<name>, and
// drops what it built. Settings: BENCH_LIVE_SUBSCRIBERS (1000), BENCH_LIVE_SECONDS (10),
// BENCH_LIVE_WRITERS (4 concurrent writers), BENCH_LIVE_KEYS (20 API keys the subscribers use,
// each under the per-key subscription limit), BENCH_POOL_SIZE (20), BENCH_PROFILE=<dir> (a CPU
// profile of the first instance), BENCH_SKIP_BUILD=1 (dist/ is fresh). Loopback only.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { Client } from "pg";
import pino from "pino";
import WebSocket from "ws";
import { migrateDeploy } from "../src/db/migrate";
import { createPrismaClient } from "../src/db/prisma";
import { systemPrincipal } from "../src/modules/auth/permissions";
import { createServices } from "../src/modules/services";
import { loadSeedCaseOnce } from "../src/seed/load-seed-case";
import { encodeId } from "../src/shared/global-id";
import { createEditorKey, databaseUrlOf, startAppServer, stopAppServer, withClient } from "./bench-server";
import { M1 } from "./queries";

export interface LiveBenchOptions {
  databaseUrl: string;
  subscribers?: number;
  seconds?: number;
  writers?: number;
  keys?: number;
  poolSize?: string;
  /** Have the first instance write a V8 CPU profile here (node --cpu-prof). */
  profileDir?: string | null;
  progress?: (message: string) => void;
}

export interface LiveBenchResult {
  instances: number;
  subscribers: number;
  seconds: number;
  writes: number;
  writesPerSecond: number;
  /** Events received by all subscribers together. */
  delivered: number;
  eventsPerSecond: number;
  latencyMs: { p50: number; p99: number; max: number };
  /** Writes some subscriber never received, and events a subscriber received twice. */
  missed: number;
  duplicates: number;
}

const SUBSCRIPTION = `subscription Live {
  claimEvents(filter: { types: [STATEMENT_RECORDED] }) {
    cursor type occurredAt
    statement { id stance actor { name } }
    claim { id status statementCount }
  }
}`;

interface Listener {
  socket: WebSocket;
  received: Map<string, number>;
  duplicates: number;
}

/** One subscriber on raw ws (the graphql-ws protocol by hand: one client process holds a thousand). */
function listen(url: string, key: string, onEvent: (statementId: string, at: number) => void): Promise<Listener> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url.replace(/^http/, "ws"), "graphql-transport-ws");
    const listener: Listener = { socket, received: new Map(), duplicates: 0 };
    const timer = setTimeout(() => reject(new Error("a subscriber was not acknowledged in 30 s")), 30_000);
    socket.on("open", () =>
      socket.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${key}` } })),
    );
    socket.on("message", (data: Buffer) => {
      const at = performance.now();
      const message = JSON.parse(data.toString()) as {
        type: string;
        payload?: { data?: { claimEvents?: { statement?: { id?: string } } } };
      };
      if (message.type === "connection_ack") {
        socket.send(JSON.stringify({ id: "1", type: "subscribe", payload: { query: SUBSCRIPTION } }));
        clearTimeout(timer);
        resolve(listener);
      } else if (message.type === "next") {
        const id = message.payload?.data?.claimEvents?.statement?.id;
        if (!id) return;
        if (listener.received.has(id)) listener.duplicates += 1;
        listener.received.set(id, at);
        onEvent(id, at);
      } else if (message.type === "ping") {
        socket.send(JSON.stringify({ type: "pong" }));
      } else if (message.type === "error") {
        reject(new Error(`subscription refused: ${JSON.stringify(message.payload)}`));
      }
    });
    socket.on("error", reject);
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function fixtureIds(databaseUrl: string): Promise<{ claims: string[]; actors: string[]; sources: string[] }> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const ids = async (sql: string) => (await db.query<{ id: string }>(sql)).rows.map((row) => row.id);
    return {
      claims: await ids("SELECT id FROM claims ORDER BY md5(id::text) LIMIT 1000"),
      actors: await ids("SELECT id FROM actors WHERE kind = 'PERSON' ORDER BY md5(id::text) LIMIT 1000"),
      sources: await ids("SELECT id FROM sources ORDER BY md5(id::text) LIMIT 1000"),
    };
  } finally {
    await db.end();
  }
}

async function viewerKeys(databaseUrl: string, count: number): Promise<string[]> {
  const prisma = createPrismaClient({ databaseUrl, poolSize: 2 });
  try {
    const services = createServices(prisma, pino({ level: "warn" }), { principal: systemPrincipal("bench") });
    const keys: string[] = [];
    for (let index = 0; index < count; index += 1) {
      keys.push((await services.apiKeys.createKey({ name: `live bench ${index}`, role: "VIEWER" })).secret);
    }
    return keys;
  } finally {
    await prisma.$disconnect();
  }
}

/** Starts two instances (dist/src/main.js: build first), subscribes, writes, measures, stops them. */
export async function benchSubscriptions(options: LiveBenchOptions): Promise<LiveBenchResult> {
  const progress = options.progress ?? (() => undefined);
  const subscriberCount = options.subscribers ?? 1_000;
  const seconds = options.seconds ?? 10;
  const writerCount = options.writers ?? 4;
  const { databaseUrl } = options;
  const fixtures = await fixtureIds(databaseUrl);
  if (!fixtures.claims.length || !fixtures.actors.length || !fixtures.sources.length) {
    throw new Error("the database has no claims, person actors or sources to write statements with");
  }
  const editorKey = await createEditorKey(databaseUrl, "live bench editor");
  const keys = await viewerKeys(databaseUrl, options.keys ?? 20);
  const poolSize = options.poolSize ?? "20";
  progress("starting two instances");
  const instances = await Promise.all([
    startAppServer(databaseUrl, { poolSize, profileDir: options.profileDir ?? null }),
    startAppServer(databaseUrl, { poolSize }),
  ]);
  const listeners: Listener[] = [];
  try {
    progress(`opening ${subscriberCount} subscribers`);
    const written = new Map<string, number>();
    const latencies: number[] = [];
    let delivered = 0;
    // Events that came before their write's response: measured once the response is in.
    const early: { statementId: string; at: number }[] = [];
    const onEvent = (statementId: string, at: number) => {
      delivered += 1;
      const committed = written.get(statementId);
      if (committed !== undefined) latencies.push(Math.max(0, at - committed));
      else early.push({ statementId, at });
    };
    for (let index = 0; index < subscriberCount; index += 1) {
      const instance = instances[index % instances.length]!;
      listeners.push(await listen(instance.url, keys[index % keys.length]!, onEvent));
    }
    // Every subscription has started (the server reads `subscribe` right after the ack).
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    progress(`writing (M1, ${writerCount} writers, both instances) for ${seconds} s`);
    const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)]!;
    let quote = 0;
    const started = performance.now();
    const until = started + seconds * 1_000;
    const writer = async (index: number) => {
      const url = instances[index % instances.length]!.url;
      while (performance.now() < until) {
        const response = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${editorKey}` },
          body: JSON.stringify({
            query: M1,
            variables: {
              input: {
                claimId: encodeId("Claim", pick(fixtures.claims)),
                stance: "ASSERTS",
                quote: `live benchmark quote ${(quote += 1)}`,
                actor: { id: encodeId("Actor", pick(fixtures.actors)) },
                source: { id: encodeId("Source", pick(fixtures.sources)) },
              },
            },
          }),
        });
        const at = performance.now();
        const body = (await response.json()) as { data?: { recordStatement?: { statement?: { id: string } } } };
        const id = body.data?.recordStatement?.statement?.id;
        if (id) written.set(id, at);
      }
    };
    await Promise.all(Array.from({ length: writerCount }, (_, index) => writer(index)));
    const writeSeconds = (performance.now() - started) / 1_000;
    for (const { statementId, at } of early.splice(0)) {
      const committed = written.get(statementId);
      if (committed !== undefined) latencies.push(Math.max(0, at - committed));
    }

    progress("waiting for the last deliveries");
    const expected = written.size * listeners.length;
    const drainUntil = performance.now() + 15_000;
    const receivedAll = () =>
      listeners.reduce((sum, listener) => sum + Math.min(listener.received.size, written.size), 0);
    while (receivedAll() < expected && performance.now() < drainUntil) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const deliverySeconds = (performance.now() - started) / 1_000;
    let missed = 0;
    for (const listener of listeners) for (const id of written.keys()) if (!listener.received.has(id)) missed += 1;
    const sorted = latencies.sort((a, b) => a - b);
    return {
      instances: instances.length,
      subscribers: listeners.length,
      seconds: Number(writeSeconds.toFixed(1)),
      writes: written.size,
      writesPerSecond: Number((written.size / writeSeconds).toFixed(1)),
      delivered,
      // Over the time deliveries took (writes, then the tail still in flight).
      eventsPerSecond: Math.round(delivered / deliverySeconds),
      latencyMs: {
        p50: Number(percentile(sorted, 50).toFixed(1)),
        p99: Number(percentile(sorted, 99).toFixed(1)),
        max: Number((sorted.at(-1) ?? 0).toFixed(1)),
      },
      missed,
      duplicates: listeners.reduce((sum, listener) => sum + listener.duplicates, 0),
    };
  } finally {
    for (const listener of listeners) listener.socket.terminate();
    await Promise.all(instances.map((instance) => stopAppServer(instance.child)));
  }
}

export function formatLiveResult(result: LiveBenchResult): string {
  return [
    `live updates: ${result.subscribers} subscribers on ${result.instances} instances, ` +
      `M1 at ${result.writesPerSecond} writes/s for ${result.seconds} s (${result.writes} writes)`,
    `  delivered ${result.delivered} events, ${result.eventsPerSecond} events/s; ` +
      `commit to delivery p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms, max ${result.latencyMs.max} ms`,
    `  missed ${result.missed}, duplicates ${result.duplicates}`,
  ].join("\n");
}

async function main(): Promise<void> {
  const number = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
  const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const reused = process.env.BENCH_DB ?? null;
  const database = reused ?? `claimtrail_live_bench_${process.pid}`;
  const databaseUrl = databaseUrlOf(adminUrl, database);
  const progress = (message: string) => console.error(`[live bench] ${message}`);
  if (!reused) {
    progress(`building database ${database} (migrations and the seed case)`);
    await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${database}`));
  }
  try {
    if (!reused) {
      await migrateDeploy(databaseUrl);
      const prisma = createPrismaClient({ databaseUrl, poolSize: 2 });
      await loadSeedCaseOnce(prisma, pino({ level: "warn" }));
      await prisma.$disconnect();
    }
    if (process.env.BENCH_SKIP_BUILD !== "1") {
      progress("building the server (npm run build)");
      execFileSync("npm", ["run", "build", "--silent"], {
        cwd: path.join(__dirname, ".."),
        stdio: ["ignore", "ignore", "inherit"],
      });
    }
    const result = await benchSubscriptions({
      databaseUrl,
      subscribers: number("BENCH_LIVE_SUBSCRIBERS", 1_000),
      seconds: number("BENCH_LIVE_SECONDS", 10),
      writers: number("BENCH_LIVE_WRITERS", 4),
      keys: number("BENCH_LIVE_KEYS", 20),
      poolSize: process.env.BENCH_POOL_SIZE ?? "20",
      profileDir: process.env.BENCH_PROFILE ? path.resolve(process.env.BENCH_PROFILE) : null,
      progress,
    });
    console.log(formatLiveResult(result));
  } finally {
    if (!reused) {
      await withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    }
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error("live bench failed:", error);
    process.exit(1);
  });
}
