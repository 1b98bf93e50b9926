// NDJSON bulk import and export over HTTP: idempotent imports with a per-line report,
// rejected lines that change nothing, permissions, and export -> import -> export.
import { readFileSync } from "node:fs";
import path from "node:path";
import { dataOf, startTestServer, type TestServer } from "./helpers/test-server";

const SEED_FILE = readFileSync(path.join(__dirname, "fixtures", "bulk-seed.ndjson"), "utf8");

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function importNdjson(
  target: TestServer,
  body: string,
  options: { key?: string | null; contentType?: string } = {},
): Promise<{ status: number; reports: any[]; summary: any; body: any }> {
  const key = options.key === undefined ? target.adminKey : options.key;
  const response = await fetch(`${target.origin}/import/claims`, {
    method: "POST",
    headers: {
      "content-type": options.contentType ?? "application/x-ndjson",
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    },
    body,
  });
  const text = await response.text();
  if (!response.headers.get("content-type")?.startsWith("application/x-ndjson")) {
    return { status: response.status, reports: [], summary: null, body: JSON.parse(text) };
  }
  const lines = text
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));
  return { status: response.status, reports: lines.slice(0, -1), summary: lines.at(-1)?.summary, body: null };
}

async function exportNdjson(target: TestServer, key: string | null = target.adminKey, query = ""): Promise<Response> {
  return fetch(`${target.origin}/export/claims${query}`, {
    headers: key ? { authorization: `Bearer ${key}` } : {},
  });
}

async function counts(target: TestServer) {
  const [row] = await target.prisma.$queryRaw<Record<string, number>[]>`
    SELECT (SELECT count(*)::int FROM claims) AS claims, (SELECT count(*)::int FROM statements) AS statements,
           (SELECT count(*)::int FROM evidence) AS evidence, (SELECT count(*)::int FROM verdicts) AS verdicts,
           (SELECT count(*)::int FROM actors) AS actors, (SELECT count(*)::int FROM actor_aliases) AS aliases,
           (SELECT count(*)::int FROM sources) AS sources, (SELECT count(*)::int FROM attribution_hops) AS hops,
           (SELECT count(*)::int FROM audit_events) AS audit,
           (SELECT max(updated_at)::text FROM claims) AS "lastUpdate"`;
  return row;
}

const CLAIM_BY_ID = `query ($id: ID!) { claim(id: $id) {
  text status firstSeenAt statementCount
  statements { stance quote actor { name aliases } source { url title publisher { name } } }
  evidence { kind actor { name } attribution { relation actor { name } source { title } } }
  verdicts { rating conclusion reviewer { name kind } url }
} }`;

describe("importing the seed case as NDJSON", () => {
  let first: Awaited<ReturnType<typeof importNdjson>>;
  let before: Awaited<ReturnType<typeof counts>>;

  beforeAll(async () => {
    first = await importNdjson(server, SEED_FILE);
    before = await counts(server);
  });

  test("creates every claim with its statements, evidence and verdicts, and reports each line", () => {
    expect(first.status).toBe(200);
    expect(first.reports.map((report) => [report.line, report.status])).toEqual(
      [1, 2, 3, 4, 5, 6, 7].map((line) => [line, "created"]),
    );
    expect(first.reports[0]).toMatchObject({
      created: { statements: 3, evidence: 3, verdicts: 0 },
      matched: { statements: 0, evidence: 0, verdicts: 0 },
      errors: [],
    });
    expect(first.reports[1].created).toEqual({ statements: 1, evidence: 0, verdicts: 1 });
    expect(first.summary).toMatchObject({
      lines: 7,
      created: 7,
      updated: 0,
      matched: 0,
      rejected: 0,
      items: { created: { statements: 9, evidence: 3, verdicts: 1 } },
    });
    expect(before).toMatchObject({ claims: 7, statements: 9, evidence: 3, verdicts: 1 });
  });

  test("the imported claims read back through GraphQL with their actors, chains and status", async () => {
    const claim = dataOf(await server.gql(CLAIM_BY_ID, { id: first.reports[0].claimId })).claim;
    expect(claim.status).toBe("DISPUTED");
    // One line's statements share their transaction's creation time: compare them as a set.
    const byActor = (name: string) => claim.statements.find((s: any) => s.actor.name === name);
    expect(claim.statements.map((s: any) => [s.actor.name, s.stance]).sort()).toEqual([
      ["North Korea", "DENIES"],
      ["Russia", "DENIES"],
      ["United States", "ASSERTS"],
    ]);
    expect(byActor("North Korea").actor.aliases).toContain("Pyongyang");
    // The URL was canonicalized (tracking parameter dropped) and the new publisher created.
    expect(byActor("Russia").source).toEqual({
      url: "https://example.org/news/2024/06/20/kremlin-denies-arms",
      title: "Kremlin denies arms deals with Pyongyang",
      publisher: { name: "Example News" },
    });
    const analysis = claim.evidence.find((item: any) => item.kind === "EXPERT_ANALYSIS");
    expect(analysis.attribution.map((hop: any) => [hop.relation, hop.actor.name])).toEqual([
      ["SPOKE", "Koh Yoo-hwan"],
      ["TOLD", "AFP"],
      ["CARRIED_BY", "BGNES"],
    ]);
    const reviewed = dataOf(await server.gql(CLAIM_BY_ID, { id: first.reports[1].claimId })).claim;
    expect(reviewed.status).toBe("SUPPORTED");
    expect(reviewed.verdicts).toEqual([
      {
        rating: "Mostly true",
        conclusion: "SUPPORTED",
        reviewer: { name: "Example Fact Check", kind: "FACT_CHECKER" },
        url: "https://factcheck.example.org/2024/arms-deal-un",
      },
    ]);
    // A statement's date earlier than the given firstSeenAt moves it back.
    const newEra = dataOf(await server.gql(CLAIM_BY_ID, { id: first.reports[4].claimId })).claim;
    expect(newEra.firstSeenAt).toBe("2024-06-19T00:00:00.000Z");
  });

  test("the second run of the same file matches every line and changes nothing, audit log included", async () => {
    const second = await importNdjson(server, SEED_FILE);
    expect(second.reports.map((report) => report.status)).toEqual(Array(7).fill("matched"));
    expect(second.reports.map((report) => report.claimId)).toEqual(first.reports.map((report) => report.claimId));
    expect(second.summary).toMatchObject({
      lines: 7,
      created: 0,
      matched: 7,
      items: {
        created: { statements: 0, evidence: 0, verdicts: 0 },
        matched: { statements: 9, evidence: 3, verdicts: 1 },
      },
    });
    expect(await counts(server)).toEqual(before);
  });

  test("a line adding a statement to an existing claim is reported as updated", async () => {
    const line = JSON.parse(SEED_FILE.split("\n")[2] ?? "{}");
    line.statements.push({
      stance: "DENIES",
      actor: { name: "North Korea" },
      source: { url: "https://example.org/kcna/border", title: "KCNA on the border incident" },
      paraphrase: "Said its soldiers never crossed the line.",
    });
    const result = await importNdjson(server, `${JSON.stringify(line)}\n`);
    expect(result.reports[0]).toMatchObject({
      status: "updated",
      claimId: first.reports[2].claimId,
      created: { statements: 1 },
      matched: { statements: 1 },
    });
    const claim = dataOf(await server.gql(CLAIM_BY_ID, { id: first.reports[2].claimId })).claim;
    expect(claim.status).toBe("DISPUTED");
  });
});

describe("rejected lines", () => {
  test("a malformed line and invalid lines are rejected with reasons, and the other lines are imported", async () => {
    const good = (text: string) => JSON.stringify({ claim: { text }, statements: [] });
    const body = [
      good("Rejected lines do not stop an import: first good line"),
      '{"claim": {"text": "unterminated',
      JSON.stringify({
        claim: { text: "A line with invalid items", topics: ["Not A Slug!"] },
        statements: [{ stance: "MAYBE", actor: { name: "X" }, source: { url: "not a url" }, qoute: "typo" }],
        verdict: [],
      }),
      // Valid in form, refused inside its transaction: the unknown speaker has no kind.
      JSON.stringify({
        claim: { text: "A claim whose statement names an unknown speaker" },
        statements: [
          {
            stance: "ASSERTS",
            actor: { name: "Someone Nobody Knows" },
            source: { url: "https://a.example/x", title: "X" },
          },
        ],
      }),
      "",
      good("Rejected lines do not stop an import: last good line"),
    ].join("\n");
    const result = await importNdjson(server, body);
    expect(result.status).toBe(200);
    expect(result.reports.map((report) => [report.line, report.status])).toEqual([
      [1, "created"],
      [2, "rejected"],
      [3, "rejected"],
      [4, "rejected"],
      [6, "created"],
    ]);
    expect(result.reports[1].errors).toEqual([
      { field: null, code: "INVALID", message: expect.stringContaining("not valid JSON") },
    ]);
    const fields = result.reports[2].errors.map((error: any) => [error.field, error.code]);
    expect(fields).toEqual(
      expect.arrayContaining([
        [null, "INVALID"], // the unknown key `verdict`
      ]),
    );
    const invalid = await importNdjson(
      server,
      JSON.stringify({
        claim: { text: "A line with invalid items", topics: ["Not A Slug!"] },
        statements: [{ stance: "MAYBE", actor: { name: "X" }, source: { url: "not a url" }, qoute: "typo" }],
      }),
    );
    expect(invalid.reports[0].errors.map((error: any) => [error.field, error.code])).toEqual(
      expect.arrayContaining([
        ["claim.topics.0", "INVALID"],
        ["statements.0.stance", "INVALID"],
        ["statements.0.source.url", "INVALID"],
        ["statements.0.qoute", "INVALID"],
      ]),
    );
    expect(result.reports[3].errors).toEqual([
      { field: "statements.0.actor.kind", code: "REQUIRED", message: expect.stringContaining("Someone Nobody Knows") },
    ]);
    expect(result.reports[3].claimId).toBeNull();
    // The refused line's claim was rolled back with it.
    const texts = await server.prisma.claim.findMany({ where: { text: { startsWith: "A claim whose statement" } } });
    expect(texts).toEqual([]);
    expect(result.summary).toMatchObject({ lines: 5, created: 2, rejected: 3 });
  });

  test("a line with verdicts is refused to an EDITOR key, while its lines without verdicts import", async () => {
    const editorKey = await server.createKey("EDITOR");
    const claim = (text: string) => ({ claim: { text } });
    const verdict = {
      reviewer: { name: "Example Fact Check" },
      rating: "False",
      conclusion: "REFUTED",
      reviewedAt: "2024-07-01T00:00:00Z",
    };
    const body = [claim("An editor may import this claim"), { ...claim("But not this verdict"), verdicts: [verdict] }]
      .map((line) => JSON.stringify(line))
      .join("\n");
    const result = await importNdjson(server, body, { key: editorKey });
    expect(result.reports.map((report) => report.status)).toEqual(["created", "rejected"]);
    expect(result.reports[1].errors).toEqual([
      { field: "verdicts", code: "FORBIDDEN", message: expect.stringContaining("PUBLISH_VERDICTS") },
    ]);
  });
});

describe("authentication and permissions", () => {
  test("import without a key is 401, with a bad key 401, with a VIEWER key 403; nothing is read", async () => {
    const line = JSON.stringify({ claim: { text: "Never imported" } });
    const anonymous = await importNdjson(server, line, { key: null });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe("UNAUTHENTICATED");
    const bad = await importNdjson(server, line, { key: "ct_00000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" });
    expect(bad.status).toBe(401);
    const viewer = await importNdjson(server, line, { key: await server.createKey("VIEWER") });
    expect(viewer.status).toBe(403);
    expect(viewer.body.error).toEqual({ code: "FORBIDDEN", message: expect.stringContaining("BULK_IMPORT") });
    expect(await server.prisma.claim.count({ where: { text: "Never imported" } })).toBe(0);
  });

  test("import of another content type is 415", async () => {
    const result = await importNdjson(server, "{}", { contentType: "application/json" });
    expect(result.status).toBe(415);
    expect(result.body.error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  test("export needs a key with BULK_EXPORT (VIEWER has it) and a valid `since`", async () => {
    expect((await exportNdjson(server, null)).status).toBe(401);
    const scoped = await server.createKey("EDITOR", ["WRITE_CLAIMS"]);
    expect((await exportNdjson(server, scoped)).status).toBe(403);
    const viewer = await exportNdjson(server, await server.createKey("VIEWER"));
    expect(viewer.status).toBe(200);
    expect(viewer.headers.get("content-type")).toMatch(/^application\/x-ndjson/);
    expect((await viewer.text()).trim().split("\n").length).toBeGreaterThan(7);
    const bad = await exportNdjson(server, server.adminKey, "?since=yesterday");
    expect(bad.status).toBe(400);
    const future = await exportNdjson(server, server.adminKey, "?since=2999-01-01T00:00:00Z");
    expect(await future.text()).toBe("");
  });
});

describe("export", () => {
  let exported: string;

  beforeAll(async () => {
    // A retracted statement is left out of the export.
    const [statement] = await server.prisma.statement.findMany({ where: { quote: "absurd" } });
    const id = Buffer.from(`Statement:${statement?.id}`).toString("base64");
    const retracted = await server.gql(
      `mutation ($input: RetractInput!) { retractStatement(input: $input) { userErrors { message } } }`,
      { input: { id, reason: "test" } },
    );
    expect(dataOf(retracted).retractStatement.userErrors).toEqual([]);
    exported = await (await exportNdjson(server)).text();
  });

  test("writes every claim in the import format, live items only", () => {
    const lines = exported
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(10);
    const arms = lines.find((line) => line.claim.text.startsWith("North Korea supplies"));
    expect(arms.claim).toEqual({
      text: "North Korea supplies ammunition and missiles to Russia for its war against Ukraine",
      language: "en",
      topics: ["north-korea", "russia", "arms-trade", "war-in-ukraine"],
      firstSeenAt: "2024-06-19T08:00:00.000Z",
    });
    expect(arms.statements.map((s: any) => s.actor.name)).toEqual(["Russia", "United States"]);
    expect(JSON.stringify(arms)).not.toContain("absurd");
    const analysis = arms.evidence.find((item: any) => item.kind === "EXPERT_ANALYSIS");
    expect(analysis.via.map((hop: any) => [hop.relation, hop.actor.name])).toEqual([
      ["TOLD", "AFP"],
      ["CARRIED_BY", "BGNES"],
    ]);
  });

  test("importing the export into an empty database and exporting again gives the same file", async () => {
    const other = await startTestServer();
    try {
      const result = await importNdjson(other, exported);
      expect(result.summary).toMatchObject({ lines: 10, created: 10, rejected: 0 });
      expect(await (await exportNdjson(other)).text()).toBe(exported);
    } finally {
      await other.close();
    }
  });

  test("re-importing the export into its own database matches everything", async () => {
    const before = await counts(server);
    const result = await importNdjson(server, exported);
    expect(result.summary).toMatchObject({ lines: 10, matched: 10 });
    expect(await counts(server)).toEqual(before);
  });
});

test("lines creating the same new actors and sources in opposite orders, imported at once, all succeed", async () => {
  const names = ["Actor North", "Actor East", "Actor South", "Actor West"];
  const lines = Array.from({ length: 8 }, (_, index) =>
    JSON.stringify({
      claim: { text: `Concurrent creators ${index}` },
      statements: (index % 2 ? [...names].reverse() : names).map((name) => ({
        stance: "ASSERTS",
        actor: { name, kind: "PERSON" },
        source: { url: `https://concurrent.example/${name.replace(" ", "-")}`, title: name },
      })),
    }),
  );
  const result = await importNdjson(server, lines.join("\n"));
  expect(result.summary).toMatchObject({ lines: 8, created: 8, rejected: 0 });
  expect(await server.prisma.actor.count({ where: { name: { in: names } } })).toBe(4);
});

test("1,500 lines stream through in order, over two batches", async () => {
  const speakers = ["Alpha Ministry", "Beta Agency", "Gamma Institute", "Delta Party", "Epsilon Bank"];
  const lines = Array.from({ length: 1500 }, (_, index) =>
    JSON.stringify({
      claim: { text: `Streaming claim number ${index}`, topics: ["streaming"] },
      statements: [
        {
          stance: index % 3 === 0 ? "DENIES" : "ASSERTS",
          actor: { name: speakers[index % speakers.length], kind: "ORGANIZATION" },
          source: { url: `https://stream.example/${index % 50}`, title: `Stream page ${index % 50}` },
          quote: `Quote ${index}`,
        },
      ],
    }),
  );
  const result = await importNdjson(server, `${lines.join("\n")}\n`);
  expect(result.reports).toHaveLength(1500);
  expect(result.reports.every((report, index) => report.line === index + 1 && report.status === "created")).toBe(true);
  expect(result.summary).toMatchObject({ lines: 1500, created: 1500, items: { created: { statements: 1500 } } });
  expect(await server.prisma.claim.count({ where: { topics: { has: "streaming" } } })).toBe(1500);
  expect(await server.prisma.source.count({ where: { url: { startsWith: "https://stream.example/" } } })).toBe(50);
});
