// `npm run bench:import`: the NDJSON import's throughput. Writes a deterministic file of
// 100,000 claims (about 2 statements, 1 evidence item and 0.3 verdicts each, naming a
// few thousand shared actors and sources) into a temporary folder, creates its own
// database, imports the file twice through the CLI's code (runImport: the second run
// matches everything), prints claims/s, lines/s and peak RSS, and removes what it made.
//
// Settings (environment): BENCH_DATABASE_URL (a PostgreSQL server to create the database
// on; default postgresql://postgres@127.0.0.1:5432/postgres), BENCH_IMPORT_CLAIMS
// (100000), BENCH_IMPORT_BATCH_SIZE (lines per transaction; the CLI's default), BENCH_KEEP_DB=1 to keep the
// database and the file.
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { Client } from "pg";
import pino from "pino";
import { runImport } from "../src/cli/bulk-commands";
import { migrateDeploy } from "../src/db/migrate";
import { createPrismaClient } from "../src/db/prisma";
import { createServices } from "../src/modules/services";
import { systemPrincipal } from "../src/modules/auth/permissions";
import type { ImportSummary } from "../src/modules/bulk/bulk-format";
import { writeText } from "../src/modules/bulk/write-text";
import { bulkLines } from "./import-data";

const CLAIMS = Number(process.env.BENCH_IMPORT_CLAIMS ?? 100_000);
const BATCH_SIZE = process.env.BENCH_IMPORT_BATCH_SIZE ? Number(process.env.BENCH_IMPORT_BATCH_SIZE) : undefined;
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const KEEP = process.env.BENCH_KEEP_DB === "1";
const DATABASE = `claimtrail_bench_import_${process.pid}`;

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

async function writeFile(file: string): Promise<void> {
  const out = createWriteStream(file);
  for (const line of bulkLines(CLAIMS)) await writeText(out, `${line}\n`, 1 << 20);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/** process.memoryUsage().rss, sampled every 50 ms while `work` runs. */
async function withPeakRss<T>(work: () => Promise<T>): Promise<{ result: T; peakRss: number; seconds: number }> {
  let peakRss = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);
  const begun = Date.now();
  try {
    const result = await work();
    return { result, peakRss: Math.max(peakRss, process.memoryUsage().rss), seconds: (Date.now() - begun) / 1000 };
  } finally {
    clearInterval(timer);
  }
}

function discard(): Writable {
  return new Writable({ write: (_chunk, _encoding, done) => done() });
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "claimtrail-bench-import-"));
  const file = path.join(dir, "claims.ndjson");
  const databaseUrl = new URL(ADMIN_URL);
  databaseUrl.pathname = `/${DATABASE}`;
  const prisma = createPrismaClient({ databaseUrl: databaseUrl.toString() });
  try {
    progress(`writing ${CLAIMS} claims to ${file}`);
    await writeFile(file);
    const bytes = statSync(file).size;
    progress(`file written: ${(bytes / 1024 / 1024).toFixed(1)} MiB`);
    await admin(`CREATE DATABASE ${DATABASE}`);
    progress("applying migrations");
    await migrateDeploy(databaseUrl.toString());
    const services = createServices(prisma, pino({ level: "warn" }), { principal: systemPrincipal("bench") });
    let lastShown = 0;
    const run = (label: string) =>
      withPeakRss(() =>
        runImport(services, {
          input: createReadStream(file),
          report: discard(),
          batchSize: BATCH_SIZE,
          onProgress: ({ lines }) => {
            if (Date.now() - lastShown < 10_000) return;
            lastShown = Date.now();
            progress(`${label}: ${lines} lines`);
          },
        }),
      );
    progress("first import");
    const first = await run("first import");
    progress("second import (the same file)");
    const second = await run("second import");
    printTable(bytes, first, second);
    if (first.result.rejected > 0 || second.result.matched !== CLAIMS) {
      throw new Error(`unexpected outcome: ${JSON.stringify({ first: first.result, second: second.result })}`);
    }
  } finally {
    await prisma.$disconnect();
    if (KEEP) {
      progress(`kept database ${DATABASE} and ${file}`);
    } else {
      await admin(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

type Run = { result: ImportSummary; peakRss: number; seconds: number };

function printTable(bytes: number, first: Run, second: Run): void {
  const mib = (value: number) => `${(value / 1024 / 1024).toFixed(0)} MiB`;
  const row = (label: string, run: Run) => {
    const { lines, created, matched, items } = run.result;
    const perSecond = (lines / run.seconds).toFixed(0);
    return `| ${label} | ${lines} | ${created} created, ${matched} matched | ${items.created.statements + items.matched.statements} | ${run.seconds.toFixed(1)} s | ${perSecond} | ${perSecond} | ${mib(run.peakRss)} |`;
  };
  console.log(`\nNDJSON import of ${CLAIMS} claims (${mib(bytes)} file), batch size ${BATCH_SIZE ?? "default"}:\n`);
  console.log("| run | lines | outcome | statements | time | lines/s | claims/s | peak RSS |");
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
  console.log(row("first (creates)", first));
  console.log(row("second (all matched)", second));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
