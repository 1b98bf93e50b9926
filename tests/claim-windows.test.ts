// A claim with more live statements than one children window holds (CLAIM_CHILD_WINDOW,
// 501): its statements come from the window up to there and from the paged loader beyond,
// on the claim page and in a list, in the same order as PostgreSQL orders them.
import { CLAIM_CHILD_WINDOW } from "../src/loaders/loaders";
import { decodeIdOfType } from "../src/shared/global-id";
import { CREATE_CLAIM, RECORD_STATEMENT, expectNoUserErrors } from "./helpers/operations";
import { dataOf, startTestServer, type TestServer } from "./helpers/test-server";

const MANY = CLAIM_CHILD_WINDOW + 40;
const PAGE = 100;

let server: TestServer;
let claimId: string;
/** The live statements' quotes in the claims' order (created_at, id), from the database. */
let expected: string[];

beforeAll(async () => {
  server = await startTestServer();
  const created = dataOf(
    await server.gql(CREATE_CLAIM, { input: { text: "A claim with very many statements", topics: ["windows"] } }),
  ).createClaim;
  expectNoUserErrors(created);
  claimId = created.claim.id as string;
  const first = dataOf(
    await server.gql(
      RECORD_STATEMENT,
      {
        input: {
          claimId,
          stance: "ASSERTS",
          quote: "statement 0",
          actor: { name: "Window Speaker", kind: "PERSON" },
          source: { url: "https://windows.example/0", title: "Windows" },
        },
      },
      { key: server.adminKey },
    ),
  ).recordStatement;
  expectNoUserErrors(first);
  const id = decodeIdOfType(claimId, "Claim");
  // The rest written directly (a few hundred mutations would only slow the test), with the
  // claim's derived columns refreshed as every write refreshes them.
  await server.prisma.$executeRaw`
    INSERT INTO statements (claim_id, actor_id, source_id, stance, quote, created_at)
    SELECT s.claim_id, s.actor_id, s.source_id, s.stance, 'statement ' || g, s.created_at + g * interval '1 ms'
    FROM statements s, generate_series(1, ${MANY - 1}::int) g WHERE s.claim_id = ${id}::uuid`;
  await server.prisma.$executeRaw`
    UPDATE statements SET retracted_at = now(), retraction_reason = 'test'
    WHERE claim_id = ${id}::uuid AND quote IN ('statement 7', 'statement 300')`;
  await server.prisma
    .$queryRaw`SELECT count(*) FROM claimtrail_refresh_derived(ARRAY[${id}::uuid], ARRAY[NULL::timestamptz])`;
  const rows = await server.prisma.$queryRaw<{ quote: string }[]>`
    SELECT quote FROM statements WHERE claim_id = ${id}::uuid AND retracted_at IS NULL ORDER BY created_at, id`;
  expected = rows.map((row) => row.quote);
});
afterAll(() => server.close());

async function pages(read: (offset: number) => Promise<{ quote: string }[]>): Promise<string[]> {
  const quotes: string[] = [];
  for (let offset = 0; offset < MANY; offset += PAGE) quotes.push(...(await read(offset)).map((row) => row.quote));
  return quotes;
}

test("the claim page's statements, page by page past the window, are every live statement in order", async () => {
  expect(expected.length).toBeGreaterThan(CLAIM_CHILD_WINDOW);
  const count = dataOf(await server.gql(`query ($id: ID!) { claim(id: $id) { statementCount } }`, { id: claimId }))
    .claim.statementCount;
  expect(count).toBe(expected.length);
  const quotes = await pages(async (offset) => {
    const query = `query ($id: ID!, $offset: Int) { claim(id: $id) { statements(first: ${PAGE}, offset: $offset) { quote } } }`;
    return dataOf(await server.gql(query, { id: claimId, offset })).claim.statements;
  });
  expect(quotes).toEqual(expected);
});

test("in a list too", async () => {
  const quotes = await pages(async (offset) => {
    const query = `query ($offset: Int) { claims(first: 5, filter: { topic: "windows" }) {
      nodes { statements(first: ${PAGE}, offset: $offset) { quote } } } }`;
    const { nodes } = dataOf(await server.gql(query, { offset })).claims;
    expect(nodes).toHaveLength(1);
    return nodes[0].statements;
  });
  expect(quotes).toEqual(expected);
});

test("children asked for by __typename alone still come one per row", async () => {
  // Such a document has no values to read; its rows still count (ARRAY[NULL] in listSql).
  const query = `query ($id: ID!) {
    claim(id: $id) { statements(first: 100) { __typename } evidence { __typename } latestVerdict { __typename } }
    claims(first: 5, filter: { topic: "windows" }) { nodes { statements(first: 100) { __typename } } }
  }`;
  const { claim, claims } = dataOf(await server.gql(query, { id: claimId }));
  for (const statements of [claim.statements, claims.nodes[0].statements]) {
    expect(statements).toEqual(Array.from({ length: 100 }, () => ({ __typename: "Statement" })));
  }
  expect(claim).toMatchObject({ evidence: [], latestVerdict: null });
});
