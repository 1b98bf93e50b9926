// `npm run bench:import`: the NDJSON import's throughput. Writes a deterministic file of
// 100,000 claims (about 2 statements, 1 evidence item and 0.3 verdicts each, naming a
// few thousand shared actors and sources) into a temporary folder, creates its own
// database, and imports the file:
//   1. with the built CLI (`claimtrail import`, its own process), into the empty database:
//      every line creates;
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
import { execFileSync, spawn } from "node:child_process";
import {
  createReadStream,
  createWriteStream,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { Client } from "pg";
import pino from "pino";
import { migrateDeploy } from "../src/db/migrate";
import { createPrismaClient } from "../src/db/prisma";
import { createServices } from "../src/modules/services";
import { systemPrincipal } from "../src/modules/auth/permissions";
import type { ImportSummary } from "../src/modules/bulk/bulk-format";
import { writeText } from "../src/modules/bulk/write-text";
import { startAppServer, stopAppServer } from "./bench-server";
import { sampleProcesses, type ProcSample } from "./cpu";
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

/** The resident set of a process (bytes), from /proc; 0 once it has exited. */
function rssOf(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, "utf8").split(" ")[1]) * 4096;
  } catch {
    return 0;
  }
}

interface Run {
  label: string;
  result: ImportSummary;
  seconds: number;
  peakRss: number;
  /** CPU seconds of the importing process and of PostgreSQL. */
  cpu: { importer: number; postgres: number };
}

/**
 * Runs `work`, sampling the importing process's RSS and the CPU time of it and of every
 * PostgreSQL process. Processes may start and exit during the run (the CLI, the
 * backends of its pool): each counts its CPU time from the start of the run (or its own
 * start) to its last sample.
 */
async function measure(
  label: string,
  importer: () => number | undefined,
  work: () => Promise<ImportSummary>,
): Promise<Run> {
  progress(label);
  const sample = () => {
    const pid = importer();
    return sampleProcesses(pid ? { importer: pid } : {}, (comm) => (comm.startsWith("postgres") ? "postgres" : null));
  };
  const key = (p: ProcSample) => `${p.pid}:${p.start}`;
  const baseline = new Map(sample().map((p) => [key(p), p.ticks]));
  const last = new Map<string, ProcSample>();
  let peakRss = 0;
  const poll = () => {
    for (const p of sample()) if (p.start >= 0) last.set(key(p), p);
  };
  const watchRss = () => {
    const pid = importer();
    if (pid) peakRss = Math.max(peakRss, rssOf(pid));
  };
  // RSS every 50 ms (one small read); CPU every 250 ms (reads every process's stat, so
  // not so often that the bench costs the machine it measures).
  const timers = [setInterval(watchRss, 50), setInterval(poll, 250)];
  const begun = Date.now();
  try {
    const result = await work();
    const seconds = (Date.now() - begun) / 1000;
    watchRss();
    poll();
    const cpu = { importer: 0, postgres: 0 };
    for (const [id, p] of last) {
      const group = p.group as keyof typeof cpu;
      cpu[group] += (p.ticks - (baseline.get(id) ?? 0)) / 100;
    }
    return { label, result, seconds, peakRss, cpu };
  } finally {
    for (const timer of timers) clearInterval(timer);
  }
}

/** Runs `claimtrail import` as its own process (the built CLI, as a user runs it); resolves with its summary. */
function importWithCli(databaseUrl: string, file: string, report: string, onStart: (pid: number) => void) {
  return new Promise<ImportSummary>((resolve, reject) => {
    const args = [path.join(root, "dist/src/cli.js"), "import", file, "--report", report];
    if (BATCH_SIZE) args.push("--batch-size", String(BATCH_SIZE));
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "warn", MIGRATE_ON_START: "false" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    if (child.pid) onStart(child.pid);
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0 && code !== 2) return reject(new Error(`claimtrail import exited with ${code}`));
      const last = readFileSync(report, "utf8").trimEnd().split("\n").at(-1) ?? "{}";
      resolve((JSON.parse(last) as { summary: ImportSummary }).summary);
    });
  });
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
  const report = path.join(dir, "report.ndjson");
  const databaseUrl = new URL(ADMIN_URL);
  databaseUrl.pathname = `/${DATABASE}`;
  const prisma = createPrismaClient({ databaseUrl: databaseUrl.toString() });
  let server: Awaited<ReturnType<typeof startAppServer>> | null = null;
  const runs: Run[] = [];
  try {
    progress(`writing ${CLAIMS} claims to ${file}, and 50 MiB of blank lines and of junk`);
    await writeLines(file, bulkLines(CLAIMS));
    writeFileSync(blank, Buffer.alloc(JUNK_BYTES, "\n"));
    await writeLines(junk, junkLines(JUNK_BYTES));
    const bytes = statSync(file).size;
    progress(`file written: ${(bytes / 1024 / 1024).toFixed(1)} MiB`);
    await admin(`CREATE DATABASE ${DATABASE}`);
    progress("applying migrations");
    await migrateDeploy(databaseUrl.toString());
    progress("building the CLI and the server (npm run build)");
    execFileSync("npm", ["run", "build", "--silent"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
    let cliPid: number | undefined;
    const cli = () => importWithCli(databaseUrl.toString(), file, report, (pid) => (cliPid = pid));
    runs.push(await measure("first (creates), CLI", () => cliPid, cli));
    cliPid = undefined;
    runs.push(await measure("second (all matched), CLI", () => cliPid, cli));

    const services = createServices(prisma, pino({ level: "warn" }), { principal: systemPrincipal("bench") });
    server = await startAppServer(databaseUrl.toString(), { poolSize: "10" });
    const { secret } = await services.apiKeys.createKey({ name: "bench import", role: "ADMIN" });
    const serverPid = () => server?.child.pid;
    const { origin } = server;
    runs.push(await measure("second (all matched), HTTP", serverPid, () => importOverHttp(origin, secret, file)));
    runs.push(await measure("50 MiB of blank lines, HTTP", serverPid, () => importOverHttp(origin, secret, blank)));
    runs.push(await measure("50 MiB of junk lines, HTTP", serverPid, () => importOverHttp(origin, secret, junk)));
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
