// Query.claims: every ClaimFilter field alone and combined, every ordering paged through
// with cursors, cursors refused across orderings, and the nested claim lists of actors
// and sources, on the data set of helpers/dashboard-data.ts.
import {
  buildDashboardData,
  CLAIM_KEYS,
  sleep,
  uuidOf,
  type ClaimKey,
  type DashboardData,
} from "./helpers/dashboard-data";
import { expectNoUserErrors } from "./helpers/operations";
import { dataOf, startTestServer, type TestServer } from "./helpers/test-server";

let server: TestServer;
let data: DashboardData;
/** A time between the data set and a last edit of `output`. */
let lateUpdateAt: string;

beforeAll(async () => {
  server = await startTestServer();
  data = await buildDashboardData(server);
  await sleep(25);
  lateUpdateAt = new Date().toISOString();
  await sleep(25);
  const touched = dataOf(
    await server.gql(
      `mutation ($id: ID!) { updateClaim(input: { id: $id, topics: ["economy"] }) { userErrors { field message code } } }`,
      { id: data.claims.output },
    ),
  ).updateClaim;
  expectNoUserErrors(touched);
});
afterAll(() => server.close());

const LIST = `query ($filter: ClaimFilter, $orderBy: ClaimOrder, $first: Int, $after: String) {
  claims(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage endCursor }
    nodes { id updatedAt firstSeenAt createdAt statementCount }
  } }`;

function list(variables: Record<string, unknown>) {
  return server.gql(LIST, variables);
}

function keys(nodes: { id: string }[]): ClaimKey[] {
  return nodes.map((node) => data.keyOf.get(node.id) as ClaimKey);
}

type FilterCase = [string, () => Record<string, unknown>, ClaimKey[]];

const filterCases: FilterCase[] = [
  ["status: any of the statuses given", () => ({ status: ["DISPUTED"] }), ["output", "schools"]],
  ["status: several statuses", () => ({ status: ["REFUTED", "SUPPORTED"] }), ["bridge", "exports"]],
  ["topic", () => ({ topic: "economy" }), ["output", "exports"]],
  ["language fr", () => ({ language: "fr" }), ["exports"]],
  ["language en", () => ({ language: "en" }), ["output", "bridge", "rainfall", "schools", "filler"]],
  ["saidBy: any live statement of the actor", () => ({ saidBy: data.actors.alpha }), ["output", "bridge", "schools"]],
  ["saidBy another actor", () => ({ saidBy: data.actors.gamma }), ["bridge", "schools"]],
  ["stance alone: denied by anyone", () => ({ stance: "DENIES" }), ["output", "bridge", "schools"]],
  ["stance nobody took", () => ({ stance: "CONCEDES" }), []],
  [
    "saidBy + stance: denied by that actor, retracted denials left out",
    () => ({ saidBy: data.actors.alpha, stance: "DENIES" }),
    ["bridge"],
  ],
  ["saidBy + DENIES, another actor", () => ({ saidBy: data.actors.beta, stance: "DENIES" }), ["output", "schools"]],
  ["saidBy + ASSERTS", () => ({ saidBy: data.actors.beta, stance: "ASSERTS" }), ["bridge", "exports"]],
  [
    "source: through statements or evidence",
    () => ({ source: data.sources.herald }),
    ["output", "bridge", "rainfall", "schools"],
  ],
  ["source carrying mostly evidence", () => ({ source: data.sources.lab }), ["output", "rainfall", "schools"]],
  ["source carrying evidence only", () => ({ source: data.sources.heraldOld }), ["filler"]],
  [
    "publisher: through statements only, not evidence",
    () => ({ publisher: data.actors.herald }),
    ["output", "bridge", "schools"],
  ],
  ["publisher whose sources carry mostly evidence", () => ({ publisher: data.actors.lab }), ["schools"]],
  ["publisher of nothing", () => ({ publisher: data.actors.alpha }), []],
  ["hasVerdict true: a live verdict", () => ({ hasVerdict: true }), ["bridge", "exports"]],
  [
    "hasVerdict false: retracted verdicts do not count",
    () => ({ hasVerdict: false }),
    ["output", "rainfall", "schools", "filler"],
  ],
  ["verdictRating, live verdicts only", () => ({ verdictRating: "False" }), ["bridge"]],
  ["verdictRating, another rating", () => ({ verdictRating: "True" }), ["exports"]],
  ["verdictRating nobody gave", () => ({ verdictRating: "Mostly false" }), []],
  [
    "firstSeenAfter is inclusive",
    () => ({ firstSeenAfter: "2024-03-10T12:00:00Z" }),
    ["exports", "rainfall", "schools", "filler"],
  ],
  ["firstSeenBefore is exclusive", () => ({ firstSeenBefore: "2024-03-10T12:00:00Z" }), ["output", "bridge"]],
  [
    "firstSeenAfter + firstSeenBefore: a window",
    () => ({ firstSeenAfter: "2024-02-01T00:00:00Z", firstSeenBefore: "2024-05-01T00:00:00Z" }),
    ["bridge", "exports", "rainfall"],
  ],
  ["updatedAfter", () => ({ updatedAfter: lateUpdateAt }), ["output"]],
  ["updatedBefore", () => ({ updatedBefore: lateUpdateAt }), ["bridge", "exports", "rainfall", "schools", "filler"]],
  ["topic + status", () => ({ topic: "economy", status: ["DISPUTED"] }), ["output"]],
  [
    "language + stance + hasVerdict",
    () => ({ language: "en", stance: "DENIES", hasVerdict: false }),
    ["output", "schools"],
  ],
  ["publisher + saidBy", () => ({ publisher: data.actors.herald, saidBy: data.actors.gamma }), ["bridge", "schools"]],
  [
    "publisher + saidBy with no claim in common",
    () => ({ publisher: data.actors.wire, saidBy: data.actors.gamma }),
    [],
  ],
  [
    "source + hasVerdict + firstSeenAfter",
    () => ({ source: data.sources.lab, hasVerdict: false, firstSeenAfter: "2024-04-01T00:00:00Z" }),
    ["rainfall", "schools"],
  ],
];

test.each(filterCases)("filter %s: exactly the matching claims, counted", async (_name, filter, expected) => {
  const result = dataOf(await list({ filter: filter(), first: 100 })).claims;
  expect({ keys: keys(result.nodes).sort(), totalCount: result.totalCount }).toEqual({
    keys: [...expected].sort(),
    totalCount: expected.length,
  });
});

test("without orderBy the list is most recently updated first", async () => {
  const result = dataOf(await list({})).claims;
  expect(keys(result.nodes)).toEqual(["output", "filler", "schools", "rainfall", "exports", "bridge"]);
});

const STATEMENT_COUNT: Record<ClaimKey, number> = {
  output: 2,
  bridge: 3,
  exports: 1,
  rainfall: 0,
  schools: 4,
  filler: 0,
};
const DISPUTE: Record<ClaimKey, number> = { output: 1, bridge: 1, exports: 0, rainfall: 0, schools: 2, filler: 0 };

type Node = { id: string; updatedAt: string; firstSeenAt: string; createdAt: string; statementCount: number };
const ORDER_VALUE: Record<string, (node: Node, key: ClaimKey) => string | number> = {
  UPDATED_AT: (node) => node.updatedAt,
  FIRST_SEEN_AT: (node) => node.firstSeenAt,
  CREATED_AT: (node) => node.createdAt,
  STATEMENT_COUNT: (_node, key) => STATEMENT_COUNT[key],
  DISPUTE: (_node, key) => DISPUTE[key],
};

test("statementCount counts live statements only", async () => {
  const nodes: Node[] = dataOf(await list({ first: 100 })).claims.nodes;
  const counts = Object.fromEntries(nodes.map((node) => [data.keyOf.get(node.id), node.statementCount]));
  expect(counts).toEqual(STATEMENT_COUNT);
});

const orderings = Object.keys(ORDER_VALUE).flatMap((field) => [
  [field, "ASC"],
  [field, "DESC"],
]);

test.each(orderings)(
  "ordering by %s %s pages through every claim exactly once, in order, ties broken by ID",
  async (field, direction) => {
    const orderBy = { field, direction };
    const all: Node[] = dataOf(await list({ orderBy, first: 100 })).claims.nodes;
    const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
    const value = (node: Node) => ORDER_VALUE[field]!(node, data.keyOf.get(node.id) as ClaimKey);
    const expected = [...all].sort((a, b) => compare(value(a), value(b)) || compare(uuidOf(a.id), uuidOf(b.id)));
    if (direction === "DESC") expected.reverse();
    expect(keys(all)).toEqual(keys(expected));

    const pages: any[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const result: any = dataOf(await list({ orderBy, first: 2, after })).claims;
      pages.push(result);
      if (!result.pageInfo.hasNextPage) break;
      after = result.pageInfo.endCursor;
    }
    const paged = pages.flatMap((page) => keys(page.nodes));
    expect(paged).toEqual(keys(expected));
    expect(new Set(paged).size).toBe(CLAIM_KEYS.length);
    expect(pages.map((page) => [page.totalCount, page.pageInfo.hasNextPage, page.pageInfo.hasPreviousPage])).toEqual([
      [6, true, false],
      [6, true, true],
      [6, false, true],
    ]);
  },
);

function errorOf(response: { errors?: { extensions?: Record<string, any> }[] }) {
  return response.errors?.[0]?.extensions;
}

async function endCursor(field: string, direction = "DESC"): Promise<string> {
  return dataOf(await list({ orderBy: { field, direction }, first: 2 })).claims.pageInfo.endCursor;
}

test("a cursor of a count ordering is refused for a time ordering, and the other way round", async () => {
  const countCursor = await endCursor("STATEMENT_COUNT");
  const timeCursor = await endCursor("UPDATED_AT");
  const refused = { code: "BAD_USER_INPUT", argument: "after" };
  expect(
    errorOf(await list({ orderBy: { field: "UPDATED_AT", direction: "DESC" }, after: countCursor })),
  ).toMatchObject(refused);
  expect(errorOf(await list({ orderBy: { field: "DISPUTE", direction: "ASC" }, after: timeCursor }))).toMatchObject(
    refused,
  );
  expect(errorOf(await list({ after: countCursor }))).toMatchObject(refused);
});

test("a cursor of one time ordering is refused for another time ordering", async () => {
  const updatedCursor = await endCursor("UPDATED_AT");
  const firstSeenCursor = await endCursor("FIRST_SEEN_AT");
  const refused = { code: "BAD_USER_INPUT", argument: "after" };
  expect([
    errorOf(await list({ orderBy: { field: "CREATED_AT", direction: "DESC" }, after: updatedCursor })),
    errorOf(await list({ orderBy: { field: "UPDATED_AT", direction: "DESC" }, after: firstSeenCursor })),
  ]).toEqual([expect.objectContaining(refused), expect.objectContaining(refused)]);
});

test("Actor.claims lists the claims the actor has live statements on, most recently updated first", async () => {
  const result = dataOf(
    await server.gql(
      `query ($alpha: ID!, $gamma: ID!, $herald: ID!) {
        alpha: actor(id: $alpha) { claims { id } second: claims(first: 1, offset: 1) { id } }
        gamma: actor(id: $gamma) { claims { id } }
        herald: actor(id: $herald) { claims { id } }
      }`,
      { alpha: data.actors.alpha, gamma: data.actors.gamma, herald: data.actors.herald },
    ),
  );
  expect(keys(result.alpha.claims)).toEqual(["output", "schools", "bridge"]);
  expect(keys(result.alpha.second)).toEqual(["schools"]);
  expect(keys(result.gamma.claims)).toEqual(["schools", "bridge"]);
  expect(result.herald.claims).toEqual([]);
});

test("Source.claims lists the claims carried by its statements or evidence; Actor.publishedSources newest first", async () => {
  const result = dataOf(
    await server.gql(
      `query ($herald: ID!, $lab: ID!, $old: ID!, $publisher: ID!) {
        herald: source(id: $herald) { claims { id } page: claims(first: 2, offset: 1) { id } }
        lab: source(id: $lab) { claims { id } }
        old: source(id: $old) { claims { id } }
        publisher: actor(id: $publisher) { publishedSources { title publishedAt } }
      }`,
      {
        herald: data.sources.herald,
        lab: data.sources.lab,
        old: data.sources.heraldOld,
        publisher: data.actors.herald,
      },
    ),
  );
  expect(keys(result.herald.claims)).toEqual(["output", "schools", "rainfall", "bridge"]);
  expect(keys(result.herald.page)).toEqual(["schools", "rainfall"]);
  expect(keys(result.lab.claims)).toEqual(["output", "schools", "rainfall"]);
  expect(keys(result.old.claims)).toEqual(["filler"]);
  expect(result.publisher.publishedSources).toEqual([
    { title: "Herald story", publishedAt: "2024-03-01T00:00:00.000Z" },
    { title: "Older Herald story", publishedAt: "2024-01-15T00:00:00.000Z" },
  ]);
});

// A list that asks for its claims' children reads them in the same statement (listClaimsWithChildren):
// the same claims, pages and cursors as a list that does not.
const LIST_WITH_CHILDREN = LIST.replace(
  "nodes { id updatedAt firstSeenAt createdAt statementCount }",
  "nodes { id updatedAt firstSeenAt createdAt statementCount statements { stance } latestVerdict { rating } }",
);

test.each([
  ["UPDATED_AT", "DESC", null],
  ["STATEMENT_COUNT", "ASC", null],
  ["DISPUTE", "DESC", { language: "en" }],
  ["FIRST_SEEN_AT", "ASC", { saidBy: "alpha" }],
])("a list with its claims' children, ordered by %s %s, pages as one without", async (field, direction, filter) => {
  const variables = {
    orderBy: { field, direction },
    filter: filter && "saidBy" in filter ? { saidBy: data.actors.alpha } : filter,
  };
  expect(LIST_WITH_CHILDREN).not.toBe(LIST);
  const pages = async (query: string) => {
    const result: any[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const claims: any = dataOf(await server.gql(query, { ...variables, first: 2, after })).claims;
      result.push(claims);
      if (!claims.pageInfo.hasNextPage) break;
      after = claims.pageInfo.endCursor;
    }
    return result;
  };
  const plain = await pages(LIST);
  const withChildren = await pages(LIST_WITH_CHILDREN);
  expect(withChildren.map((page) => page.pageInfo)).toEqual(plain.map((page) => page.pageInfo));
  expect(withChildren.map((page) => page.nodes.map((node: Node) => node.id))).toEqual(
    plain.map((page) => page.nodes.map((node: Node) => node.id)),
  );
  for (const node of withChildren.flatMap((page) => page.nodes)) {
    expect(node.statements).toHaveLength(node.statementCount);
  }
});
