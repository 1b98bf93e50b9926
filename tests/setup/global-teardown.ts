// Runs once after all test files: drops the template database and stops the embedded
// PostgreSQL if one was started.
import { rmSync } from "node:fs";
import { ADMIN_URL_ENV, quoteIdent, TEMPLATE_ENV, withAdminClient } from "./test-database";

export default async function globalTeardown(): Promise<void> {
  const adminUrl = process.env[ADMIN_URL_ENV];
  const template = process.env[TEMPLATE_ENV];
  if (adminUrl && template) {
    await withAdminClient(adminUrl, (client) =>
      client.query(`DROP DATABASE IF EXISTS ${quoteIdent(template)} WITH (FORCE)`),
    );
  }
  const embedded = globalThis.__claimtrailEmbedded;
  if (embedded) {
    await embedded.stop();
    rmSync(embedded.dir, { recursive: true, force: true });
  }
}
