// The per-process API key cache: a cached key costs no SQL, and a change to a key (revoked
// through the API on another instance, revoked, changed or deleted by plain SQL) reaches
// every instance through the api_keys trigger's NOTIFY within moments. When the listener's
// connection is killed, the cache is bypassed until it is back, and it comes back.
import { Client, type Notification } from "pg";
import { hashKey } from "../src/modules/auth/api-key-secret";
import { API_KEY_CHANNEL, API_KEY_LISTENER_NAME } from "../src/modules/auth/api-key-listener";
import { expectNoUserErrors } from "./helpers/operations";
import { createTestDatabase, dataOf, startTestServer, type TestDatabase, type TestServer } from "./helpers/test-server";

/** NOTIFY is asynchronous: a change must be seen within this long. */
const PROMPTLY_MS = 2_000;

let database: TestDatabase;
/** Two instances on one database, and a third on it with the cache turned off. */
let first: TestServer;
let second: TestServer;
let uncached: TestServer;

beforeAll(async () => {
  database = await createTestDatabase();
  first = await startTestServer({ database });
  second = await startTestServer({ database });
  uncached = await startTestServer({ database, apiKeyCache: { maxEntries: 0 } });
});
afterAll(async () => {
  await first.close({ keepDatabase: true });
  await second.close({ keepDatabase: true });
  await uncached.close({ keepDatabase: true });
  await database.drop();
});

const REVOKE_KEY = `mutation ($input: RevokeApiKeyInput!) {
  revokeApiKey(input: $input) { apiKey { id active } userErrors { field message code } } }`;

/** The HTTP status of a request that does nothing but authenticate (no resolver reads the database). */
async function statusWith(server: TestServer, key: string): Promise<number> {
  const response = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: JSON.stringify({ query: "{ __typename }" }),
  });
  await response.arrayBuffer();
  return response.status;
}

/** How many SQL statements touching api_keys `server` sent while `work` ran. */
async function keyStatements(server: TestServer, work: () => Promise<unknown>): Promise<number> {
  const { sql } = await server.countSql(work);
  return sql.filter((text) => /\bapi_keys\b/.test(text)).length;
}

/** Polls `check` until it holds, for at most `timeoutMs`. */
async function eventually(check: () => Promise<boolean>, timeoutMs = PROMPTLY_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`still not so after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function keyIdOf(server: TestServer, key: string): Promise<string> {
  return dataOf(await server.gql("{ viewer { apiKey { id } } }", {}, { key })).viewer.apiKey.id;
}

function databaseName(server: TestServer): string {
  return new URL(server.databaseUrl).pathname.slice(1);
}

async function listenerPids(server: TestServer): Promise<number[]> {
  const rows = await server.prisma.$queryRaw<{ pid: number }[]>`
    SELECT pid FROM pg_stat_activity WHERE application_name = ${API_KEY_LISTENER_NAME} AND datname = ${databaseName(server)}`;
  return rows.map((row) => row.pid);
}

/**
 * A new instance on the shared database, started after `key` was created: the key's own
 * creation notice (sent at its commit, before this instance LISTENed) cannot reach it and
 * evict the key once cached. Returns when a request with `key` is served from the cache (a
 * lookup in flight while another key's notice is handled, such as the instance's own admin
 * key's, is not cached, so the first few may read it).
 */
async function instanceCaching(key: string): Promise<TestServer> {
  const server = await startTestServer({ database });
  expect(await keyStatements(server, () => statusWith(server, key))).toBeGreaterThanOrEqual(1);
  await eventually(async () => (await keyStatements(server, () => statusWith(server, key))) === 0);
  return server;
}

test("repeated requests with a cached key send no SQL about keys; with the cache off, every one does", async () => {
  const key = await first.createKey("VIEWER");
  // The first request reads the key (and notes its use); then it is cached.
  const fresh = await instanceCaching(key);
  try {
    const repeated = await keyStatements(fresh, async () => {
      for (let i = 0; i < 20; i += 1) expect(await statusWith(fresh, key)).toBe(200);
    });
    expect(repeated).toBe(0);
  } finally {
    await fresh.close({ keepDatabase: true });
  }

  // The same count on the instance without a cache: one lookup per request.
  await statusWith(uncached, key);
  const uncachedRepeated = await keyStatements(uncached, async () => {
    for (let i = 0; i < 20; i += 1) expect(await statusWith(uncached, key)).toBe(200);
  });
  expect(uncachedRepeated).toBe(20);
});

test("a key revoked through the API on one instance is refused by another within moments", async () => {
  const key = await first.createKey("EDITOR");
  // Cached on another instance: without a notification it would go on serving the key.
  const other = await instanceCaching(key);
  try {
    expect(await statusWith(other, key)).toBe(200);

    const revoked = dataOf(await first.gql(REVOKE_KEY, { input: { id: await keyIdOf(first, key) } })).revokeApiKey;
    expectNoUserErrors(revoked);
    expect(revoked.apiKey.active).toBe(false);

    await eventually(async () => (await statusWith(other, key)) === 401);
    expect(await statusWith(first, key)).toBe(401);
  } finally {
    await other.close({ keepDatabase: true });
  }
});

test("a key revoked, changed or deleted with plain SQL is refused (or changed) on every instance within moments", async () => {
  const revoked = await first.createKey("VIEWER");
  const changed = await first.createKey("VIEWER");
  const deleted = await first.createKey("VIEWER");
  for (const server of [first, second]) {
    for (const key of [revoked, changed, deleted]) expect(await statusWith(server, key)).toBe(200);
  }

  await first.prisma.$executeRaw`UPDATE api_keys SET revoked_at = now() WHERE secret_hash = ${hashKey(revoked)}`;
  await first.prisma.$executeRaw`UPDATE api_keys SET role = 'EDITOR' WHERE secret_hash = ${hashKey(changed)}`;
  await first.prisma.$executeRaw`DELETE FROM api_keys WHERE secret_hash = ${hashKey(deleted)}`;

  for (const server of [first, second]) {
    await eventually(async () => (await statusWith(server, revoked)) === 401);
    await eventually(async () => (await statusWith(server, deleted)) === 401);
    await eventually(async () => {
      const { viewer } = dataOf(await server.gql("{ viewer { role } }", {}, { key: changed }));
      return viewer.role === "EDITOR";
    });
  }
});

test("the api_keys trigger announces every change but a touch of last_used_at, at commit, with the key's hash", async () => {
  const own = await createTestDatabase();
  const listener = new Client({ connectionString: own.url });
  const writer = new Client({ connectionString: own.url });
  const heard: Notification[] = [];
  try {
    await Promise.all([listener.connect(), writer.connect()]);
    listener.on("notification", (message) => heard.push(message));
    await listener.query(`LISTEN ${API_KEY_CHANNEL}`);
    const quiet = () => new Promise((resolve) => setTimeout(resolve, 200));
    const payloads = async () => {
      await quiet();
      return heard.splice(0).map((message) => message.payload);
    };

    await writer.query(
      `INSERT INTO api_keys (name, prefix, secret_hash, role) VALUES ('k', 'ct_00000001', 'h1', 'VIEWER')`,
    );
    expect(await payloads()).toEqual(["h1"]);
    await writer.query(`UPDATE api_keys SET last_used_at = now()`);
    expect(await payloads()).toEqual([]);

    await writer.query("BEGIN");
    await writer.query(`UPDATE api_keys SET revoked_at = now()`);
    expect(await payloads()).toEqual([]); // not before commit
    await writer.query("COMMIT");
    expect(await payloads()).toEqual(["h1"]);

    await writer.query(`UPDATE api_keys SET secret_hash = 'h2', last_used_at = now()`);
    expect(await payloads()).toEqual(["h1", "h2"]);
    await writer.query(`DELETE FROM api_keys`);
    expect(await payloads()).toEqual(["h2"]);
    await writer.query(`TRUNCATE api_keys`);
    expect(await payloads()).toEqual(["*"]);
  } finally {
    await Promise.all([listener.end(), writer.end()]);
    await own.drop();
  }
});

test("while the listener's connection is down the cache is bypassed, so a revocation made meanwhile is honoured; then it reconnects", async () => {
  // Its own database (to find its listener), and a first retry (at least 2.25 s with its
  // jitter) slower than PROMPTLY_MS, so that the revocation below is made, and must be
  // honoured, while the listener is down.
  const server = await startTestServer({ apiKeyCache: { reconnectMs: { initial: 3_000, max: 3_000 } } });
  try {
    const kept = await server.createKey("VIEWER");
    const doomed = await server.createKey("VIEWER");
    for (const key of [kept, doomed]) expect(await statusWith(server, key)).toBe(200);
    expect(await keyStatements(server, () => statusWith(server, doomed))).toBe(0);

    const [pid, ...others] = await listenerPids(server);
    expect(pid).toBeDefined();
    expect(others).toEqual([]);
    // Waits (up to 5 s) until the backend is gone.
    await server.prisma.$queryRaw`SELECT pg_terminate_backend(${pid}::int, 5000)`;
    await server.prisma.$executeRaw`UPDATE api_keys SET revoked_at = now() WHERE secret_hash = ${hashKey(doomed)}`;

    // Nobody heard that revocation, yet the key is refused: the cache was emptied and is bypassed.
    await eventually(async () => (await statusWith(server, doomed)) === 401);
    expect(await listenerPids(server)).toEqual([]);
    expect(await keyStatements(server, () => statusWith(server, kept))).toBeGreaterThanOrEqual(1);
    expect(await keyStatements(server, () => statusWith(server, kept))).toBeGreaterThanOrEqual(1);

    // It reconnects, the cache serves again, and notifications arrive again.
    await eventually(async () => {
      const pids = await listenerPids(server);
      return pids.length === 1 && pids[0] !== pid;
    }, 10_000);
    await eventually(async () => (await keyStatements(server, () => statusWith(server, kept))) === 0);
    await server.prisma.$executeRaw`UPDATE api_keys SET revoked_at = now() WHERE secret_hash = ${hashKey(kept)}`;
    await eventually(async () => (await statusWith(server, kept)) === 401);
    expect(await statusWith(server, doomed)).toBe(401);
  } finally {
    await server.close();
  }
});
