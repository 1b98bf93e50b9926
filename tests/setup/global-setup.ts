// Runs once before all test files: finds or starts PostgreSQL, then builds a template
// database with the committed migrations applied (prisma migrate deploy).
import { chmodSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { migrateDeploy } from "../../src/db/migrate";
import { startEmbeddedPostgres } from "../../src/db/embedded-postgres";
import { ADMIN_URL_ENV, databaseUrl, quoteIdent, TEMPLATE_ENV, withAdminClient } from "./test-database";
import { freePort } from "../helpers/free-port";

declare global {
  var __claimtrailEmbedded: { stop(): Promise<void>; dir: string } | undefined;
}

export default async function globalSetup(): Promise<void> {
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const dir = mkdtempSync(path.join(os.tmpdir(), "claimtrail-test-pg-"));
    // Run as root, the server runs as a `postgres` user, which must reach the folder.
    chmodSync(dir, 0o755);
    const embedded = await startEmbeddedPostgres({
      dataDir: path.join(dir, "data"),
      port: await freePort(),
      database: "claimtrail_admin",
      logger: pino({ level: "warn" }),
      persistent: false,
    });
    globalThis.__claimtrailEmbedded = { stop: () => embedded.stop(), dir };
    adminUrl = embedded.url;
  }
  const template = `claimtrail_template_${process.pid}`;
  await withAdminClient(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(template)}`);
    await client.query(`CREATE DATABASE ${quoteIdent(template)}`);
  });
  await migrateDeploy(databaseUrl(adminUrl, template));
  process.env[ADMIN_URL_ENV] = adminUrl;
  process.env[TEMPLATE_ENV] = template;
}
