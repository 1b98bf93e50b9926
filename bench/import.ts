// `npm run bench:import`: the NDJSON import's throughput. Writes a deterministic file of
// 100,000 claims (about 2 statements, 1 evidence item and 0.3 verdicts each, naming a
// few thousand shared actors and sources) into a temporary folder, creates its own
// database, and imports the file:
//   1. through the CLI's code (runImport), into the empty database: every line creates;
//   2. the same again: every line matches, nothing is written;
//   3. the same again over HTTP (POST /import/claims on the production server, built and
//      started on loopback), to show the route goes as fast as the CLI;
//   4. and 5. uploads of 50 MiB of blank lines and of 50 MiB of junk lines over HTTP.
// For each run it prints lines/s, claims/s, CPU milliseconds per 1,000 lines of the
// importing process (the bench itself for the CLI runs, the server for HTTP) and of
// PostgreSQL, and the importing process's peak RSS. Then it removes what it made.
//
// Settings (environment): BENCH_DATABASE_URL (a PostgreSQL server to create the database
// on; default postgresql://postgres@127.0.0.1:5432/postgres), BENCH_IMPORT_CLAIMS
// (100000), BENCH_IMPORT_BATCH_SIZE (lines per transaction; the CLI's default),
// BENCH_KEEP_DB=1 to keep the database and the files.
import { execFileSync } from "node:child_process";
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable, Writable } from "node:stream";
import { Client } from "pg";
import pino from "pino";
import { runImport } from "../src/cli/bulk-commands";
import { migrateDeploy } from "../src/db/migrate";
import { createPrismaClient } from "../src/db/prisma";
import { createServices } from "../src/modules/services";
import { systemPrincipal } from "../src/modules/auth/permissions";
import type { ImportSummary } from "../src/modules/bulk/bulk-format";
import { writeText } from "../src/modules/bulk/write-text";
import { startAppServer, stopAppServer } from "./bench-server";
import { cpuSecondsBetween, sampleProcesses } from "./cpu";
import { bulkLines } from "./import-data";

const CLAIMS = Number(process.env.BENCH_IMPORT_CLAIMS ?? 100_000);
const BATCH_SIZE = process.env.BENCH_IMPORT_BATCH_SIZE ? Number(process.env.BENCH_IMPORT_BATCH_SIZE) : undefined;
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const KEEP = process.env.BENCH_KEEP_DB === "1";
const DATABASE = `claimtrail_bench_import_${process.pid}`;
const JUNK_BYTES = 50 * 1024 * 1024;
const root = path.join(__dirname, "..");

const started = Date.now();
function progress(message: string): void {
  const elapsed = ((Date.now() - started) / 1000).toFixed(0).padStart(4);
  process.stderr.write(`[${elapsed}s] ${message}\n`);
}

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function writeLines(file: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(file);
  for (const line of lines) await writeText(out, `${line}\n`, 1 << 20);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/** Lines of junk: words that are not JSON, about 60 bytes a line, `bytes` in all. */
function* junkLines(bytes: number): Generator<string> {
  for (let written = 0, index = 0; written < bytes; index += 1) {
    const line = `junk line ${index}: this is not a claim, not even JSON at all`;
    written += line.length + 1;
    yield line;
  }
}

/** The resident set of a process (bytes), from /proc. */
function rssOf(pid: number): number {
  const pages = Number(readFileSync(`/proc/${pid}/statm`, "utf8").split(" ")[1]);
  return pages * 4096;
}

interface Run {
  label: string;
  result: ImportSummary;
  seconds: number;
  peakRss: number;
  /** CPU seconds of the importing process and of PostgreSQL. */
  cpu: { importer: number; postgres: number };
}

/** Runs `work`, sampling the importing process's RSS every 50 ms and both CPU times around it. */
async function measure(label: string, importer: number, work: () => Promise<ImportSummary>): Promise<Run> {
  progress(label);
  const sample = () => sampleProcesses({ importer }, (comm) => (comm.startsWith("postgres") ? "postgres" : null));
  let peakRss = rssOf(importer);
  const timer = setInterval(() => {
    peakRss = Math.max(peakRss, rssOf(importer));
  }, 50);
  const before = sample();
  const begun = Date.now();
  try {
    const result = await work();
    const seconds = (Date.now() - begun) / 1000;
    const used = cpuSecondsBetween(before, sample());
    peakRss = Math.max(peakRss, rssOf(importer));
    return { label, result, seconds, peakRss, cpu: { importer: used.importer ?? 0, postgres: used.postgres ?? 0 } };
  } finally {
    clearInterval(timer);
  }
}

function discard(): Writable {
  return new Writable({ write: (_chunk, _encoding, done) => done() });
}

/** POSTs `file` to the server's import route as it is read; resolves with the report's summary. */
async function importOverHttp(origin: string, key: string, file: string): Promise<ImportSummary> {
  const response = await fetch(`${origin}/import/claims`, {
    method: "POST",
    headers: { "content-type": "application/x-ndjson", authorization: `Bearer ${key}` },
    body: Readable.toWeb(createReadStream(file)) as ReadableStream,
    duplex: "half",
  });
  if (!response.ok || !response.body) throw new Error(`import over HTTP answered ${response.status}`);
  // Read the report as it streams, keeping only its last line (the summary).
  let tail = "";
  const decoder = new TextDecoder();
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    tail = (tail + decoder.decode(chunk, { stream: true })).slice(-4096);
  }
  const last = tail.trim().split("\n").at(-1) ?? "{}";
  return (JSON.parse(last) as { summary: ImportSummary }).summary;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "claimtrail-bench-import-"));
  const file = path.join(dir, "claims.ndjson");
  const blank = path.join(dir, "blank.ndjson");
  const junk = path.join(dir, "junk.ndjson");
  const databaseUrl = new URL(ADMIN_URL);
  databaseUrl.pathname = `/${DATABASE}`;
  const prisma = createPrismaClient({ databaseUrl: databaseUrl.toString() });
  let server: Awaited<ReturnType<typeof startAppServer>> | null = null;
  const runs: Run[] = [];
  try {
    progress(`writing ${CLAIMS} claims to ${file}, and 50 MiB of blank lines and of junk`);
    await writeLines(file, bulkLines(CLAIMS));
    await writeLines(
      blank,
      Array.from({ length: JUNK_BYTES }, () => ""),
    );
    await writeLines(junk, junkLines(JUNK_BYTES));
    const bytes = statSync(file).size;
    progress(`file written: ${(bytes / 1024 / 1024).toFixed(1)} MiB`);
    await admin(`CREATE DATABASE ${DATABASE}`);
    progress("applying migrations");
    await migrateDeploy(databaseUrl.toString());
    const services = createServices(prisma, pino({ level: "warn" }), { principal: systemPrincipal("bench") });
    const cli = () => runImport(services, { input: createReadStream(file), report: discard(), batchSize: BATCH_SIZE });
    runs.push(await measure("first (creates), CLI", process.pid, cli));
    runs.push(await measure("second (all matched), CLI", process.pid, cli));

    progress("building and starting the server (npm run build)");
    execFileSync("npm", ["run", "build", "--silent"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
    server = await startAppServer(databaseUrl.toString(), { poolSize: "10" });
    const { secret } = await services.apiKeys.createKey({ name: "bench import", role: "ADMIN" });
    const pid = server.child.pid ?? 0;
    const { origin } = server;
    runs.push(await measure("second (all matched), HTTP", pid, () => importOverHttp(origin, secret, file)));
    runs.push(await measure("50 MiB of blank lines, HTTP", pid, () => importOverHttp(origin, secret, blank)));
    runs.push(await measure("50 MiB of junk lines, HTTP", pid, () => importOverHttp(origin, secret, junk)));
    printTable(bytes, runs);
    const [first, second, overHttp] = runs;
    if (first?.result.rejected || second?.result.matched !== CLAIMS || overHttp?.result.matched !== CLAIMS) {
      throw new Error(`unexpected outcome: ${JSON.stringify(runs.map((run) => run.result))}`);
    }
  } finally {
    if (server) await stopAppServer(server.child);
    await prisma.$disconnect();
    if (KEEP) {
      progress(`kept database ${DATABASE} and ${dir}`);
    } else {
      await admin(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

function printTable(bytes: number, runs: Run[]): void {
  const mib = (value: number) => `${(value / 1024 / 1024).toFixed(0)} MiB`;
  const perThousand = (seconds: number, lines: number) => (lines ? ((seconds * 1e6) / lines).toFixed(0) : "-");
  console.log(
    `\nNDJSON import of ${CLAIMS} claims (${mib(bytes)} file), batch size ${BATCH_SIZE ?? "default"}, on ${os.cpus().length} cores:\n`,
  );
  console.log(
    "| run | lines | outcome | time | lines/s | claims/s | CPU ms per 1,000 lines: importer, postgres | importer peak RSS |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const { label, result, seconds, peakRss, cpu } of runs) {
    const { lines, created, updated, matched, rejected } = result;
    const outcome = `${created} created, ${updated} updated, ${matched} matched, ${rejected} rejected`;
    const claims = created + updated + matched;
    console.log(
      `| ${label} | ${lines} | ${outcome} | ${seconds.toFixed(1)} s | ${(lines / seconds).toFixed(0)} | ` +
        `${(claims / seconds).toFixed(0)} | ${perThousand(cpu.importer, lines)}, ${perThousand(cpu.postgres, lines)} | ${mib(peakRss)} |`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
