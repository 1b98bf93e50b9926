// The real server as a child process (`node --import tsx src/main.ts`), started with the
// given environment and stopped with a signal: for tests of start-up and shutdown.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const root = path.join(__dirname, "..", "..");

export interface AppProcess {
  child: ChildProcess;
  /** Everything the process printed so far (stdout and stderr). */
  output: () => string;
}

/** Starts the server and resolves once it logs "claimtrail ready" (DATABASE_URL comes only from `env`). */
export async function startApp(env: Record<string, string>): Promise<AppProcess> {
  const inherited = { ...process.env };
  delete inherited.DATABASE_URL;
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: root,
    env: { ...inherited, NODE_ENV: "production", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 90_000);
    const poll = setInterval(() => {
      if (output.includes("claimtrail ready")) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve();
      }
    }, 100);
    child.once("exit", (code) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return { child, output: () => output };
}

/** Resolves with the exit code once the process has exited. */
export function exited(app: AppProcess): Promise<number | null> {
  if (app.child.exitCode !== null) return Promise.resolve(app.child.exitCode);
  return new Promise((resolve) => app.child.once("exit", (code) => resolve(code)));
}

/** Sends SIGTERM and resolves with the exit code. */
export function stopApp(app: AppProcess): Promise<number | null> {
  app.child.removeAllListeners("exit");
  const code = exited(app);
  app.child.kill("SIGTERM");
  return code;
}
