// `npm start` with no DATABASE_URL: an embedded PostgreSQL under the given folder, the
// migrations, the seed case loaded once, GraphQL served, and a clean stop on SIGTERM.
import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { startApp, stopApp as stop } from "./helpers/app-process";
import { freePort } from "./helpers/free-port";

let dataDir: string;

async function query(port: number, body: string) {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: body }),
  });
  return (await response.json()) as any;
}

beforeAll(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "claimtrail-start-"));
  chmodSync(dataDir, 0o755);
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

test("starts on an embedded PostgreSQL with the seed case, stops cleanly, and loads the seed only once", async () => {
  const env = {
    EMBEDDED_PG_DIR: path.join(dataDir, "pg"),
    EMBEDDED_PG_PORT: String(await freePort()),
    // A port of the system's choosing (one picked ahead could be taken by another test's
    // connection during the database's start-up), read back from the "ready" line.
    PORT: "0",
    HOST: "127.0.0.1",
  };
  const portOf = (output: string) => Number(/claimtrail ready at http:\/\/[^:]+:(\d+)\//.exec(output)?.[1]);
  const first = await startApp(env);
  let port = portOf(first.output());
  expect(first.output()).toContain("demo seed case loaded");
  const health = await fetch(`http://127.0.0.1:${port}/health`);
  expect(health.status).toBe(200);
  const ready = await fetch(`http://127.0.0.1:${port}/ready`);
  expect({ status: ready.status, body: await ready.json() }).toEqual({ status: 200, body: { status: "ready" } });
  const claims = await query(
    port,
    `{ claims(first: 50) { totalCount nodes { text status statements { stance quote actor { name } } } } }`,
  );
  expect(claims.data.claims.totalCount).toBe(7);
  const armsClaim = claims.data.claims.nodes.find((c: any) => c.text.startsWith("North Korea supplies"));
  expect(armsClaim.status).toBe("DISPUTED");
  expect(armsClaim.statements).toContainEqual({ stance: "DENIES", quote: "absurd", actor: { name: "North Korea" } });
  expect(await stop(first)).toBe(0);
  expect(first.output()).toContain("shutting down on SIGTERM");

  const second = await startApp(env);
  expect(second.output()).toContain("demo seed case already present");
  port = portOf(second.output());
  const again = await query(port, `{ claims { totalCount } }`);
  expect(again.data.claims.totalCount).toBe(7);
  expect(await stop(second)).toBe(0);
}, 180_000);

test("a busy port is a one-line answer naming PORT, given before the embedded database starts", async () => {
  const busy = net.createServer();
  await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", () => resolve()));
  const port = (busy.address() as net.AddressInfo).port;
  try {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      EMBEDDED_PG_DIR: path.join(dataDir, "never-created"),
    };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: path.join(__dirname, ".."),
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const started = Date.now();
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).toBe(1);
    expect(output).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    expect(output).toContain(`PORT=${port + 1} npm start`);
    expect(output).not.toContain("EADDRINUSE");
    expect(output).not.toMatch(/embedded|migrations/i);
    expect(Date.now() - started).toBeLessThan(15_000);
  } finally {
    await new Promise<void>((resolve) => busy.close(() => resolve()));
  }
}, 30_000);
