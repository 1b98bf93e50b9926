// Rate limits in cost points per window, per API key and per address, kept in PostgreSQL
// so that every instance of the API shares them; failed authentication is throttled too.
import { CREATE_CLAIM } from "./helpers/operations";
import { createTestDatabase, dataOf, startTestServer, type TestDatabase, type TestServer } from "./helpers/test-server";

let database: TestDatabase;
let first: TestServer;
let second: TestServer;

// Two instances on one database, with small budgets: 300 points a minute anonymously,
// 1,000 per key, 3 failed authentications.
const rateLimits = {
  store: "postgres" as const,
  windowSeconds: 60,
  anonymousPoints: 300,
  keyPoints: 1_000,
  authFailures: 3,
};

beforeAll(async () => {
  database = await createTestDatabase();
  first = await startTestServer({ database, rateLimits });
  second = await startTestServer({ database, rateLimits });
  dataOf(await first.gql(CREATE_CLAIM, { input: { text: "Pyongyang called the accusation absurd" } }));
});
afterAll(async () => {
  await first.close({ keepDatabase: true });
  await second.close({ keepDatabase: true });
  await database.drop();
});

async function post(server: TestServer, query: string, key?: string) {
  const response = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

// Priced at its page size, whatever the page holds: 99 claims of 1 point each.
const COSTS_99 = "{ claims(first: 99) { nodes { id } } }";

test("an address's budget is shared by every instance; over it, HTTP 429 RATE_LIMITED with Retry-After, and a key has its own budget", async () => {
  // The template database starts with no buckets: this test's address is charged from zero.
  expect((await post(first, COSTS_99)).body.extensions.cost.throttleStatus.currentlyAvailable).toBe(201);
  expect((await post(second, COSTS_99)).body.extensions.cost.throttleStatus.currentlyAvailable).toBe(102);
  expect((await post(first, COSTS_99)).body.extensions.cost.throttleStatus.currentlyAvailable).toBe(3);

  const refused = await post(second, COSTS_99);
  expect(refused.status).toBe(429);
  expect(refused.body.data).toBeUndefined();
  const error = refused.body.errors[0];
  expect(error.extensions.code).toBe("RATE_LIMITED");
  expect(error.message).toMatch(/costs 99 points and 3 of 300 are left in this 60-second window/);
  expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(60);
  expect(refused.body.extensions.cost.throttleStatus.currentlyAvailable).toBe(3);

  // A refused request charges nothing: what is left still buys a cheap query.
  const cheap = await post(first, "{ claims(first: 3) { nodes { id } } }");
  expect(cheap.status).toBe(200);
  expect(cheap.body.extensions.cost.throttleStatus.currentlyAvailable).toBe(0);

  // An API key is charged on its own budget.
  const key = await first.createKey("VIEWER");
  const keyed = await post(second, COSTS_99, key);
  expect(keyed.status).toBe(200);
  expect(keyed.body.extensions.cost.throttleStatus).toMatchObject({ maximumAvailable: 1_000, currentlyAvailable: 901 });
  expect(keyed.headers.get("x-ratelimit-limit")).toBe("1000");
});

test("failed authentications are throttled per address: past the limit, even a valid key is refused for a while", async () => {
  const valid = await first.createKey("VIEWER");
  const bad = "ct_" + "x".repeat(43);
  const statuses: number[] = [];
  for (let i = 0; i < 4; i += 1) statuses.push((await post(i % 2 ? first : second, "{ __typename }", bad)).status);
  expect(statuses.slice(0, 2)).toEqual([401, 401]);
  expect(statuses.slice(2)).toContain(429);
  const blocked = await post(first, "{ __typename }", valid);
  expect(blocked.status).toBe(429);
  expect(blocked.body.errors[0].extensions.code).toBe("RATE_LIMITED");
  expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  // The plain HTTP routes authenticate the same way.
  const exported = await fetch(`${first.origin}/export/claims`, { headers: { authorization: `Bearer ${valid}` } });
  expect(exported.status).toBe(429);
  expect(Number(exported.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  expect(await exported.json()).toMatchObject({ error: { code: "RATE_LIMITED" } });
});
