// Bad input gets a clear error naming the field and changes nothing; unexpected errors
// are masked; concurrent writers of one new source end with one source.
import { CREATE_CLAIM, RECORD_STATEMENT, expectNoUserErrors } from "./helpers/operations";
import { dataOf, startTestServer, type TestServer } from "./helpers/test-server";

let server: TestServer;
let claimId: string;

beforeAll(async () => {
  server = await startTestServer();
  const created = dataOf(
    await server.gql(CREATE_CLAIM, { input: { text: "A claim to test bad input on" } }),
  ).createClaim;
  claimId = created.claim.id;
});
afterAll(() => server.close());

async function rowCounts() {
  const [claims, actors, sources, statements, hops, evidence, verdicts] = await Promise.all([
    server.prisma.claim.count(),
    server.prisma.actor.count(),
    server.prisma.source.count(),
    server.prisma.statement.count(),
    server.prisma.attributionHop.count(),
    server.prisma.evidence.count(),
    server.prisma.verdict.count(),
  ]);
  return { claims, actors, sources, statements, hops, evidence, verdicts };
}

function statementInput(overrides: Record<string, unknown> = {}) {
  return {
    claimId,
    stance: "ASSERTS",
    actor: { name: "Fresh Speaker", kind: "PERSON" },
    source: {
      url: "https://example.org/fresh",
      title: "Fresh story",
      publisher: { name: "Fresh Outlet", kind: "MEDIA_OUTLET" },
    },
    via: [{ relation: "TOLD", actor: { name: "Fresh Agency", kind: "MEDIA_OUTLET" } }],
    ...overrides,
  };
}

describe("recordStatement refuses bad input, names the field, and writes nothing", () => {
  const cases: [string, Record<string, unknown>, { field: string; code: string }][] = [
    [
      "a malformed source URL",
      { source: { url: "not a url", title: "x" } },
      { field: "input.source.url", code: "INVALID" },
    ],
    [
      "an unknown claim ID",
      { claimId: "Q2xhaW06MDAwMDAwMDAtMDAwMC00MDAwLTgwMDAtMDAwMDAwMDAwMDAw" },
      { field: "input.claimId", code: "NOT_FOUND" },
    ],
    [
      "an ID of the wrong type",
      { claimId: "QWN0b3I6MDAwMDAwMDAtMDAwMC00MDAwLTgwMDAtMDAwMDAwMDAwMDAw" },
      { field: "input.claimId", code: "NOT_FOUND" },
    ],
    ["an over-long quote", { quote: "x".repeat(5001) }, { field: "input.quote", code: "TOO_LONG" }],
    [
      "a new actor without a kind",
      { actor: { name: "Nobody Known" } },
      { field: "input.actor.kind", code: "REQUIRED" },
    ],
    [
      "a new source without a title",
      { source: { url: "https://example.org/untitled" } },
      { field: "input.source.title", code: "REQUIRED" },
    ],
    [
      "an unknown actor ID in a relay hop",
      { via: [{ relation: "TOLD", actor: { id: "QWN0b3I6MDAwMDAwMDAtMDAwMC00MDAwLTgwMDAtMDAwMDAwMDAwMDAw" } }] },
      { field: "input.via.0.actor.id", code: "NOT_FOUND" },
    ],
  ];

  test.each(cases)("%s", async (_name, overrides, expected) => {
    const before = await rowCounts();
    const payload = dataOf(await server.gql(RECORD_STATEMENT, { input: statementInput(overrides) })).recordStatement;
    expect(payload.statement).toBeNull();
    expect(payload.userErrors).toContainEqual(expect.objectContaining(expected));
    expect(payload.userErrors[0].message.length).toBeGreaterThan(5);
    expect(await rowCounts()).toEqual(before);
  });
});

test("a failure after the actor and source were created rolls them back too", async () => {
  const before = await rowCounts();
  // The new actor and source resolve first; the unknown hop actor then fails the write.
  const payload = dataOf(
    await server.gql(RECORD_STATEMENT, {
      input: statementInput({
        actor: { name: "Rolled Back Speaker", kind: "PERSON" },
        source: { url: "https://example.org/rolled-back", title: "Rolled back" },
        via: [{ relation: "TOLD", actor: { name: "Unknown Agency Without Kind" } }],
      }),
    }),
  ).recordStatement;
  expect(payload.userErrors).toEqual([expect.objectContaining({ field: "input.via.0.actor.kind", code: "REQUIRED" })]);
  expect(await rowCounts()).toEqual(before);
  expect(await server.prisma.actor.findFirst({ where: { name: "Rolled Back Speaker" } })).toBeNull();
});

test("a missing required field is a GraphQL validation error naming the field", async () => {
  const response = await server.gql(`mutation { createClaim(input: { language: "en" }) { claim { id } } }`);
  expect(response.errors?.[0]?.message).toMatch(/text/);
  expect(response.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
});

test("an operation name the document does not have is a 400 naming it, not a server error", async () => {
  // GraphiQL sends the previous tab's operationName when a tab is run at once after switching.
  const response = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "query Present { __typename }", operationName: "Absent" }),
  });
  expect(response.status).toBe(400);
  const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
  expect(body.errors[0]?.message).toMatch(/Unknown operation named "Absent"/);
  expect(body.errors[0]?.extensions.code).toBe("OPERATION_RESOLUTION_FAILURE");
});

test("a wrong enum value is refused with a message naming the value", async () => {
  const response = await server.gql(RECORD_STATEMENT, { input: statementInput({ stance: "SHRUGS" }) });
  expect(response.data).toBeUndefined();
  expect(response.errors?.[0]?.message).toMatch(/SHRUGS/);
  expect(response.errors?.[0]?.message).toMatch(/stance/);
  expect(response.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
});

test("over-long and blank claim texts are refused with TOO_LONG and REQUIRED", async () => {
  const long = dataOf(await server.gql(CREATE_CLAIM, { input: { text: "y".repeat(1001) } })).createClaim;
  expect(long.userErrors).toEqual([expect.objectContaining({ field: "input.text", code: "TOO_LONG" })]);
  const blank = dataOf(await server.gql(CREATE_CLAIM, { input: { text: "   " } })).createClaim;
  expect(blank.userErrors).toEqual([expect.objectContaining({ field: "input.text", code: "REQUIRED" })]);
});

test("a page size over the cap is refused, not truncated", async () => {
  const response = await server.gql(`{ claims(first: 101) { nodes { id } } }`);
  expect(response.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", argument: "first" } });
  const nested = await server.gql(`query ($id: ID!) { claim(id: $id) { statements(first: 1000) { id } } }`, {
    id: claimId,
  });
  expect(nested.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
});

test("two concurrent statements citing the same new source URL end with one source", async () => {
  const url = "https://Example.org/breaking/?utm_source=x";
  const inputs = ["First Racer", "Second Racer", "Third Racer"].map((name) =>
    statementInput({
      actor: { name, kind: "PERSON" },
      source: { url, title: "Breaking", publisher: { name: "Race Outlet", kind: "MEDIA_OUTLET" } },
      via: [{ relation: "TOLD", actor: { name: "Race Agency", kind: "MEDIA_OUTLET" } }],
    }),
  );
  const results = await Promise.all(inputs.map((input) => server.gql(RECORD_STATEMENT, { input })));
  const payloads = results.map((result) => dataOf(result).recordStatement);
  payloads.forEach(expectNoUserErrors);
  expect(new Set(payloads.map((p) => p.statement.source.id)).size).toBe(1);
  expect(await server.prisma.source.count({ where: { url: "https://example.org/breaking" } })).toBe(1);
  expect(await server.prisma.actor.count({ where: { name: { in: ["Race Outlet", "Race Agency"] } } })).toBe(2);
});

test("an unexpected failure is masked: no stack trace and no SQL in the response", async () => {
  await server.prisma.$executeRawUnsafe(`ALTER TABLE verdicts RENAME TO verdicts_hidden`);
  try {
    const response = await server.gql(`query ($id: ID!) { claim(id: $id) { text verdicts { rating } } }`, {
      id: claimId,
    });
    expect(response.errors).toEqual([
      expect.objectContaining({ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } }),
    ]);
    const body = JSON.stringify(response);
    expect(body).not.toMatch(/verdicts_hidden|SELECT|stacktrace|\.ts:/i);
  } finally {
    await server.prisma.$executeRawUnsafe(`ALTER TABLE verdicts_hidden RENAME TO verdicts`);
  }
});
