// What the benchmarks share: a database built with the standard data set, an EDITOR key
// for writes, and the server started as its own production process on loopback.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import pino from "pino";
import { migrateDeploy } from "../src/db/migrate";
import { createPrismaClient } from "../src/db/prisma";
import { createServices } from "../src/modules/services";
import { systemPrincipal } from "../src/modules/auth/permissions";
import { loadSeedCaseOnce } from "../src/seed/load-seed-case";
import { freePort } from "../tests/helpers/free-port";
import { datasetSteps, generateWorkload, WORKLOAD_SEED } from "./dataset";

const root = path.join(__dirname, "..");

export type Progress = (message: string) => void;

// The tests' helpers for the admin connection and a database's URL serve the benchmarks too.
export { withAdminClient as withClient, databaseUrl as databaseUrlOf } from "../tests/setup/test-database";
import { databaseUrl as databaseUrlOf, withAdminClient as withClient } from "../tests/setup/test-database";

/** Creates `database`, applies the migrations, loads the standard data set and the seed case. */
export async function buildDatabase(adminUrl: string, database: string, progress: Progress): Promise<string> {
  const databaseUrl = databaseUrlOf(adminUrl, database);
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${database}`));
  progress("applying migrations");
  await migrateDeploy(databaseUrl);
  const loadStarted = Date.now();
  progress(`data set: the workload's generator (bench/workload/seed.sql, seed ${WORKLOAD_SEED})`);
  const fingerprint = await generateWorkload(databaseUrl);
  progress(`data set: generated rows' fingerprint ${fingerprint}`);
  await withClient(databaseUrl, async (db) => {
    // Kept with the data, so a run on a kept database (BENCH_DB) can compare it with the peer's.
    await db.query(`CREATE TABLE bench_workload AS SELECT $1::text AS fingerprint`, [fingerprint]);
    for (const step of datasetSteps()) {
      progress(`data set: ${step.label}`);
      await db.query(step.sql, step.params);
    }
  });
  progress(`data set built in ${((Date.now() - loadStarted) / 1000).toFixed(1)} s`);
  const prisma = createPrismaClient({ databaseUrl });
  await loadSeedCaseOnce(prisma, pino({ level: "warn" }));
  await prisma.$disconnect();
  return databaseUrl;
}

/** Writes go as an editor's would: with an EDITOR API key, created the way the CLI does. */
export async function createEditorKey(databaseUrl: string, name: string): Promise<string> {
  const prisma = createPrismaClient({ databaseUrl });
  try {
    const services = createServices(prisma, pino({ level: "warn" }), { principal: systemPrincipal("bench") });
    return (await services.apiKeys.createKey({ name, role: "EDITOR" })).secret;
  } finally {
    await prisma.$disconnect();
  }
}

export interface AppServerOptions {
  poolSize: string;
  /** Run under `node --cpu-prof`, writing the profile here. */
  profileDir?: string | null;
  /** Extra environment for the server. */
  env?: Record<string, string>;
}

/** Starts `dist/src/main.js` (build it first) on a free loopback port; resolves once /ready answers. */
export async function startAppServer(
  databaseUrl: string,
  options: AppServerOptions,
): Promise<{ child: ChildProcess; url: string; origin: string }> {
  const port = await freePort();
  const profile = options.profileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.profileDir}`] : [];
  const child = spawn(process.execPath, [...profile, path.join(root, "dist/src/main.js")], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      MIGRATE_ON_START: "false",
      SEED_DEMO_DATA: "false",
      LOG_LEVEL: "warn",
      DATABASE_POOL_SIZE: options.poolSize,
      // The load generator is one client on one address: its budget must not be what is measured.
      RATE_LIMIT_KEY_POINTS: "1000000000",
      RATE_LIMIT_ANONYMOUS_POINTS: "1000000000",
      ...options.env,
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const origin = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      if ((await fetch(`${origin}/ready`)).ok) return { child, url: `${origin}/graphql`, origin };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill("SIGTERM");
  throw new Error("the server did not start");
}

/** SIGTERM, and resolves with the exit code once the server has exited. */
export async function stopAppServer(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  child.kill("SIGTERM");
  return exited;
}
