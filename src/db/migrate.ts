// Applies the committed migrations with `prisma migrate deploy` (idempotent), then
// graphile-worker's own (its `graphile_worker` schema: the webhook job queue, which
// mutations write to in their transactions). The Prisma CLI of this project uses the
// WASM schema engine: nothing is downloaded.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { Logger as WorkerLogger, runMigrations } from "graphile-worker";
import { projectRoot } from "../project-root";

const run = promisify(execFile);

export async function migrateDeploy(databaseUrl: string): Promise<string> {
  const root = projectRoot();
  const cli = path.join(path.dirname(require.resolve("prisma/package.json")), "build", "index.js");
  const { stdout } = await run(process.execPath, [cli, "migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    maxBuffer: 10 * 1024 * 1024,
  });
  await runMigrations({ connectionString: databaseUrl, logger: new WorkerLogger(() => () => undefined) });
  return stdout;
}
