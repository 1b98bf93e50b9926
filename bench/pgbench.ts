// The raw-SQL ceiling: the same answer as one hand-written statement, driven straight at
// PostgreSQL by pgbench (prepared statements, the same number of clients).
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export async function pgbenchTps(
  databaseUrl: string,
  script: string,
  clients: number,
  seconds: number,
): Promise<number> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "claimtrail-pgbench-"));
  const file = path.join(dir, "script.sql");
  writeFileSync(file, script);
  try {
    const { stdout } = await run(
      "pgbench",
      ["-n", "-M", "prepared", "-c", String(clients), "-j", "2", "-T", String(seconds), "-f", file, databaseUrl],
      { maxBuffer: 10 * 1024 * 1024 },
    );
    const match = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout);
    if (!match?.[1]) throw new Error(`unexpected pgbench output:\n${stdout}`);
    return Number(match[1]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
