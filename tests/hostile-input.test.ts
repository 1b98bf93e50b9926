// Hostile input gets a clear error naming the field and writes nothing: NUL and lone
// surrogates in any string, over-long language tags, LIKE wildcards, invisible characters
// in names, credentials in URLs, forged request IDs, and bodies that are not JSON.
import { randomUUID } from "node:crypto";
import { CREATE_ACTOR, CREATE_CLAIM, RECORD_STATEMENT, expectNoUserErrors } from "./helpers/operations";
import { dataOf, startTestServer, type TestServer } from "./helpers/test-server";

let server: TestServer;
let claimId: string;

beforeAll(async () => {
  server = await startTestServer();
  claimId = dataOf(await server.gql(CREATE_CLAIM, { input: { text: "A claim to test hostile input on" } })).createClaim
    .claim.id;
});
afterAll(() => server.close());

async function rowCounts(target: TestServer = server) {
  const [row] = await target.prisma.$queryRaw<Record<string, number>[]>`
    SELECT (SELECT count(*)::int FROM claims) AS claims, (SELECT count(*)::int FROM actors) AS actors,
           (SELECT count(*)::int FROM actor_aliases) AS aliases, (SELECT count(*)::int FROM sources) AS sources,
           (SELECT count(*)::int FROM statements) AS statements, (SELECT count(*)::int FROM verdicts) AS verdicts,
           (SELECT count(*)::int FROM audit_events) AS audit`;
  return row;
}

/** POSTs to /graphql and returns the status and headers with the body. */
async function post(
  body: string,
  options: { key?: string | null; headers?: Record<string, string>; target?: TestServer } = {},
) {
  const target = options.target ?? server;
  const key = options.key === undefined ? target.adminKey : options.key;
  const response = await fetch(target.url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...options.headers,
    },
    body,
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

async function gqlStatus(query: string, variables?: Record<string, unknown>) {
  const response = await post(JSON.stringify({ query, variables }));
  return { status: response.status, body: JSON.parse(response.text) as { data?: any; errors?: any[] } };
}

function statementInput(overrides: Record<string, unknown> = {}) {
  return {
    claimId,
    stance: "ASSERTS",
    actor: { name: "Hostile Speaker", kind: "PERSON" },
    source: { url: "https://example.org/hostile", title: "Hostile story" },
    ...overrides,
  };
}

const ACTORS = `query ($filter: ActorFilter) { actors(first: 50, filter: $filter) { nodes { name } } }`;

describe("a NUL or a lone surrogate in any string is refused before anything runs", () => {
  const cases: [string, string, Record<string, unknown>, string][] = [
    ["a NUL in a quote", RECORD_STATEMENT, { input: statementInput({ quote: "said\u0000this" }) }, "input.quote"],
    [
      "a lone surrogate in a quote",
      RECORD_STATEMENT,
      { input: statementInput({ quote: "emoji \ud800" }) },
      "input.quote",
    ],
    [
      "a NUL in an actor's name",
      RECORD_STATEMENT,
      { input: statementInput({ actor: { name: "Nul\u0000Speaker", kind: "PERSON" } }) },
      "input.actor.name",
    ],
    [
      "a NUL in a source title",
      RECORD_STATEMENT,
      { input: statementInput({ source: { url: "https://example.org/nul", title: "Nul\u0000title" } }) },
      "input.source.title",
    ],
    [
      "a bell character in a relay's note",
      RECORD_STATEMENT,
      { input: statementInput({ via: [{ relation: "TOLD", actor: { name: "Relay" }, note: "ding\u0007" }] }) },
      "input.via.0.note",
    ],
    ["a NUL in claim text", CREATE_CLAIM, { input: { text: "Claim\u0000text" } }, "input.text"],
    ["a lone low surrogate in claim text", CREATE_CLAIM, { input: { text: "\udc00 claim" } }, "input.text"],
    ["a NUL in a search", `query ($q: String!) { searchClaims(query: $q) { totalCount } }`, { q: "claim\u0000" }, "q"],
    ["a NUL in actorByName", `query ($n: String!) { actorByName(name: $n) { id } }`, { n: "Putin\u0000" }, "n"],
    ["a NUL in nameContains", ACTORS, { filter: { nameContains: "a\u0000" } }, "filter.nameContains"],
    ["a NUL in similarClaims", `query ($t: String!) { similarClaims(text: $t) { similarity } }`, { t: "\u0000" }, "t"],
  ];

  test.each(cases)("%s (variables)", async (_name, query, variables, variable) => {
    const before = await rowCounts();
    const { status, body } = await gqlStatus(query, variables);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining(`$${variable}`),
        extensions: expect.objectContaining({ code: "BAD_USER_INPUT", variable }),
      }),
    ]);
    expect(await rowCounts()).toEqual(before);
  });

  test.each([
    ["a search", `{ searchClaims(query: "claim\\u0000") { totalCount } }`, "searchClaims.query"],
    ["actorByName", `{ actorByName(name: "Putin\\u0000") { id } }`, "actorByName.name"],
    ["nameContains", `{ actors(filter: { nameContains: "a\\u0000" }) { totalCount } }`, "actors.filter.nameContains"],
    [
      "a mutation's input",
      `mutation { createClaim(input: { text: "x\\u0000", topics: ["a"] }) { claim { id } } }`,
      "createClaim.input.text",
    ],
    ["a raw control character", `{ similarClaims(text: "a\u0001b") { similarity } }`, "similarClaims.text"],
  ])("%s written as a literal in the document", async (_name, query, argument) => {
    const before = await rowCounts();
    const { status, body } = await gqlStatus(query);
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT", argument }) }),
    ]);
    expect(await rowCounts()).toEqual(before);
  });

  test("a lone surrogate written as a literal escape is a parse error, not a server error", async () => {
    const { status, body } = await gqlStatus(`{ searchClaims(query: "\\ud800") { totalCount } }`);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_PARSE_FAILED");
  });

  test("tabs, line breaks and paired surrogates (emoji) are kept", async () => {
    const payload = dataOf(
      await server.gql(RECORD_STATEMENT, {
        input: statementInput({ quote: "line one\n\tline two \ud83d\ude00 \u200d kept" }),
      }),
    ).recordStatement;
    expectNoUserErrors(payload);
    expect(payload.statement.quote).toBe("line one\n\tline two \ud83d\ude00 \u200d kept");
  });
});

describe("other entrances validate strings the same way", () => {
  const importNdjson = async (body: string) => {
    const response = await fetch(`${server.origin}/import/claims`, {
      method: "POST",
      headers: { "content-type": "application/x-ndjson", authorization: `Bearer ${server.adminKey}` },
      body,
    });
    expect(response.status).toBe(200);
    const lines = (await response.text())
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, any>);
    return lines.slice(0, -1);
  };
  const line = (text: string, statement: Record<string, unknown>) =>
    JSON.stringify({
      claim: { text, language: "en" },
      statements: [
        {
          stance: "ASSERTS",
          actor: { name: "Bulk Speaker", kind: "PERSON" },
          source: { url: "https://example.org/bulk", title: "Bulk" },
          ...statement,
        },
      ],
    });

  test("a bulk line with a NUL or credentials in a URL is rejected naming the field; the other lines import", async () => {
    const before = await rowCounts();
    const reports = await importNdjson(
      [
        line("A bulk claim with a NUL in its quote", { quote: "bad\u0000quote" }),
        line("A bulk claim that imports", { quote: "fine" }),
        line("A bulk claim with a password in its URL", {
          source: { url: "https://user:secret@example.org/private", title: "Private" },
        }),
        line("A bulk claim with a surrogate in its speaker", { actor: { name: "Bulk \ud800", kind: "PERSON" } }),
      ].join("\n"),
    );
    expect(reports.map((report) => report.status)).toEqual(["rejected", "created", "rejected", "rejected"]);
    expect(reports[0]?.errors).toEqual([
      expect.objectContaining({ field: "statements.0.quote", code: "INVALID", message: expect.stringMatching(/NUL/) }),
    ]);
    expect(reports[2]?.errors).toEqual([
      expect.objectContaining({ field: "statements.0.source.url", message: expect.stringMatching(/credentials/) }),
    ]);
    expect(reports[3]?.errors).toEqual([expect.objectContaining({ field: "statements.0.actor.name" })]);
    const after = await rowCounts();
    expect(after?.claims).toBe((before?.claims ?? 0) + 1);
    expect(await server.prisma.source.count({ where: { url: { contains: "secret" } } })).toBe(0);
  });

  test("POST /claim-review refuses a NUL in the claim and credentials in the review's URL, naming both", async () => {
    const factChecker = await server.createKey("FACT_CHECKER");
    const before = await rowCounts();
    const response = await fetch(`${server.origin}/claim-review`, {
      method: "POST",
      headers: { "content-type": "application/ld+json", authorization: `Bearer ${factChecker}` },
      body: JSON.stringify({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        claimReviewed: "A reviewed\u0000claim",
        url: "https://editor:hunter2@factcheck.example.org/review",
        datePublished: "2024-01-15",
        author: { "@type": "Organization", name: "Example Fact Check" },
        reviewRating: { "@type": "Rating", alternateName: "False" },
      }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as any;
    expect(body.userErrors.map((error: any) => [error.field, error.code]).sort()).toEqual([
      ["input.document.claimReviewed", "INVALID"],
      ["input.document.url", "INVALID"],
    ]);
    expect(await rowCounts()).toEqual(before);
  });
});

test("an over-long language tag is TOO_LONG naming input.language, and writes nothing", async () => {
  const before = await rowCounts();
  const tag = `en-${"abcdefgh-".repeat(200)}x1`;
  const claim = dataOf(
    await server.gql(CREATE_CLAIM, { input: { text: "A claim in a long language", language: tag } }),
  ).createClaim;
  expect(claim.userErrors).toEqual([expect.objectContaining({ field: "input.language", code: "TOO_LONG" })]);
  const statement = dataOf(
    await server.gql(RECORD_STATEMENT, { input: statementInput({ language: tag }) }),
  ).recordStatement;
  expect(statement.userErrors).toEqual([expect.objectContaining({ field: "input.language", code: "TOO_LONG" })]);
  expect(await rowCounts()).toEqual(before);
});

test("nameContains matches % and _ literally", async () => {
  for (const name of ["100% Real", "100 Real", "snake_case Agency", "snakeXcase Agency"]) {
    expectNoUserErrors(dataOf(await server.gql(CREATE_ACTOR, { input: { name, kind: "ORGANIZATION" } })).createActor);
  }
  const names = async (nameContains: string) =>
    dataOf(await server.gql(ACTORS, { filter: { nameContains } })).actors.nodes.map((actor: any) => actor.name);
  expect(await names("100%")).toEqual(["100% Real"]);
  expect(await names("snake_case")).toEqual(["snake_case Agency"]);
  expect(await names("100")).toEqual(["100 Real", "100% Real"]);
  expect(await names("\\")).toEqual([]);
});

describe("names are cleaned of invisible characters before they are stored or matched", () => {
  test("a name with a zero-width space reuses the actor without one", async () => {
    const created = dataOf(
      await server.gql(CREATE_ACTOR, { input: { name: "Vladimir Putin", kind: "PERSON" } }),
    ).createActor;
    expectNoUserErrors(created);
    const actorsBefore = await server.prisma.actor.count();
    const payload = dataOf(
      await server.gql(RECORD_STATEMENT, {
        input: statementInput({ actor: { name: "Vladimir Putin\u200b", kind: "PERSON" } }),
      }),
    ).recordStatement;
    expectNoUserErrors(payload);
    expect(payload.statement.actor).toEqual({ id: created.actor.id, name: "Vladimir Putin" });
    expect(await server.prisma.actor.count()).toBe(actorsBefore);

    const spaced = dataOf(
      await server.gql(CREATE_ACTOR, { input: { name: "\u202eVladimir\u00a0 \ufeffPutin\u2069", kind: "PERSON" } }),
    ).createActor;
    expect(spaced.userErrors).toEqual([expect.objectContaining({ field: "input.name", code: "DUPLICATE" })]);
    const found = dataOf(
      await server.gql(`query ($n: String!) { actorByName(name: $n) { id } }`, { n: "vladimir\u200d putin" }),
    ).actorByName;
    expect(found).toEqual({ id: created.actor.id });
  });

  test("new names and titles are stored clean", async () => {
    const payload = dataOf(
      await server.gql(RECORD_STATEMENT, {
        input: statementInput({
          actor: { name: "  Clean\u200b   Speaker\u200e ", kind: "PERSON" },
          source: { url: "https://example.org/clean-title", title: "A \u2066clean\u2069\n title" },
        }),
      }),
    ).recordStatement;
    expectNoUserErrors(payload);
    expect(payload.statement.actor.name).toBe("Clean Speaker");
    expect(payload.statement.source.title).toBe("A clean title");
  });

  test("a name made only of invisible characters is empty", async () => {
    const before = await rowCounts();
    const payload = dataOf(
      await server.gql(RECORD_STATEMENT, {
        input: statementInput({ actor: { name: "\u200b\u200d\u2060", kind: "PERSON" } }),
      }),
    ).recordStatement;
    expect(payload.userErrors).toContainEqual(
      expect.objectContaining({ field: "input.actor.name", code: "REQUIRED", message: "name must not be empty" }),
    );
    const created = dataOf(
      await server.gql(CREATE_ACTOR, { input: { name: "\ufeff \u200f", kind: "PERSON" } }),
    ).createActor;
    expect(created.userErrors).toEqual([expect.objectContaining({ field: "input.name", code: "REQUIRED" })]);
    expect(await rowCounts()).toEqual(before);
  });
});

test("a source URL with credentials is refused naming the field, and writes nothing", async () => {
  const before = await rowCounts();
  for (const url of ["https://user:password@example.org/a", "https://token@example.org/b"]) {
    const payload = dataOf(
      await server.gql(RECORD_STATEMENT, { input: statementInput({ source: { url, title: "With credentials" } }) }),
    ).recordStatement;
    expect(payload.userErrors).toEqual([
      expect.objectContaining({
        field: "input.source.url",
        code: "INVALID",
        message: expect.stringMatching(/credentials/),
      }),
    ]);
  }
  expect(await rowCounts()).toEqual(before);
});

describe("request IDs", () => {
  const auditRequestIds = async (claimText: string) => {
    const claim = await server.prisma.claim.findFirstOrThrow({ where: { text: claimText } });
    const rows = await server.prisma.auditEvent.findMany({ where: { claimId: claim.id }, select: { requestId: true } });
    return rows.map((row) => row.requestId);
  };

  test("an 8 KB header with markup is replaced by a UUID, which is stored and echoed", async () => {
    const forged = `<script>alert(1)</script>${"x".repeat(8 * 1024)}`;
    const text = `A claim sent with a forged request ID ${randomUUID()}`;
    const response = await post(JSON.stringify({ query: CREATE_CLAIM, variables: { input: { text } } }), {
      headers: { "x-request-id": forged },
    });
    expect(response.status).toBe(200);
    const echoed = response.headers.get("x-request-id") ?? "";
    expect(echoed).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(await auditRequestIds(text)).toEqual([echoed]);
  });

  test("a plain client request ID is kept, stored and echoed", async () => {
    const text = `A claim sent with a plain request ID ${randomUUID()}`;
    const response = await post(JSON.stringify({ query: CREATE_CLAIM, variables: { input: { text } } }), {
      headers: { "x-request-id": "trace-42:edge@eu.1" },
    });
    expect(response.headers.get("x-request-id")).toBe("trace-42:edge@eu.1");
    expect(await auditRequestIds(text)).toEqual(["trace-42:edge@eu.1"]);
  });

  test("the HTTP routes use the same rule", async () => {
    const response = await fetch(`${server.origin}/export/claims`, {
      headers: { authorization: `Bearer ${server.adminKey}`, "x-request-id": "<b>bold</b>" },
    });
    await response.text();
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  test("a path that serves nothing gets a JSON 404, with the request's ID", async () => {
    const response = await fetch(`${server.origin}/claims/nowhere`, { headers: { "x-request-id": "trace-404" } });
    expect(response.status).toBe(404);
    expect(response.headers.get("x-request-id")).toBe("trace-404");
    expect(await response.json()).toEqual({
      error: { code: "NOT_FOUND", message: "There is nothing at GET /claims/nowhere." },
    });
  });
});

describe("bodies that are not JSON, or too large, get a JSON error", () => {
  const expectJsonError = (response: Awaited<ReturnType<typeof post>>, status: number, code: string) => {
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.text).not.toMatch(/<html|<pre|stack|\bat .*\.[jt]s:\d+/i);
    expect(JSON.parse(response.text)).toEqual({ errors: [{ message: expect.any(String), extensions: { code } }] });
  };

  test.each(["test", "development"] as const)("on /graphql, in %s", async (nodeEnv) => {
    const target = nodeEnv === "test" ? server : await startTestServer({ nodeEnv });
    try {
      const before = await rowCounts(target);
      expectJsonError(await post(`{"query": "mutation {`, { target }), 400, "BAD_REQUEST");
      const huge = JSON.stringify({ query: CREATE_CLAIM, variables: { input: { text: "x".repeat(1_100_000) } } });
      expectJsonError(await post(huge, { target }), 413, "PAYLOAD_TOO_LARGE");
      expect(await rowCounts(target)).toEqual(before);
    } finally {
      if (target !== server) await target.close();
    }
  });

  test("on POST /claim-review", async () => {
    const send = (body: string) =>
      fetch(`${server.origin}/claim-review`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${server.adminKey}` },
        body,
      });
    const malformed = await send(`{"@type": `);
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ error: { code: "BAD_REQUEST", message: expect.any(String) } });
    const large = await send(JSON.stringify({ claimReviewed: "x".repeat(1_100_000) }));
    expect(large.status).toBe(413);
    expect(await large.json()).toEqual({ error: { code: "PAYLOAD_TOO_LARGE", message: expect.any(String) } });
  });
});
