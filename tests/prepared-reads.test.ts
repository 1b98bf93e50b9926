// The hot reads (claim page, dashboard list, search) are prepared statements that
// PostgreSQL plans once: after its plan cache's five custom plans it settles on the
// generic one, which knows its row counts (LIMIT in the text) and computes search's
// tsquery once per execution. The answers stay those of the values sent each time.
import { poolOf } from "../src/db/prisma";
import { recordSeedCase } from "./helpers/operations";
import { dataOf, startTestServer, type TestServer } from "./helpers/test-server";

let server: TestServer;
let claimIds: string[];

beforeAll(async () => {
  // One connection, so that every statement is prepared on the connection read below.
  server = await startTestServer({ pool: { poolSize: 1 } });
  claimIds = Object.values(await recordSeedCase(server));
});
afterAll(() => server.close());

const CLAIM_PAGE = `query ($id: ID!) { claim(id: $id) { id text statements { stance actor { name } } } }`;
const DASHBOARD = `query ($status: [ClaimStatus!]) {
  claims(filter: { status: $status }, orderBy: { field: UPDATED_AT, direction: DESC }, first: 5) {
    nodes { id status statements { stance } latestVerdict { rating } } } }`;
const SEARCH = `query ($q: String!) { searchClaims(query: $q, first: 3) { edges { rank node { id text } } } }`;
const SEARCH_PAGE = `query ($q: String!, $after: String) {
  searchClaims(query: $q, first: 3, after: $after) { edges { node { id text } } pageInfo { endCursor } } }`;

interface PreparedStatement {
  statement: string;
  generic_plans: string;
  custom_plans: string;
}

/** The connection's prepared statements whose text contains `marker`. */
async function prepared(marker: string): Promise<PreparedStatement[]> {
  const { rows } = await poolOf(server.prisma).query<PreparedStatement>(
    `SELECT statement, generic_plans::text, custom_plans::text FROM pg_prepared_statements WHERE statement LIKE $1`,
    [`%${marker}%`],
  );
  return rows;
}

test("the dashboard list settles on a generic plan, and each status still gets its own claims", async () => {
  const statuses = ["DISPUTED", "SUPPORTED", "UNVERIFIED", "REFUTED", "MIXED", "DISPUTED", "SUPPORTED", "DISPUTED"];
  for (const status of statuses) {
    const { nodes } = dataOf(await server.gql(DASHBOARD, { status: [status] })).claims;
    for (const node of nodes) expect(node.status).toBe(status);
  }
  const [list, ...others] = await prepared("ORDER BY c.updated_at DESC, c.id DESC");
  expect(others).toEqual([]);
  expect(list?.statement).toMatch(/LIMIT 6\b/); // the page size (and one more), in the text
  expect(Number(list?.generic_plans)).toBeGreaterThanOrEqual(1);
});

test("search settles on a generic plan, and each query still gets its own matches and ranks", async () => {
  const queries = ["absurd", "ammunition", "Korea", "soldiers", "Russia", "absurd", "ammunition", "Russia"];
  const answers = new Map<string, string>();
  for (const q of queries) {
    const nodes = dataOf(await server.gql(SEARCH, { q })).searchClaims.edges;
    expect(nodes.length).toBeGreaterThan(0);
    const answer = JSON.stringify(nodes);
    // The same query answers the same under the custom plans and under the generic one.
    expect(answers.get(q) ?? answer).toBe(answer);
    answers.set(q, answer);
  }
  expect(new Set(answers.values()).size).toBe(answers.size);
  // A next page is the same statement with another offset (a value, not part of the text).
  const first = dataOf(await server.gql(SEARCH_PAGE, { q: "Korea", after: null })).searchClaims;
  // (Twice: a statement text is prepared from its second run.)
  for (let run = 0; run < 2; run += 1) {
    const next = dataOf(await server.gql(SEARCH_PAGE, { q: "Korea", after: first.pageInfo.endCursor })).searchClaims;
    expect(next.edges.length).toBeGreaterThan(0);
    expect(next.edges[0].node.id).not.toBe(first.edges[0].node.id);
  }
  const [search, ...others] = await prepared("ts_rank");
  expect(others).toEqual([]);
  expect(Number(search?.generic_plans)).toBeGreaterThanOrEqual(1);
});

test("the claim page is one prepared statement planned once", async () => {
  for (let round = 0; round < 8; round += 1) {
    const id = claimIds[round % claimIds.length] ?? "";
    expect(dataOf(await server.gql(CLAIM_PAGE, { id })).claim.id).toBe(id);
  }
  const pages = await prepared("FROM claims c\n    WHERE c.id = $1");
  expect(pages).toHaveLength(1);
  expect(Number(pages[0]?.generic_plans)).toBeGreaterThanOrEqual(1);
});

interface PlanNode {
  "Node Type": string;
  "Parent Relationship"?: string;
  "Subplan Name"?: string;
  "Actual Loops": number;
  Plans?: PlanNode[];
}

/** The nodes of a plan, depth first. */
const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

test("a list's children are read for the page's claims only, even when the list must be sorted", async () => {
  // Sorted by statement count: no index gives that order, so the claims are sorted first.
  const LIST = `{ claims(first: 1, orderBy: { field: STATEMENT_COUNT, direction: DESC }) {
    nodes { id statements { stance } verdicts { rating } } } }`;
  // Twice: a statement text is prepared (and so has a name to EXPLAIN) from its second run.
  for (let run = 0; run < 2; run += 1) expect(dataOf(await server.gql(LIST)).claims.nodes).toHaveLength(1);
  const { rows } = await poolOf(server.prisma).query<{ name: string; parameter_types: string[] }>(
    `SELECT name, parameter_types::text[] FROM pg_prepared_statements WHERE statement LIKE $1`,
    ["%ORDER BY c.statement_count DESC, c.id DESC%"],
  );
  expect(rows).toHaveLength(1);
  expect(rows[0]?.parameter_types).toEqual([]);
  const { rows: explained } = await poolOf(server.prisma).query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(
    `EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE ${rows[0]?.name}`,
  );
  const nodes = nodesOf(explained[0]!["QUERY PLAN"][0].Plan);
  expect(nodes.some((node) => node["Node Type"].endsWith("Sort"))).toBe(true);
  const subplans = nodes.filter((node) => node["Parent Relationship"] === "SubPlan");
  expect(subplans.length).toBeGreaterThanOrEqual(2);
  // The page is one claim (and one more, to tell whether there is a next page); the seed case has more.
  expect(claimIds.length).toBeGreaterThan(2);
  for (const subplan of subplans)
    expect({ [subplan["Subplan Name"] ?? "?"]: subplan["Actual Loops"] }).toEqual({
      [subplan["Subplan Name"] ?? "?"]: expect.any(Number),
    });
  expect(Math.max(...subplans.map((subplan) => subplan["Actual Loops"]))).toBeLessThanOrEqual(2);
});
