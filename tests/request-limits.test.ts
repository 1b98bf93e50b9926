// The request-path guard, tried as an attacker would: each shape that used to take the
// server down (nesting, fragment fan-out, alias bombs on search, similarity and
// introspection, directives, tokens) is refused before anything runs, quickly, and the
// server answers the next request at once. Normal operations report their cost.
import { CREATE_CLAIM } from "./helpers/operations";
import { dataOf, startTestServer, type TestServer } from "./helpers/test-server";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  for (let i = 0; i < 3; i += 1) {
    dataOf(await server.gql(CREATE_CLAIM, { input: { text: `North Korea supplies arms to Russia ${i}` } }));
  }
});
afterAll(() => server.close());

interface Answer {
  status: number;
  ms: number;
  headers: Headers;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[]; extensions?: any };
}

async function post(query: string, variables?: Record<string, unknown>): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Answer["body"];
  return { status: response.status, ms: performance.now() - started, headers: response.headers, body };
}

/** Refused with `code` before any resolver ran, in well under a second; the server answers at once after. */
async function expectRefused(query: string, code: string): Promise<Answer> {
  const answer = await post(query);
  expect(answer.body.errors?.[0]?.extensions?.code).toBe(code);
  expect(answer.body.data).toBeUndefined();
  expect(answer.status).toBe(400);
  expect(answer.ms).toBeLessThan(1_000);
  const next = await post("{ __typename }");
  expect(next.body).toMatchObject({ data: { __typename: "Query" } });
  expect(next.ms).toBeLessThan(500);
  return answer;
}

const nest = (levels: number, leaf: string): string => {
  let selection = leaf;
  for (let i = 0; i < levels; i += 1) {
    selection =
      i % 2 === 0
        ? `statements(first: 100) { id quote actor { id name ${selection} } }`
        : `statements(first: 100) { id quote claim { id text ${selection} } }`;
  }
  return `{ claims(first: 1) { nodes { id ${selection} } } }`;
};

describe("operations over a limit are refused before they run", () => {
  test("the nested query of issue 9 (50 s and 2.6 GB before) is refused at once", async () => {
    const query =
      "{ claims(first:1) { nodes { id statements(first:100) { id quote actor { id name statements(first:100) { id quote claim { id text statements(first:100) { id quote actor { id name statements(first:100) { id quote claim { id text statements(first:100) { id quote actor { id name } } } } } } } } } } } } }";
    const answer = await post(query);
    expect(["QUERY_TOO_COMPLEX", "QUERY_TOO_DEEP"]).toContain(answer.body.errors?.[0]?.extensions?.code);
    expect(answer.status).toBe(400);
    expect(answer.ms).toBeLessThan(1_000);
  });

  test("the same nesting one level shallower, within the depth limit, is QUERY_TOO_COMPLEX, with its cost and the limit", async () => {
    const query = nest(4, "");
    expect(query.length).toBeLessThan(400);
    const { body } = await expectRefused(query, "QUERY_TOO_COMPLEX");
    const error = body.errors![0]!;
    expect(error.extensions?.limit).toBe(25_000);
    // 1 claim × 100 statements × 100 × 100 × 100, each with its actor or claim.
    expect(error.extensions?.cost).toBeGreaterThan(1e8);
    expect(error.message).toContain(`costs ${String(error.extensions?.cost)} points and the limit is 25000`);
    expect(body.extensions?.cost).toMatchObject({
      requestedQueryCost: error.extensions?.cost,
      maximumQueryCost: 25_000,
    });
  });

  test("fragments that spread two aliased copies of the level before are priced in full and refused", async () => {
    const levels = 12;
    const fragments = [`fragment L0 on Claim { id text }`];
    for (let i = 1; i <= levels; i += 1) {
      fragments.push(
        `fragment L${i} on Claim { a: statements(first: 50) { claim { ...L${i - 1} } } b: statements(first: 50) { claim { ...L${i - 1} } } }`,
      );
    }
    const query = `{ claims(first: 1) { nodes { ...L${levels} } } } ${fragments.join(" ")}`;
    const answer = await post(query);
    const code = answer.body.errors?.[0]?.extensions?.code;
    // Too deep, too many aliases or too costly: whichever limit trips first, nothing runs.
    expect(["QUERY_TOO_COMPLEX", "QUERY_TOO_DEEP", "TOO_MANY_ALIASES"]).toContain(code);
    expect(answer.ms).toBeLessThan(1_000);
  });

  test("a fragment fan-out within the depth and alias limits is still QUERY_TOO_COMPLEX", async () => {
    const fragments = [`fragment F0 on Claim { id text }`];
    for (let i = 1; i <= 4; i += 1) {
      fragments.push(`fragment F${i} on Claim { ...F${i - 1} statements(first: 50) { claim { ...F${i - 1} } } }`);
    }
    await expectRefused(`{ claims(first: 2) { nodes { ...F4 } } } ${fragments.join(" ")}`, "QUERY_TOO_COMPLEX");
  });

  test("fragments that each spread the one before twice (2^20 expansions) are too large to price, and refused", async () => {
    const fragments = [`fragment G0 on Query { __typename }`];
    for (let i = 1; i <= 20; i += 1) fragments.push(`fragment G${i} on Query { ...G${i - 1} ...G${i - 1} }`);
    const { body } = await expectRefused(`{ ...G20 } ${fragments.join(" ")}`, "QUERY_TOO_COMPLEX");
    expect(body.errors![0]!.message).toMatch(/too large to price/);
  });

  test("2,000 aliases of searchClaims(first: 100) are refused by the token limit before being parsed whole", async () => {
    const aliases = Array.from(
      { length: 2_000 },
      (_, i) => `s${i}: searchClaims(query: "arms", first: 100) { nodes { id } }`,
    );
    const answer = await expectRefused(`{ ${aliases.join(" ")} }`, "TOO_MANY_TOKENS");
    expect(answer.body.errors![0]!.message).toContain("5000 tokens");
  });

  test("aliases over the limit are TOO_MANY_ALIASES, however small the document", async () => {
    const aliases = Array.from({ length: 21 }, (_, i) => `s${i}: similarClaims(text: "arms") { score }`);
    const { body } = await expectRefused(`{ ${aliases.join(" ")} }`, "TOO_MANY_ALIASES");
    expect(body.errors![0]!.message).toMatch(/20/);
  });

  test("searchClaims copies within the alias limit are priced: 20 of them at first: 100 cost more than the limit allows", async () => {
    const aliases = Array.from(
      { length: 20 },
      (_, i) => `s${i}: searchClaims(query: "arms", first: 100) { nodes { id statements(first: 20) { id } } }`,
    );
    await expectRefused(`{ ${aliases.join(" ")} }`, "QUERY_TOO_COMPLEX");
  });

  test("aliased introspection is refused: a thousand copies by the alias or token limit, twenty by cost", async () => {
    const thousand = Array.from({ length: 1_000 }, (_, i) => `i${i}: __schema { types { name } }`);
    const answer = await post(`{ ${thousand.join(" ")} }`);
    expect(["TOO_MANY_ALIASES", "TOO_MANY_TOKENS"]).toContain(answer.body.errors?.[0]?.extensions?.code);
    expect(answer.ms).toBeLessThan(1_000);
    const twenty = Array.from({ length: 20 }, (_, i) => `i${i}: __schema { types { name fields { name } } }`);
    await expectRefused(`{ ${twenty.join(" ")} }`, "QUERY_TOO_COMPLEX");
  });

  test("one full introspection query (what GraphiQL and Sandbox send) is allowed", async () => {
    const { getIntrospectionQuery } = await import("graphql");
    const answer = await post(getIntrospectionQuery());
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.extensions?.cost.requestedQueryCost).toBe(2_000);
  });

  test("50,000 @skip directives are refused by the token limit; 51 directives by the directive limit", async () => {
    const many = Array.from({ length: 50_000 }, () => "@skip(if: false)").join(" ");
    await expectRefused(`{ __typename ${many} }`, "TOO_MANY_TOKENS");
    const some = Array.from({ length: 51 }, () => "@include(if: true)").join(" ");
    await expectRefused(`{ __typename ${some} }`, "TOO_MANY_DIRECTIVES");
  });

  test("a query deeper than 12 levels is QUERY_TOO_DEEP, even at first: 1", async () => {
    const answer = await expectRefused(nest(6, "").replace(/first: 100/g, "first: 1"), "QUERY_TOO_DEEP");
    expect(answer.body.errors![0]!.message).toMatch(/depth limit of 12/);
  });
});

describe("operations within the limits", () => {
  test("report their cost and what is left of the client's budget, in extensions and headers", async () => {
    const query = `{ claims(first: 3) { nodes { id text statements(first: 10) { id actor { name } } } } }`;
    const first = await post(query);
    const second = await post(query);
    expect(first.body.errors).toBeUndefined();
    // 3 claims, each with 10 statements, each with an actor: 3 × (1 + 10 × (1 + 1)) = 63.
    expect(first.body.extensions.cost).toEqual({
      requestedQueryCost: 63,
      maximumQueryCost: 25_000,
      throttleStatus: {
        maximumAvailable: 100_000,
        currentlyAvailable: expect.any(Number),
        windowSeconds: 60,
        resetInSeconds: expect.any(Number),
      },
    });
    const left = (answer: Answer) => answer.body.extensions.cost.throttleStatus.currentlyAvailable as number;
    expect(left(first) - left(second)).toBe(63);
    expect(second.headers.get("x-ratelimit-limit")).toBe("100000");
    expect(Number(second.headers.get("x-ratelimit-remaining"))).toBe(left(second));
    expect(Number(second.headers.get("x-ratelimit-reset"))).toBeGreaterThan(Date.now() / 1000);
  });

  test("a list without `first` is priced at its default page size", async () => {
    const answer = await post(`{ claims { nodes { id statements { id } } } }`);
    // 20 claims (the default page), each 1 + 50 statements (the default nested page).
    expect(answer.body.extensions.cost.requestedQueryCost).toBe(20 * (1 + 50 * 1));
  });

  test("a variable page size is priced with its value, and a wrongly typed one is a clear BAD_USER_INPUT", async () => {
    const query = `query ($n: Int) { claims(first: $n) { nodes { id } } }`;
    const priced = await post(query, { n: 7 });
    expect(priced.body.extensions.cost.requestedQueryCost).toBe(7);
    const wrong = await post(query, { n: "seven" });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});
