// Deadlines and the pool: a statement past statement_timeout is cancelled with a clear,
// retryable OPERATION_TIMEOUT and its connection goes back to the pool; an operation past
// its deadline starts no further SQL; one client cannot hold more than its share of the
// pool, so a slow reader does not starve a writer, and a client over its share waits a
// bounded time, then gets SERVICE_UNAVAILABLE (503, Retry-After), never a 500.
import { Client } from "pg";
import { CREATE_CLAIM } from "./helpers/operations";
import { dataOf, startTestServer, type TestServer } from "./helpers/test-server";

let server: TestServer;
let editorKey: string;

beforeAll(async () => {
  server = await startTestServer({
    pool: { poolSize: 4, poolWaitMs: 500, statementTimeoutMs: 1_000 },
    databaseShare: { perClient: 2 },
    limits: { operationTimeoutMs: 1_500 },
  });
  editorKey = await server.createKey("EDITOR");
  dataOf(await server.gql(CREATE_CLAIM, { input: { text: "North Korea supplies arms to Russia" } }));
});
afterAll(() => server.close());

async function post(query: string, variables?: Record<string, unknown>, key?: string) {
  const started = performance.now();
  const response = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: { message: string; extensions?: any }[] };
  return {
    status: response.status,
    retryAfter: response.headers.get("retry-after"),
    body,
    ms: performance.now() - started,
  };
}

/** Holds `lock` on `table` in an open transaction of the test's own connection until the returned release runs. */
async function holdLock(table: string, mode: string): Promise<() => Promise<void>> {
  const client = new Client({ connectionString: server.databaseUrl });
  await client.connect();
  await client.query("BEGIN");
  await client.query(`LOCK TABLE ${table} IN ${mode} MODE`);
  return async () => {
    await client.query("ROLLBACK");
    await client.end();
  };
}

const ACTORS = "{ actors(first: 5) { nodes { id name } } }";

test("a statement that runs past statement_timeout ends with OPERATION_TIMEOUT (503, Retry-After), and its connection is back in the pool", async () => {
  const release = await holdLock("actors", "ACCESS EXCLUSIVE");
  let answer;
  try {
    answer = await post(ACTORS);
  } finally {
    await release();
  }
  expect(answer.status).toBe(503);
  expect(answer.retryAfter).toBe("5");
  expect(answer.body.errors?.[0]?.extensions?.code).toBe("OPERATION_TIMEOUT");
  expect(answer.body.errors?.[0]?.message).toMatch(/statement_timeout/);
  expect(answer.ms).toBeGreaterThan(900);
  expect(answer.ms).toBeLessThan(3_000);
  // Every connection of the pool (4) is usable again: 8 reads at once all succeed.
  const after = await Promise.all(Array.from({ length: 8 }, () => post(ACTORS)));
  expect(after.map((reply) => reply.status)).toEqual(Array(8).fill(200));
});

test("one client holds at most its share of the pool: its extra requests wait, then get SERVICE_UNAVAILABLE, while another client's write goes through", async () => {
  const release = await holdLock("actors", "ACCESS EXCLUSIVE");
  let reads;
  let write;
  try {
    const pending = Array.from({ length: 6 }, () => post(ACTORS));
    await new Promise((resolve) => setTimeout(resolve, 100));
    write = await post(CREATE_CLAIM, { input: { text: "A claim written while a reader hogs the pool" } }, editorKey);
    reads = await Promise.all(pending);
  } finally {
    await release();
  }
  // The writer (its own client) got a connection at once, while the reads were still stuck.
  expect(write.status).toBe(200);
  expect(write.body.errors).toBeUndefined();
  expect(write.body.data.createClaim.userErrors).toEqual([]);
  expect(write.ms).toBeLessThan(800);
  const codes = reads.map((reply) => reply.body.errors?.[0]?.extensions?.code).sort();
  // Two held a connection (the share) until statement_timeout; four waited 500 ms for one.
  expect(codes).toEqual([
    "OPERATION_TIMEOUT",
    "OPERATION_TIMEOUT",
    "SERVICE_UNAVAILABLE",
    "SERVICE_UNAVAILABLE",
    "SERVICE_UNAVAILABLE",
    "SERVICE_UNAVAILABLE",
  ]);
  for (const reply of reads) {
    expect(reply.status).toBe(503);
    expect(Number(reply.retryAfter)).toBeGreaterThanOrEqual(1);
  }
  const busy = reads.find((reply) => reply.body.errors?.[0]?.extensions?.code === "SERVICE_UNAVAILABLE")!;
  expect(busy.body.errors![0]!.message).toMatch(/Too many of this client's requests/);
});

test("an operation past its deadline starts no further SQL: the next mutation field fails with OPERATION_TIMEOUT and writes nothing", async () => {
  // Its own server: statements may run 5 s, the operation 1 s.
  const patient = await startTestServer({ pool: { statementTimeoutMs: 5_000 }, limits: { operationTimeoutMs: 1_000 } });
  try {
    const key = await patient.createKey("EDITOR");
    const mutation = `mutation ($a: CreateClaimInput!, $b: CreateClaimInput!) {
      a: createClaim(input: $a) { claim { id } userErrors { message } }
      b: createClaim(input: $b) { claim { id } userErrors { message } }
    }`;
    // The first insert waits 1.5 s for the lock, then commits; mutation fields run one after
    // another, so the second starts past the deadline and must not reach the database.
    const client = new Client({ connectionString: patient.databaseUrl });
    await client.connect();
    await client.query("BEGIN");
    await client.query("LOCK TABLE claims IN SHARE MODE");
    const unlock = new Promise((resolve) => setTimeout(resolve, 1_500)).then(async () => {
      await client.query("ROLLBACK");
      await client.end();
    });
    const response = await fetch(patient.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: mutation, variables: { a: { text: "written in time" }, b: { text: "too late" } } }),
    });
    await unlock;
    const body = (await response.json()) as { errors?: { message: string; path?: string[]; extensions?: any }[] };
    expect(body.errors?.map((error) => [error.extensions?.code, error.path?.[0]])).toEqual([
      ["OPERATION_TIMEOUT", "b"],
    ]);
    expect(body.errors![0]!.message).toMatch(/deadline is 1000 ms/);
    expect(response.status).toBe(503);
    const texts = (await patient.prisma.claim.findMany({ select: { text: true } })).map((claim) => claim.text);
    expect(texts).toContain("written in time");
    expect(texts).not.toContain("too late");
  } finally {
    await patient.close();
  }
});
