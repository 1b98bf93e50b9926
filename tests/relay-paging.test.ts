// Connections page both ways, as Relay clients expect: `first`/`after` forward, and
// `last`/`before` backward, with the same order, cursors and pageInfo either way.
import { recordSeedCase } from "./helpers/operations";
import { dataOf, startTestServer, type TestServer } from "./helpers/test-server";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  await recordSeedCase(server);
  // More claims, actors and sources than one page, some with equal sort values (ties broken by id).
  for (let i = 0; i < 9; i += 1) {
    const { claim } = dataOf(
      await server.gql(`mutation ($input: CreateClaimInput!) { createClaim(input: $input) { claim { id } } }`, {
        input: { text: `Paging claim number ${i}`, firstSeenAt: "2024-01-01T00:00:00Z" },
      }),
    ).createClaim;
    await server.gql(
      `mutation ($input: RecordStatementInput!) { recordStatement(input: $input) { statement { id } } }`,
      {
        input: {
          claimId: claim.id,
          stance: "ASSERTS",
          actor: { name: "North Korea" },
          source: { url: `https://paging.example/story-${i}`, title: `Story ${i}` },
          quote: `Quote ${i}`,
        },
      },
    );
  }
});
afterAll(() => server.close());

interface Page {
  nodes: { id: string }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

const CLAIMS = `query ($first: Int, $after: String, $last: Int, $before: String, $orderBy: ClaimOrder) {
  page: claims(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {
    nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
const ACTORS = `query ($first: Int, $after: String, $last: Int, $before: String) {
  page: actors(first: $first, after: $after, last: $last, before: $before) {
    nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
const SEARCH = `query ($first: Int, $after: String, $last: Int, $before: String) {
  page: searchClaims(query: "paging or korea or russia", first: $first, after: $after, last: $last, before: $before) {
    nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
const HISTORY = `query ($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
  claim(id: $id) { history(first: $first, after: $after, last: $last, before: $before) {
    edges { node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } }`;
const SOURCES = `query ($first: Int, $after: String, $last: Int, $before: String) {
  page: sources(first: $first, after: $after, last: $last, before: $before) {
    nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;

/** The errors of a response that must have failed. */
function errorsOf(response: { errors?: readonly { message: string; extensions?: unknown }[] }) {
  expect(response.errors?.length).toBeGreaterThan(0);
  return response.errors ?? [];
}

async function page(query: string, variables: Record<string, unknown>): Promise<Page> {
  return dataOf(await server.gql(query, variables)).page as Page;
}

/** Every id in order, forward in pages of 3; then backward in pages of 3: the same list. */
async function walkBothWays(query: string, extra: Record<string, unknown> = {}): Promise<void> {
  const all = (await page(query, { ...extra, first: 100 })).nodes.map((node) => node.id);
  expect(all.length).toBeGreaterThan(6);

  const forward: string[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 50; pages += 1) {
    const current: Page = await page(query, { ...extra, first: 3, after });
    forward.push(...current.nodes.map((node) => node.id));
    expect(current.pageInfo.hasPreviousPage).toBe(after !== null);
    if (!current.pageInfo.hasNextPage) break;
    after = current.pageInfo.endCursor;
  }
  expect(forward).toEqual(all);

  const backward: string[] = [];
  let before: string | null = null;
  for (let pages = 0; pages < 50; pages += 1) {
    const current: Page = await page(query, { ...extra, last: 3, before });
    backward.unshift(...current.nodes.map((node) => node.id));
    expect(current.pageInfo.hasNextPage).toBe(before !== null);
    if (!current.pageInfo.hasPreviousPage) break;
    before = current.pageInfo.startCursor;
  }
  expect(backward).toEqual(all);

  // Between two cursors: the rows strictly between them, from either end.
  const [, second, , , fifth] = (await page(query, { ...extra, first: 5 })).nodes.map((node) => node.id);
  const edges = dataOf(
    await server.gql(query.replace("nodes { id }", "nodes { id } edges { cursor node { id } }"), {
      ...extra,
      first: 5,
    }),
  ).page.edges as { cursor: string; node: { id: string } }[];
  const cursorOf = (id: string | undefined) => edges.find((edge) => edge.node.id === id)?.cursor;
  const between = { ...extra, after: cursorOf(second), before: cursorOf(fifth) };
  expect((await page(query, { ...between, first: 10 })).nodes.map((node) => node.id)).toEqual(all.slice(2, 4));
  expect((await page(query, { ...between, last: 1 })).nodes.map((node) => node.id)).toEqual(all.slice(3, 4));
}

test("claims page both ways in every ordering", async () => {
  for (const orderBy of [
    { field: "UPDATED_AT", direction: "DESC" },
    { field: "FIRST_SEEN_AT", direction: "ASC" },
    { field: "STATEMENT_COUNT", direction: "DESC" },
  ]) {
    await walkBothWays(CLAIMS, { orderBy });
  }
});

test("actors page both ways", () => walkBothWays(ACTORS));

test("sources page both ways", () => walkBothWays(SOURCES));

test("search results page both ways (a cursor is a position in the ranking)", () => walkBothWays(SEARCH));

test("a claim's history pages both ways", async () => {
  const id = (await page(CLAIMS, { first: 1, orderBy: { field: "STATEMENT_COUNT", direction: "DESC" } })).nodes[0]?.id;
  // Changes enough for pages: edits of the claim's topics.
  for (let i = 0; i < 7; i += 1) {
    dataOf(
      await server.gql(`mutation ($input: UpdateClaimInput!) { updateClaim(input: $input) { claim { id } } }`, {
        input: { id, topics: [`topic-${i}`] },
      }),
    );
  }
  type HistoryPage = { edges: { node: { id: string } }[]; pageInfo: Page["pageInfo"] };
  const history = async (variables: Record<string, unknown>) =>
    dataOf(await server.gql(HISTORY, { id, ...variables })).claim.history as HistoryPage;
  const all = (await history({ first: 100 })).edges.map((edge) => edge.node.id);
  expect(all.length).toBeGreaterThan(8);
  const backward: string[] = [];
  let before: string | null = null;
  for (let pages = 0; pages < 50; pages += 1) {
    const current: HistoryPage = await history({ last: 3, before });
    backward.unshift(...current.edges.map((edge) => edge.node.id));
    expect(current.pageInfo.hasNextPage).toBe(before !== null);
    if (!current.pageInfo.hasPreviousPage) break;
    before = current.pageInfo.startCursor;
  }
  expect(backward).toEqual(all);
});

test("`first` with `last`, a `last` out of range, or a `before` of another ordering is a clear error", async () => {
  const both = await server.gql(CLAIMS, { first: 2, last: 2 });
  expect(errorsOf(both)[0]).toMatchObject({
    message: "Give `first` (with `after`) or `last` (with `before`), not both.",
    extensions: { code: "BAD_USER_INPUT" },
  });
  const zero = await server.gql(CLAIMS, { last: 0 });
  expect(errorsOf(zero)[0]?.message).toBe("`last` must be between 1 and 100, got 0.");
  const { startCursor } = (await page(CLAIMS, { first: 2 })).pageInfo;
  const other = await server.gql(CLAIMS, {
    last: 2,
    before: startCursor,
    orderBy: { field: "FIRST_SEEN_AT", direction: "ASC" },
  });
  expect(errorsOf(other)[0]?.message).toBe("`before` is a cursor of another ordering.");
});
