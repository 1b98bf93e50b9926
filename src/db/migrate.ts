// Applies pending migrations: ours with `prisma migrate deploy`, then graphile-worker's
// own (its `graphile_worker` schema: the webhook job queue, which mutations write to in
// their transactions). The Prisma CLI of this project uses the WASM schema engine:
// nothing is downloaded. It is only run when a committed migration is not applied yet,
// because the CLI takes about 11 s even with nothing to do (a timer in the WASM engine).
import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { Logger as WorkerLogger, runMigrations } from "graphile-worker";
import { Client } from "pg";
import { projectRoot } from "../project-root";

const run = promisify(execFile);

/** Applies what is pending; returns whether `prisma migrate deploy` had to run. */
export async function migrateDeploy(databaseUrl: string): Promise<{ prismaRan: boolean }> {
  const prismaRan = await migrationsPending(databaseUrl);
  if (prismaRan) {
    const cli = path.join(path.dirname(require.resolve("prisma/package.json")), "build", "index.js");
    await run(process.execPath, [cli, "migrate", "deploy"], {
      cwd: projectRoot(),
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      maxBuffer: 10 * 1024 * 1024,
    });
  }
  await runMigrations({ connectionString: databaseUrl, logger: new WorkerLogger(() => () => undefined) });
  return { prismaRan };
}

/**
 * Whether some committed migration (prisma/migrations) is not applied to the database
 * (or failed, or was rolled back): then `prisma migrate deploy` must run (and reports a
 * failed one).
 */
export async function migrationsPending(url: string): Promise<boolean> {
  const committed = readdirSync(path.join(projectRoot(), "prisma", "migrations"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ migration_name: string }>(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
    );
    const applied = new Set(rows.map((row) => row.migration_name));
    return committed.some((name) => !applied.has(name));
  } catch (error) {
    // 42P01: no _prisma_migrations table, a database never migrated.
    if ((error as { code?: string }).code === "42P01") return true;
    throw error;
  } finally {
    await client.end();
  }
}
