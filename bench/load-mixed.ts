// `npm run load`: mixed reads and writes against one server process on a fresh database
// (the standard data set), over kept-alive loopback connections, for a fixed time. Prints
// req/s, p50/p99 latency and errors by code, then checks that every acknowledged write is
// in the database exactly once and that no unacknowledged one is; exits 1 on any error or
// mismatch.
//
// Settings (environment): LOAD_SECONDS (60), LOAD_CONNECTIONS (64), LOAD_POOL_SIZE (the
// server's DATABASE_POOL_SIZE, 20), LOAD_DATABASE_URL (a PostgreSQL server to create the
// database on; default BENCH_DATABASE_URL or the machine's postgresql://postgres@127.0.0.1:5432/postgres),
// LOAD_DB=<name> to use a database kept earlier (BENCH_KEEP_DB/LOAD_KEEP_DB=1) instead of
// building one, LOAD_KEEP_DB=1 to keep it, LOAD_RATE_LIMIT_STORE (the server's
// RATE_LIMIT_STORE; its default when unset).
import { execFileSync, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import http from "node:http";
import path from "node:path";
import { encodeId } from "../src/shared/global-id";
import {
  buildDatabase,
  createEditorKey,
  databaseUrlOf,
  startAppServer,
  stopAppServer,
  withClient,
} from "./bench-server";
import { prng } from "./prng";
import { M1, Q1, Q2, Q3, SEARCH_TERMS } from "./queries";

const root = path.join(__dirname, "..");
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const SECONDS = env("LOAD_SECONDS", 60);
const CONNECTIONS = env("LOAD_CONNECTIONS", 64);
const POOL_SIZE = String(env("LOAD_POOL_SIZE", 20));
const ADMIN_URL =
  process.env.LOAD_DATABASE_URL ?? process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const REUSED_DATABASE = process.env.LOAD_DB ?? null;
const DATABASE = REUSED_DATABASE ?? `claimtrail_load_${process.pid}`;
// One marker per run, so that a kept database (LOAD_DB) holding earlier runs' writes can be measured again.
const MARKER = `load-mixed ${process.pid}-${Date.now()}`;

const CREATE_CLAIM = `mutation Create($input: CreateClaimInput!) {
  createClaim(input: $input) { claim { id } userErrors { code } }
}`;

const started = Date.now();
function progress(message: string): void {
  process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${message}\n`);
}

interface Fixtures {
  claimIds: string[];
  actorIds: string[];
  sourceIds: string[];
}

async function fixtures(databaseUrl: string): Promise<Fixtures> {
  return withClient(databaseUrl, async (db) => {
    const ids = async (sql: string) => (await db.query<{ id: string }>(sql)).rows.map((row) => row.id);
    return {
      claimIds: await ids(`SELECT id FROM claims ORDER BY md5(id::text) LIMIT 1000`),
      actorIds: await ids(`SELECT id FROM actors WHERE kind = 'PERSON' ORDER BY md5(id::text) LIMIT 1000`),
      sourceIds: await ids(`SELECT id FROM sources ORDER BY md5(id::text) LIMIT 1000`),
    };
  });
}

type Kind = "Q1 claim page" | "Q2 list" | "Q3 search" | "M1 recordStatement" | "createClaim";
/** The mix, in percent: mostly reads, a third writes. */
const MIX: [Kind, number][] = [
  ["Q1 claim page", 35],
  ["Q2 list", 15],
  ["Q3 search", 15],
  ["M1 recordStatement", 20],
  ["createClaim", 15],
];

interface Request {
  kind: Kind;
  body: string;
  write: { table: "claims" | "statements"; marker: string } | null;
}

function requestMaker(f: Fixtures): () => Request {
  const random = prng(7);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)] as T;
  const total = MIX.reduce((sum, [, weight]) => sum + weight, 0);
  return () => {
    let roll = random() * total;
    const kind = MIX.find(([, weight]) => (roll -= weight) < 0)?.[0] ?? "Q1 claim page";
    const marker = `${MARKER} ${randomUUID()}`;
    switch (kind) {
      case "Q1 claim page":
        return {
          kind,
          write: null,
          body: JSON.stringify({ query: Q1, variables: { id: encodeId("Claim", pick(f.claimIds)) } }),
        };
      case "Q2 list":
        return { kind, write: null, body: JSON.stringify({ query: Q2 }) };
      case "Q3 search":
        return { kind, write: null, body: JSON.stringify({ query: Q3, variables: { q: pick(SEARCH_TERMS) } }) };
      case "M1 recordStatement":
        return {
          kind,
          write: { table: "statements", marker },
          body: JSON.stringify({
            query: M1,
            variables: {
              input: {
                claimId: encodeId("Claim", pick(f.claimIds)),
                stance: "ASSERTS",
                quote: marker,
                actor: { id: encodeId("Actor", pick(f.actorIds)) },
                source: { id: encodeId("Source", pick(f.sourceIds)) },
              },
            },
          }),
        };
      case "createClaim":
        return {
          kind,
          write: { table: "claims", marker },
          body: JSON.stringify({ query: CREATE_CLAIM, variables: { input: { text: marker } } }),
        };
    }
  };
}

interface Result {
  kind: Kind;
  ms: number;
  /** null when it succeeded; else the HTTP status, GraphQL and user-error codes, or the network error. */
  errorCode: string | null;
  write: Request["write"];
}

function send(agent: http.Agent, url: URL, request: Request, editorKey: string): Promise<Result> {
  const startedAt = process.hrtime.bigint();
  const done = (errorCode: string | null): Result => ({
    kind: request.kind,
    ms: Number(process.hrtime.bigint() - startedAt) / 1e6,
    errorCode,
    write: request.write,
  });
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        agent,
        timeout: 30_000,
        headers: {
          "content-type": "application/json",
          ...(request.write ? { authorization: `Bearer ${editorKey}` } : {}),
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("error", (error) => resolve(done(`network: ${(error as NodeJS.ErrnoException).code ?? error.message}`)));
        res.on("end", () => resolve(done(errorCodeOf(res.statusCode ?? 0, text))));
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", (error) => resolve(done(`network: ${(error as NodeJS.ErrnoException).code ?? error.message}`)));
    req.end(request.body);
  });
}

function errorCodeOf(status: number, text: string): string | null {
  let json: {
    data?: Record<string, { userErrors?: { code: string }[] } | null>;
    errors?: { extensions?: { code?: string } }[];
  };
  try {
    json = JSON.parse(text) as typeof json;
  } catch {
    return `HTTP ${status} (not JSON)`;
  }
  const codes = (json.errors ?? []).map((error) => String(error.extensions?.code ?? "NO_CODE"));
  if (codes.length) return `HTTP ${status} ${[...new Set(codes)].join(",")}`;
  const userErrors = Object.values(json.data ?? {}).flatMap((payload) => payload?.userErrors ?? []);
  if (userErrors.length) return `userErrors ${[...new Set(userErrors.map((e) => e.code))].join(",")}`;
  if (status !== 200) return `HTTP ${status}`;
  if (!json.data || Object.values(json.data).some((value) => value === null)) return "no data";
  return null;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function runLoad(
  url: string,
  makeRequest: () => Request,
  editorKey: string,
): Promise<{ results: Result[]; seconds: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const target = new URL(url);
  const results: Result[] = [];
  const loadStarted = Date.now();
  const deadline = loadStarted + SECONDS * 1000;
  const connection = async () => {
    while (Date.now() < deadline) results.push(await send(agent, target, makeRequest(), editorKey));
  };
  const ticker = setInterval(() => progress(`${results.length} requests`), 10_000);
  try {
    await Promise.all(Array.from({ length: CONNECTIONS }, connection));
  } finally {
    clearInterval(ticker);
    agent.destroy();
  }
  return { results, seconds: (Date.now() - loadStarted) / 1000 };
}

/** Acknowledged writes present exactly once, unacknowledged ones absent: the list of what is not so. */
async function verifyWrites(databaseUrl: string, results: Result[]): Promise<string[]> {
  const found = await withClient(databaseUrl, async (db) => {
    const copies = new Map<string, number>();
    for (const [table, column] of [
      ["claims", "text"],
      ["statements", "quote"],
    ] as const) {
      const rows = await db.query<{ marker: string; copies: string }>(
        `SELECT ${column} AS marker, count(*) AS copies FROM ${table} WHERE ${column} LIKE $1 GROUP BY ${column}`,
        [`${MARKER} %`],
      );
      for (const row of rows.rows) copies.set(`${table}:${row.marker}`, Number(row.copies));
    }
    return copies;
  });
  const problems: string[] = [];
  const sent = new Set<string>();
  for (const result of results) {
    if (!result.write) continue;
    const key = `${result.write.table}:${result.write.marker}`;
    sent.add(key);
    const count = found.get(key) ?? 0;
    if (result.errorCode === null && count !== 1) problems.push(`acknowledged ${key} found ${count} times`);
    if (result.errorCode !== null && count !== 0)
      problems.push(`failed (${result.errorCode}) ${key} found ${count} times`);
  }
  for (const key of found.keys()) if (!sent.has(key)) problems.push(`${key} written but never sent`);
  return problems;
}

function report(results: Result[], seconds: number): number {
  const format = (n: number, digits = 0) =>
    n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const line = (name: string, list: Result[]) => {
    const ms = list.map((r) => r.ms).sort((a, b) => a - b);
    const errors = list.filter((r) => r.errorCode !== null).length;
    return [
      name.padEnd(20),
      format(list.length).padStart(9),
      format(list.length / seconds, 1).padStart(8),
      format(percentile(ms, 50), 1).padStart(8),
      format(percentile(ms, 99), 1).padStart(8),
      String(errors).padStart(7),
    ].join(" ");
  };
  console.log(`\nclaimtrail mixed load: ${CONNECTIONS} connections for ${format(seconds, 1)} s, one server process\n`);
  console.log(
    [
      "".padEnd(20),
      "requests".padStart(9),
      "req/s".padStart(8),
      "p50 ms".padStart(8),
      "p99 ms".padStart(8),
      "errors".padStart(7),
    ].join(" "),
  );
  for (const [kind] of MIX)
    console.log(
      line(
        kind,
        results.filter((r) => r.kind === kind),
      ),
    );
  console.log(line("all", results));
  const byCode = new Map<string, number>();
  for (const r of results) if (r.errorCode) byCode.set(r.errorCode, (byCode.get(r.errorCode) ?? 0) + 1);
  console.log("\nerrors by code:", byCode.size ? "" : "none");
  for (const [code, count] of [...byCode].sort((a, b) => b[1] - a[1])) console.log(`  ${code}: ${count}`);
  return [...byCode.values()].reduce((sum, n) => sum + n, 0);
}

async function main(): Promise<number> {
  let server: ChildProcess | null = null;
  let databaseUrl = databaseUrlOf(ADMIN_URL, DATABASE);
  try {
    if (REUSED_DATABASE) progress(`using the database kept in ${DATABASE}`);
    else {
      progress(`building the data set in database ${DATABASE}`);
      databaseUrl = await buildDatabase(ADMIN_URL, DATABASE, progress);
    }
    const f = await fixtures(databaseUrl);
    const editorKey = await createEditorKey(databaseUrl, "load editor");
    progress("building the server (npm run build)");
    execFileSync("npm", ["run", "build", "--silent"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
    const rateLimitStore = process.env.LOAD_RATE_LIMIT_STORE;
    const app = await startAppServer(databaseUrl, {
      poolSize: POOL_SIZE,
      env: {
        // One load generator on one address stands for many clients: the whole pool is its to use.
        DATABASE_POOL_PER_CLIENT: POOL_SIZE,
        ...(rateLimitStore ? { RATE_LIMIT_STORE: rateLimitStore } : {}),
      },
    });
    server = app.child;
    progress(`load: ${CONNECTIONS} connections for ${SECONDS} s`);
    const { results, seconds } = await runLoad(app.url, requestMaker(f), editorKey);
    const errors = report(results, seconds);
    const exitCode = await stopAppServer(server);
    server = null;
    progress("checking the writes");
    const problems = await verifyWrites(databaseUrl, results);
    const acknowledged = results.filter((r) => r.write && r.errorCode === null).length;
    console.log(
      `\nwrites: ${acknowledged} acknowledged; ${problems.length ? `${problems.length} mismatches` : "each present exactly once, none of the failed ones present"}`,
    );
    for (const problem of problems.slice(0, 20)) console.log(`  ${problem}`);
    console.log(`server exit code after SIGTERM: ${exitCode}`);
    return errors === 0 && problems.length === 0 && exitCode === 0 ? 0 : 1;
  } finally {
    if (server) await stopAppServer(server);
    if (!process.env.LOAD_KEEP_DB && !REUSED_DATABASE) {
      progress(`dropping database ${DATABASE}`);
      await withClient(ADMIN_URL, (client) => client.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`));
    }
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
