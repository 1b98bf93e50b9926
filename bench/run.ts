// `npm run bench`: the standard workload of shared/bench/WORKLOAD.md. Builds the data
// set in its own database, starts the server (production mode, one process), measures
// Q1, Q2, Q3 and M1 with autocannon and the raw-SQL ceiling with pgbench, prints one
// table, and removes what it started.
//
// Settings (environment): BENCH_DATABASE_URL (a PostgreSQL server to create the bench
// database on; default the machine's postgresql://postgres@127.0.0.1:5432/postgres),
// BENCH_SECONDS (20), BENCH_WARMUP (5), BENCH_RUNS (3), BENCH_CONNECTIONS (32),
// BENCH_KEEP_DB=1 to keep the database afterwards, BENCH_DB=<name> to measure a database
// kept earlier instead of building one, BENCH_ONLY=Q1,M1 to run some workloads only (LIVE:
// live updates, bench/subscriptions.ts, with BENCH_LIVE_SUBSCRIBERS and BENCH_LIVE_SECONDS), and
// BENCH_PROFILE=<dir> to have the server write a V8 CPU profile there (node --cpu-prof),
// BENCH_RATE_LIMIT_STORE (redis; postgres or memory to measure those stores), and
// BENCH_PEER=1 to measure PostGraphile (shared/bench/peer, database anchor_bench) on Q1–Q3
// too, run for run interleaved with claimtrail's, and print both side by side (bench/peer.ts).
import { execFileSync, type ChildProcess } from "node:child_process";
import path from "node:path";
import { Client } from "pg";
import pino from "pino";
import { startServer } from "../src/app";
import { createPrismaClient } from "../src/db/prisma";
import { onSql } from "../src/db/sql";
import { Prisma } from "../src/generated/prisma/client";
import { claimFilterSql } from "../src/modules/claim/claim-filter";
import { listClaimsSql } from "../src/modules/claim/claim.repository";
import { encodeId } from "../src/shared/global-id";
import {
  buildDatabase,
  createEditorKey,
  databaseUrlOf,
  startAppServer,
  stopAppServer,
  withClient,
} from "./bench-server";
import { benchSubscriptions, formatLiveResult } from "./subscriptions";
import { runLoad, type RunResult } from "./load";
import { cycling, PEER_DATABASE, startPeer, stopPeer, type Peer } from "./peer";
import { pgbenchTps } from "./pgbench";
import { M1, Q1, Q2, Q3, RAW_Q1, RAW_Q2, RAW_Q3, SEARCH_TERMS } from "./queries";
import { prng } from "./prng";

const root = path.join(__dirname, "..");
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const SECONDS = env("BENCH_SECONDS", 20);
const WARMUP = env("BENCH_WARMUP", 5);
const RUNS = env("BENCH_RUNS", 3);
const CONNECTIONS = env("BENCH_CONNECTIONS", 32);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const REUSED_DATABASE = process.env.BENCH_DB ?? null;
const DATABASE = REUSED_DATABASE ?? `claimtrail_bench_${process.pid}`;
const ONLY = process.env.BENCH_ONLY?.split(",").map((name) => name.trim().toUpperCase()) ?? null;
const PROFILE_DIR = process.env.BENCH_PROFILE ? path.resolve(process.env.BENCH_PROFILE) : null;
const PEER = process.env.BENCH_PEER === "1";

const started = Date.now();
function progress(message: string): void {
  const elapsed = ((Date.now() - started) / 1000).toFixed(0).padStart(4);
  process.stderr.write(`[${elapsed}s] ${message}\n`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

interface Fixtures {
  claimIds: string[];
  actorIds: string[];
  sourceIds: string[];
}

/** The fixed lists requests draw from, also stored for pgbench's raw SQL. */
async function fixtures(databaseUrl: string): Promise<Fixtures> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query(`DROP TABLE IF EXISTS bench_claim_ids, bench_terms`);
    // The peer's list (its bench_setup.sql): the first 1,000 claims by id.
    await db.query(`CREATE TABLE bench_claim_ids AS
      SELECT row_number() OVER (ORDER BY id) AS n, id FROM claims ORDER BY id LIMIT 1000`);
    await db.query(`CREATE TABLE bench_terms AS SELECT row_number() OVER () AS n, term FROM unnest($1::text[]) term`, [
      SEARCH_TERMS,
    ]);
    const claims = await db.query<{ id: string }>(`SELECT id FROM bench_claim_ids ORDER BY n`);
    const actors = await db.query<{ id: string }>(
      `SELECT id FROM actors WHERE kind = 'PERSON' ORDER BY md5(id::text) LIMIT 1000`,
    );
    const sources = await db.query<{ id: string }>(`SELECT id FROM sources ORDER BY md5(id::text) LIMIT 1000`);
    return {
      claimIds: claims.rows.map((row) => row.id),
      actorIds: actors.rows.map((row) => row.id),
      sourceIds: sources.rows.map((row) => row.id),
    };
  } finally {
    await db.end();
  }
}

type Workload = { name: string; body: () => string; raw: string | null; headers?: Record<string, string> };

function workloads(f: Fixtures, editorKey: string): Workload[] {
  const random = prng(42);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)] as T;
  let term = 0;
  let quote = 0;
  return [
    {
      name: "Q1 claim page",
      body: () => JSON.stringify({ query: Q1, variables: { id: encodeId("Claim", pick(f.claimIds)) } }),
      raw: RAW_Q1,
    },
    { name: "Q2 dashboard list", body: () => JSON.stringify({ query: Q2 }), raw: RAW_Q2 },
    {
      name: "Q3 search",
      body: () => JSON.stringify({ query: Q3, variables: { q: SEARCH_TERMS[term++ % SEARCH_TERMS.length] } }),
      raw: RAW_Q3,
    },
    {
      name: "M1 recordStatement",
      headers: { authorization: `Bearer ${editorKey}` },
      body: () =>
        JSON.stringify({
          query: M1,
          variables: {
            input: {
              claimId: encodeId("Claim", pick(f.claimIds)),
              stance: "ASSERTS",
              quote: `benchmark quote ${(quote += 1)}`,
              actor: { id: encodeId("Actor", pick(f.actorIds)) },
              source: { id: encodeId("Source", pick(f.sourceIds)) },
            },
          },
        }),
      raw: null,
    },
  ];
}

/** SQL statements one request of each workload runs (its second, warm), counted on an in-process server. */
async function sqlPerRequest(databaseUrl: string, list: Workload[]): Promise<Map<string, number>> {
  const prisma = createPrismaClient({ databaseUrl, emitQueryEvents: true });
  let count = 0;
  prisma.$on("query", () => (count += 1));
  onSql(prisma, () => (count += 1));
  const server = await startServer({
    prisma,
    logger: pino({ level: "warn" }),
    nodeEnv: "production",
    port: 0,
    host: "127.0.0.1",
  });
  const counts = new Map<string, number>();
  try {
    for (const workload of list) {
      // The second request is counted: the steady state, with the API key cached and the
      // statements prepared, as under load.
      for (const round of [1, 2]) {
        count = 0;
        const response = await fetch(`http://127.0.0.1:${server.port}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", ...workload.headers },
          body: workload.body(),
        });
        const text = await response.text();
        if (text.includes('"errors"')) throw new Error(`${workload.name} failed: ${text.slice(0, 500)}`);
        if (round === 2) counts.set(workload.name, count);
      }
    }
  } finally {
    await server.close();
    await prisma.$disconnect();
  }
  return counts;
}

/** EXPLAIN of the list query under each standard filter: any sequential scan of claims or statements? */
async function planCheck(databaseUrl: string, f: Fixtures): Promise<string[]> {
  const prisma = createPrismaClient({ databaseUrl });
  const filters: Record<string, Parameters<typeof claimFilterSql>[0]> = {
    status: { status: ["DISPUTED"] },
    topic: { topic: "missiles-launched" },
    language: { language: "en" },
    "said by": { saidBy: f.actorIds[0] ?? null },
    "denied by": { saidBy: f.actorIds[0] ?? null, stance: "DENIES" },
    source: { source: f.sourceIds[0] ?? null },
    "has verdict": { hasVerdict: true },
    "verdict rating": { verdictRating: "False" },
    "first seen range": { firstSeenAfter: new Date("2024-01-01"), firstSeenBefore: new Date("2024-02-01") },
  };
  const lines: string[] = [];
  try {
    for (const [name, filter] of Object.entries(filters)) {
      for (const field of ["UPDATED_AT", "DISPUTE"] as const) {
        const sql = listClaimsSql(claimFilterSql(filter), { field, direction: "DESC" }, 21, {
          after: null,
          before: null,
          backward: false,
        });
        const rows = await prisma.$queryRaw<{ "QUERY PLAN": unknown }[]>(Prisma.sql`EXPLAIN (FORMAT JSON) ${sql}`);
        const plan = JSON.stringify(rows[0]?.["QUERY PLAN"] ?? "");
        const seqScans = [
          ...plan.matchAll(/"Node Type":"Seq Scan","Parallel Aware":\w+,"Async Capable":\w+,"Relation Name":"(\w+)"/g),
        ]
          .map((m) => m[1])
          .filter((table) => table === "claims" || table === "statements");
        lines.push(
          `${`${name} / ${field}`.padEnd(32)} ${seqScans.length ? `SEQ SCAN on ${seqScans.join(", ")}` : "no sequential scan"}`,
        );
      }
    }
  } finally {
    await prisma.$disconnect();
  }
  return lines;
}

function format(n: number, digits = 0): string {
  return n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** BENCH_PEER=1: claimtrail and PostGraphile, query by query, from interleaved runs. */
function printSideBySide(peer: Peer, list: { name: string; ours: RunResult[]; theirs: RunResult[] }[]): void {
  const rps = (runs: RunResult[]) => {
    const values = runs.map((r) => r.requestsPerSecond);
    return `${format(median(values))} (${format(Math.min(...values))}–${format(Math.max(...values))})`;
  };
  // CPU milliseconds per request, median over the runs.
  const cpu = (runs: RunResult[], name: string) =>
    format(median(runs.map((r) => (r.requestsPerSecond ? ((r.cpu[name] ?? 0) * 1000) / r.requestsPerSecond : 0))), 2);
  console.log(
    `\nclaimtrail vs PostGraphile ${peer.version} (node ${peer.nodeVersion}, its defaults, database ${PEER_DATABASE}):`,
  );
  console.log(
    `the same load generator, connections and CPU accounting; runs interleaved; median (min–max) of ${list[0]?.ours.length ?? 0} runs\n`,
  );
  console.log(
    [
      "query".padEnd(20),
      "claimtrail req/s".padStart(22),
      "PostGraphile req/s".padStart(22),
      "ratio".padStart(6),
      "p99 ms ct / PG".padStart(15),
      "CPU ms/req ct: server, postgres".padStart(32),
      "PG: server, postgres".padStart(21),
      "errors ct / PG".padStart(15),
    ].join(" "),
  );
  for (const { name, ours, theirs } of list) {
    const ratio = median(ours.map((r) => r.requestsPerSecond)) / median(theirs.map((r) => r.requestsPerSecond));
    const p99 = (runs: RunResult[]) => format(median(runs.map((r) => r.p99)));
    const errors = (runs: RunResult[]) => runs.reduce((sum, r) => sum + r.errors, 0);
    console.log(
      [
        name.padEnd(20),
        rps(ours).padStart(22),
        rps(theirs).padStart(22),
        format(ratio, 2).padStart(6),
        `${p99(ours)} / ${p99(theirs)}`.padStart(15),
        `${cpu(ours, "server")}, ${cpu(ours, "postgres")}`.padStart(32),
        `${cpu(theirs, "server")}, ${cpu(theirs, "postgres")}`.padStart(21),
        `${errors(ours)} / ${errors(theirs)}`.padStart(15),
      ].join(" "),
    );
  }
}

async function main(): Promise<void> {
  const databaseUrl = databaseUrlOf(ADMIN_URL, DATABASE);
  let server: ChildProcess | null = null;
  let peer: Peer | null = null;
  try {
    if (REUSED_DATABASE) {
      progress(`measuring the data set kept in database ${DATABASE}`);
    } else {
      progress(`building the data set in database ${DATABASE}`);
      await buildDatabase(ADMIN_URL, DATABASE, progress);
    }
    const f = await fixtures(databaseUrl);
    const list = workloads(f, await createEditorKey(databaseUrl, "bench editor")).filter(
      (workload) => !ONLY || ONLY.includes(workload.name.split(" ")[0] ?? ""),
    );
    progress("building the server (npm run build)");
    execFileSync("npm", ["run", "build", "--silent"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
    progress("counting SQL statements per request");
    const sqlCounts = await sqlPerRequest(databaseUrl, list);
    progress("checking query plans of the standard filters");
    const plans = await planCheck(databaseUrl, f);
    const poolSize = process.env.BENCH_POOL_SIZE ?? "20";
    const app = await startAppServer(databaseUrl, {
      poolSize,
      profileDir: PROFILE_DIR,
      // The load generator stands for many dashboards behind one address: it may use the
      // whole pool, and its rate-limit budget is charged (in Redis, as in production) but
      // never runs out.
      env: { DATABASE_POOL_PER_CLIENT: poolSize, RATE_LIMIT_STORE: process.env.BENCH_RATE_LIMIT_STORE ?? "redis" },
    });
    server = app.child;
    const keyOf = (workload: Workload) => workload.name.split(" ")[0] ?? "";
    if (PEER && list.some((workload) => ["Q1", "Q2", "Q3"].includes(keyOf(workload)))) {
      progress("peer: preparing PostGraphile");
      peer = await startPeer(ADMIN_URL, progress);
      progress(`peer: PostGraphile ${peer.version} (node ${peer.nodeVersion}) at ${peer.url}`);
      // Both servers must be measured on the same rows, or the ratios mean nothing.
      const ours = await withClient(databaseUrl, async (db) => {
        const kept = await db.query<{ present: boolean }>(
          `SELECT to_regclass('bench_workload') IS NOT NULL AS present`,
        );
        if (!kept.rows[0]?.present) return "(none: a database built before the workload's generator was used)";
        const found = await db.query<{ fingerprint: string }>(`SELECT fingerprint FROM bench_workload`);
        return found.rows[0]?.fingerprint ?? "(none)";
      });
      if (ours !== peer.fingerprint) {
        throw new Error(`the data sets differ: claimtrail's generated rows ${ours}, the peer's ${peer.fingerprint}`);
      }
      progress(`peer: same generated rows as claimtrail's data set (fingerprint ${ours})`);
    }
    const rows: string[] = [];
    const cpuNotes: string[] = [];
    const sideBySide: { name: string; ours: RunResult[]; theirs: RunResult[] }[] = [];
    for (const workload of list) {
      const peerBodies = peer?.bodies[keyOf(workload)];
      const peerBody = peerBodies ? cycling(peerBodies) : null;
      const peerRuns: RunResult[] = [];
      progress(`${workload.name}: ${WARMUP} s warm-up`);
      await runLoad(
        { url: app.url, connections: CONNECTIONS, seconds: WARMUP, body: workload.body, headers: workload.headers },
        server.pid ?? 0,
      );
      const runs: RunResult[] = [];
      for (let run = 1; run <= RUNS; run += 1) {
        progress(`${workload.name}: run ${run}/${RUNS} (${SECONDS} s, ${CONNECTIONS} connections)`);
        runs.push(
          await runLoad(
            {
              url: app.url,
              connections: CONNECTIONS,
              seconds: SECONDS,
              body: workload.body,
              headers: workload.headers,
            },
            server.pid ?? 0,
          ),
        );
        if (peer && peerBody) {
          const peerSpec = { url: peer.url, connections: CONNECTIONS, body: peerBody };
          if (run === 1) {
            progress(`${workload.name}: PostGraphile, ${WARMUP} s warm-up`);
            await runLoad({ ...peerSpec, seconds: WARMUP }, peer.child.pid ?? 0);
          }
          progress(`${workload.name}: PostGraphile, run ${run}/${RUNS} (${SECONDS} s, ${CONNECTIONS} connections)`);
          peerRuns.push(await runLoad({ ...peerSpec, seconds: SECONDS }, peer.child.pid ?? 0));
        }
      }
      if (peerRuns.length) sideBySide.push({ name: workload.name, ours: runs, theirs: peerRuns });
      const rps = runs.map((r) => r.requestsPerSecond);
      let ceiling: number | null = null;
      if (workload.raw) {
        const tps: number[] = [];
        for (let run = 1; run <= RUNS; run += 1) {
          progress(`${workload.name}: raw-SQL ceiling, pgbench run ${run}/${RUNS}`);
          tps.push(await pgbenchTps(databaseUrl, workload.raw, CONNECTIONS, SECONDS));
        }
        ceiling = median(tps);
      }
      const errors = runs.reduce((sum, r) => sum + r.errors, 0);
      rows.push(
        [
          workload.name.padEnd(20),
          `${format(median(rps))} (${format(Math.min(...rps))}–${format(Math.max(...rps))})`.padStart(22),
          format(median(runs.map((r) => r.p50))).padStart(6),
          format(median(runs.map((r) => r.p99))).padStart(6),
          String(errors).padStart(7),
          String(sqlCounts.get(workload.name) ?? "?").padStart(5),
          (ceiling === null ? "–" : format(ceiling)).padStart(9),
          (ceiling === null ? "–" : `${format((median(rps) / ceiling) * 100)}%`).padStart(8),
        ].join(" "),
      );
      const last = runs[runs.length - 1];
      const cpu = last?.cpu ?? {};
      // CPU milliseconds per request: steadier than req/s on a machine whose speed varies.
      const perRequest = (share: number) => (last?.requestsPerSecond ? (share * 1000) / last.requestsPerSecond : 0);
      cpuNotes.push(
        `${workload.name.padEnd(20)} ${Object.entries(cpu)
          .map(([name, share]) => `${name} ${format(share * 100)}% (${format(perRequest(share), 2)} ms/req)`)
          .join(", ")}`,
      );
    }
    console.log("\nclaimtrail benchmark (shared/bench/WORKLOAD.md), one server process, production mode");
    console.log(
      `${RUNS} runs of ${SECONDS} s after ${WARMUP} s warm-up, ${CONNECTIONS} connections; median (min–max)\n`,
    );
    console.log(
      [
        "query".padEnd(20),
        "req/s".padStart(22),
        "p50 ms".padStart(6),
        "p99 ms".padStart(6),
        "errors".padStart(7),
        "SQL".padStart(5),
        "raw SQL".padStart(9),
        "of raw".padStart(8),
      ].join(" "),
    );
    for (const row of rows) console.log(row);
    console.log("\nCPU use during the last run (100% = one core of 2; CPU time per request):");
    for (const note of cpuNotes) console.log(`  ${note}`);
    console.log("\nQuery plans of the claims list under the standard filters:");
    for (const line of plans) console.log(`  ${line}`);
    if (peer) printSideBySide(peer, sideBySide);
    if (!ONLY || ONLY.includes("LIVE")) {
      // Last: its writes add statements to the data set, and it runs two instances of its own.
      await stopAppServer(server);
      server = null;
      progress("live updates: 1,000 subscribers on two instances while M1 writes run (bench/subscriptions.ts)");
      const live = await benchSubscriptions({
        databaseUrl,
        poolSize,
        subscribers: Number(process.env.BENCH_LIVE_SUBSCRIBERS ?? 1_000),
        seconds: Number(process.env.BENCH_LIVE_SECONDS ?? 10),
        progress: (message) => progress(`live updates: ${message}`),
      });
      console.log(`\n${formatLiveResult(live)}`);
    }
  } finally {
    if (peer) {
      progress("peer: stopping PostGraphile");
      await stopPeer(peer.child);
    }
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server?.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    }
    if (PROFILE_DIR) progress(`CPU profile of the server written to ${PROFILE_DIR}`);
    if (!process.env.BENCH_KEEP_DB && !REUSED_DATABASE) {
      progress(`dropping database ${DATABASE}`);
      await withClient(ADMIN_URL, (client) => client.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`));
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
