// Applies the committed migrations with `prisma migrate deploy` (idempotent). It runs
// the Prisma CLI of this project, which uses the WASM schema engine: nothing is downloaded.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
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
  return stdout;
}
