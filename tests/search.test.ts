// Full-text search (web-search syntax, stemming per language, statement quotes and
// evidence, ranking, highlights, filters, paging), similar wording, and the duplicate
// candidates createClaim reports.
import { ADD_EVIDENCE, CREATE_CLAIM, RECORD_STATEMENT, expectNoUserErrors } from "./helpers/operations";
import { dataOf, startTestServer, type TestServer } from "./helpers/test-server";

let server: TestServer;
const ids: Record<string, string> = {};
const keyOf = new Map<string, string>();
let quoteId: string;
let evidenceId: string;

const CLAIMS: Record<string, Record<string, unknown>> = {
  drones: { text: "Iran is supplying attack drones to Russia", topics: ["arms-trade"] },
  shells: { text: "Officials confirm the supply of artillery shells", topics: ["arms-trade", "artillery"] },
  homeDrones: { text: "Russia builds its own drones at home" },
  tungsten: { text: "Tungsten exports were halted in spring" },
  harbour: { text: "The harbour was expanded in secret" },
  ceasefire: { text: "The ceasefire held for a week" },
  cereals: { text: "Le gouvernement fournit des céréales aux voisins", language: "fr" },
};

beforeAll(async () => {
  server = await startTestServer();
  for (const [key, input] of Object.entries(CLAIMS)) {
    const payload = dataOf(await server.gql(CREATE_CLAIM, { input })).createClaim;
    expectNoUserErrors(payload);
    ids[key] = payload.claim.id;
    keyOf.set(payload.claim.id, key);
  }
  const recorded = dataOf(
    await server.gql(RECORD_STATEMENT, {
      input: {
        claimId: ids.harbour,
        stance: "ASSERTS",
        actor: { name: "Dock Worker", kind: "PERSON" },
        source: { url: "https://port.example/interview", title: "Dock interview" },
        quote: "Tungsten was smuggled through the harbour at night.",
      },
    }),
  ).recordStatement;
  expectNoUserErrors(recorded);
  quoteId = recorded.statement.id;
  const added = dataOf(
    await server.gql(ADD_EVIDENCE, {
      input: {
        claimId: ids.ceasefire,
        direction: "SUPPORTS",
        kind: "IMAGERY",
        summary: "Satellite imagery shows no fighting near the river",
        source: { url: "https://sat.example/pass/7", title: "Satellite pass" },
      },
    }),
  ).addEvidence;
  expectNoUserErrors(added);
  evidenceId = added.evidence.id;
});
afterAll(() => server.close());

const SEARCH = `query ($query: String!, $language: String, $filter: ClaimFilter, $first: Int, $after: String) {
  searchClaims(query: $query, language: $language, filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { cursor rank node { id } highlights { field snippet statement { id quote } evidence { id summary } } }
  } }`;

async function search(query: string, extra: Record<string, unknown> = {}) {
  return dataOf(await server.gql(SEARCH, { query, first: 100, ...extra })).searchClaims;
}

/** The matching claims' keys, in result order, and the total. */
async function found(query: string, extra: Record<string, unknown> = {}) {
  const result = await search(query, extra);
  return { keys: result.edges.map((edge: any) => keyOf.get(edge.node.id)), totalCount: result.totalCount };
}

async function foundSet(query: string, extra: Record<string, unknown> = {}) {
  const { keys, totalCount } = await found(query, extra);
  return { keys: [...keys].sort(), totalCount };
}

test("plain words must all match", async () => {
  expect(await foundSet("Russia drones")).toEqual({ keys: ["drones", "homeDrones"], totalCount: 2 });
  expect(await found("Russia drones attack")).toEqual({ keys: ["drones"], totalCount: 1 });
  expect(await found("Russia penguins")).toEqual({ keys: [], totalCount: 0 });
});

test("a quoted phrase matches its words next to each other, in that order", async () => {
  expect(await found('"attack drones"')).toEqual({ keys: ["drones"], totalCount: 1 });
  expect(await found('"drones attack"')).toEqual({ keys: [], totalCount: 0 });
  expect(await found('"drones to Russia"')).toEqual({ keys: ["drones"], totalCount: 1 });
});

test("a quoted phrase does not match the last word of the wording followed by its first", async () => {
  // "Iran is supplying attack drones to Russia": `Russia Iran` appears nowhere in it.
  expect(await found('"Russia Iran"')).toEqual({ keys: [], totalCount: 0 });
});

test("`or` between words matches either", async () => {
  expect(await foundSet("tungsten or ceasefire")).toEqual({
    keys: ["ceasefire", "harbour", "tungsten"],
    totalCount: 3,
  });
});

test("`-word` excludes claims with the word", async () => {
  expect(await found("drones -home")).toEqual({ keys: ["drones"], totalCount: 1 });
  expect(await found("Russia -Iran")).toEqual({ keys: ["homeDrones"], totalCount: 1 });
});

test("`-word` excludes the word's other forms too, as a searched word finds them", async () => {
  // "supply" finds "supplying" (stemmed), so "-supply" must leave out the claim saying "supplying".
  expect(await foundSet("drones supply")).toEqual({ keys: ["drones"], totalCount: 1 });
  expect(await found("drones -supply")).toEqual({ keys: ["homeDrones"], totalCount: 1 });
});

test("English words are stemmed: supplies finds supplying and supply", async () => {
  for (const query of ["supplies", "supply", "supplying"]) {
    expect(await foundSet(query)).toEqual({ keys: ["drones", "shells"], totalCount: 2 });
  }
});

test("a French claim is found by stem with a French query, and by its exact words in any language", async () => {
  expect(await found("fournissent", { language: "fr" })).toEqual({ keys: ["cereals"], totalCount: 1 });
  expect(await found("fournissent")).toEqual({ keys: [], totalCount: 0 });
  expect(await found("fournit")).toEqual({ keys: ["cereals"], totalCount: 1 });
  expect(await found("céréales voisins", { language: "en" })).toEqual({ keys: ["cereals"], totalCount: 1 });
});

test("statement quotes and evidence summaries are searched, with highlights linking to them", async () => {
  const quoted = await search("smuggled");
  expect(quoted.totalCount).toBe(1);
  expect(quoted.edges[0].node.id).toBe(ids.harbour);
  expect(quoted.edges[0].highlights).toEqual([
    { field: "CLAIM_TEXT", snippet: "The harbour was expanded in secret", statement: null, evidence: null },
    {
      field: "STATEMENT",
      snippet: "Tungsten was <b>smuggled</b> through the harbour at night",
      statement: { id: quoteId, quote: "Tungsten was smuggled through the harbour at night." },
      evidence: null,
    },
  ]);

  const evidenced = await search("satellite imagery");
  expect(evidenced.totalCount).toBe(1);
  expect(evidenced.edges[0].node.id).toBe(ids.ceasefire);
  expect(evidenced.edges[0].highlights).toEqual([
    { field: "CLAIM_TEXT", snippet: "The ceasefire held for a week", statement: null, evidence: null },
    {
      field: "EVIDENCE",
      snippet: "<b>Satellite</b> <b>imagery</b> shows no fighting near the river",
      statement: null,
      evidence: { id: evidenceId, summary: "Satellite imagery shows no fighting near the river" },
    },
  ]);
});

test("a match in the claim's wording ranks above a match only in a quote", async () => {
  const result = await search("tungsten");
  expect(result.edges.map((edge: any) => keyOf.get(edge.node.id))).toEqual(["tungsten", "harbour"]);
  const [first, second] = result.edges.map((edge: any) => edge.rank);
  expect(second).toBeGreaterThan(0);
  expect(first).toBeGreaterThan(second);
});

test("highlights mark the matching words of the wording, stemmed forms included", async () => {
  const result = await search("supplies", { filter: { topic: "arms-trade" } });
  const byKey = Object.fromEntries(result.edges.map((edge: any) => [keyOf.get(edge.node.id), edge.highlights]));
  expect(byKey).toEqual({
    drones: [
      {
        field: "CLAIM_TEXT",
        snippet: "Iran is <b>supplying</b> attack drones to Russia",
        statement: null,
        evidence: null,
      },
    ],
    shells: [
      {
        field: "CLAIM_TEXT",
        snippet: "Officials confirm the <b>supply</b> of artillery shells",
        statement: null,
        evidence: null,
      },
    ],
  });
});

test("search combines with the list filters", async () => {
  expect(await found("supply", { filter: { topic: "artillery" } })).toEqual({ keys: ["shells"], totalCount: 1 });
  expect(await found("drones", { filter: { topic: "arms-trade" } })).toEqual({ keys: ["drones"], totalCount: 1 });
  expect(await found("drones", { filter: { language: "fr" } })).toEqual({ keys: [], totalCount: 0 });
  expect(await found("tungsten", { filter: { stance: "ASSERTS" } })).toEqual({ keys: ["harbour"], totalCount: 1 });
});

test("search pages with `after` through every match once, best first, with the total on each page", async () => {
  const all = await found("drones or tungsten");
  expect([...all.keys].sort()).toEqual(["drones", "harbour", "homeDrones", "tungsten"]);
  const pages: any[] = [];
  let after: string | null = null;
  for (let page = 0; page < 5; page += 1) {
    const result: any = await search("drones or tungsten", { first: 3, after });
    pages.push(result);
    if (!result.pageInfo.hasNextPage) break;
    after = result.pageInfo.endCursor;
  }
  expect(pages.flatMap((page) => page.edges.map((edge: any) => keyOf.get(edge.node.id)))).toEqual(all.keys);
  expect(pages.map((page) => [page.totalCount, page.edges.length, page.pageInfo.hasPreviousPage])).toEqual([
    [4, 3, false],
    [4, 1, true],
  ]);
  const ranks = pages.flatMap((page) => page.edges.map((edge: any) => edge.rank));
  expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
});

const SIMILAR = `query ($text: String!, $threshold: Float) {
  similarClaims(text: $text, threshold: $threshold) { similarity claim { id text } } }`;

async function similar(text: string, threshold?: number) {
  return dataOf(await server.gql(SIMILAR, { text, threshold })).similarClaims as any[];
}

test("similarClaims finds near-identical wording, most similar first, and not unrelated claims", async () => {
  const result = await similar("Iran supplying attack drones to Russia");
  expect(result[0].claim.id).toBe(ids.drones);
  expect(result[0].similarity).toBeGreaterThan(0.9);
  expect(result.map((row) => row.claim.id)).not.toContain(ids.ceasefire);
  expect(result.map((row) => row.similarity)).toEqual([...result.map((row) => row.similarity)].sort((a, b) => b - a));
  expect(await similar("Penguins migrate north in winter")).toEqual([]);
});

test("similarClaims returns only claims at least as similar as the threshold", async () => {
  const loose = await similar("Iran supplies drones to Russia", 0.3);
  expect(loose.map((row) => row.claim.id)).toEqual([ids.drones]);
  expect(loose[0].similarity).toBeGreaterThan(0.5);
  expect(loose[0].similarity).toBeLessThan(0.9);
  const strict = await similar("Iran supplies drones to Russia", 0.9);
  const belowThreshold = strict.filter((row) => row.similarity < 0.9);
  expect(belowThreshold.map((row) => ({ text: row.claim.text, similarity: row.similarity }))).toEqual([]);
});

test("createClaim reports a near-duplicate as a possible duplicate, and nothing for a new topic", async () => {
  const CREATE = `mutation ($input: CreateClaimInput!) { createClaim(input: $input) {
    claim { id } possibleDuplicates { similarity claim { id } } userErrors { code } } }`;
  const duplicate = dataOf(
    await server.gql(CREATE, { input: { text: "Iran supplying attack drones to Russia" } }),
  ).createClaim;
  expect(duplicate.userErrors).toEqual([]);
  expect(duplicate.possibleDuplicates.map((row: any) => row.claim.id)).toEqual([ids.drones]);
  expect(duplicate.possibleDuplicates[0].similarity).toBeGreaterThan(0.9);
  const fresh = dataOf(await server.gql(CREATE, { input: { text: "Penguins migrate north in winter" } })).createClaim;
  expect(fresh.userErrors).toEqual([]);
  expect(fresh.possibleDuplicates).toEqual([]);
});
