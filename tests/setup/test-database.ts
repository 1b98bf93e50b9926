// Where the tests' PostgreSQL is: TEST_DATABASE_URL (CI points it at the machine's
// server), else an embedded server started for the run. Shared by global setup/teardown
// and the per-file helpers through environment variables set in global setup.
import { Client } from "pg";

export const TEMPLATE_ENV = "CLAIMTRAIL_TEST_TEMPLATE_DB";
export const ADMIN_URL_ENV = "CLAIMTRAIL_TEST_ADMIN_URL";

/** The URL of `database` on the same server as `adminUrl`. */
export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withAdminClient<T>(adminUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function quoteIdent(name: string): string {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unsafe database name ${name}`);
  return `"${name}"`;
}
