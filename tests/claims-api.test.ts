// Reading and editing claims through the API: lists and cursors, filters, node IDs,
// verdict history and status, retractions, links between claims, actor and source edits.
import { ADD_EVIDENCE, ADD_VERDICT, CREATE_CLAIM, RECORD_STATEMENT, expectNoUserErrors } from "./helpers/operations";
import { dataOf, startTestServer, type TestServer } from "./helpers/test-server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function createClaim(input: Record<string, unknown>): Promise<string> {
  const payload = dataOf(await server.gql(CREATE_CLAIM, { input })).createClaim;
  expectNoUserErrors(payload);
  return payload.claim.id;
}

async function record(claimId: string, stance: string, actor: string, extra: Record<string, unknown> = {}) {
  const payload = dataOf(
    await server.gql(RECORD_STATEMENT, {
      input: {
        claimId,
        stance,
        actor: { name: actor, kind: "ORGANIZATION" },
        source: { url: `https://example.net/${encodeURIComponent(actor)}`, title: `${actor} says` },
        ...extra,
      },
    }),
  ).recordStatement;
  expectNoUserErrors(payload);
  return payload;
}

async function statusOf(claimId: string): Promise<string> {
  return dataOf(await server.gql(`query ($id: ID!) { claim(id: $id) { status } }`, { id: claimId })).claim.status;
}

describe("claims list", () => {
  const ids: string[] = [];
  beforeAll(async () => {
    for (let i = 0; i < 5; i += 1) {
      ids.push(
        await createClaim({
          text: `Listed claim ${i}`,
          topics: i % 2 === 0 ? ["even"] : ["odd"],
          language: i === 4 ? "fr" : "en",
        }),
      );
    }
  });

  test("pages through every claim once with opaque cursors, newest update first", async () => {
    const query = `query ($after: String) { claims(first: 2, after: $after, filter: { topic: "even" }) {
      totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page += 1) {
      const result: any = dataOf(await server.gql(query, { after })).claims;
      expect(result.totalCount).toBe(3);
      seen.push(...result.nodes.map((node: any) => node.id));
      if (!result.pageInfo.hasNextPage) break;
      after = result.pageInfo.endCursor;
    }
    expect(seen).toEqual([ids[4], ids[2], ids[0]]);
  });

  test("a page is stable when claims are added while paging", async () => {
    const query = `query ($after: String) { claims(first: 2, after: $after, orderBy: { field: CREATED_AT, direction: ASC }, filter: { topic: "odd" }) {
      pageInfo { endCursor } nodes { id } } }`;
    const first = dataOf(await server.gql(query, {})).claims;
    await createClaim({ text: "Added while paging", topics: ["odd"] });
    const second = dataOf(await server.gql(query, { after: first.pageInfo.endCursor })).claims;
    expect(first.nodes.map((n: any) => n.id)).toEqual([ids[1], ids[3]]);
    expect(second.nodes).toHaveLength(1);
    expect(second.nodes[0].id).not.toBe(ids[1]);
  });

  test("filters by language and status", async () => {
    const french = dataOf(await server.gql(`{ claims(filter: { language: "fr" }) { nodes { text } } }`)).claims.nodes;
    expect(french).toEqual([{ text: "Listed claim 4" }]);
    const disputed = dataOf(await server.gql(`{ claims(filter: { status: [DISPUTED] }) { totalCount } }`)).claims;
    expect(disputed.totalCount).toBe(0);
  });

  test("a malformed cursor is refused", async () => {
    const response = await server.gql(`{ claims(after: "bogus") { nodes { id } } }`);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "after" });
  });
});

test("a claim's status follows its statements, then its latest verdict, and falls back on retraction", async () => {
  const claimId = await createClaim({ text: "Status flow claim" });
  expect(await statusOf(claimId)).toBe("UNVERIFIED");
  const assertion = await record(claimId, "ASSERTS", "Accuser Org");
  expect(assertion.claim.status).toBe("UNVERIFIED");
  const denial = await record(claimId, "DENIES", "Denier Org");
  expect(denial.claim.status).toBe("DISPUTED");

  const verdict = (input: Record<string, unknown>) =>
    server.gql(ADD_VERDICT, { input: { claimId, reviewer: { name: "Check Desk", kind: "FACT_CHECKER" }, ...input } });
  const first = dataOf(
    await verdict({
      rating: "False",
      ratingValue: 1,
      worstRating: 1,
      bestRating: 5,
      reviewedAt: "2024-06-20T10:00:00Z",
    }),
  ).addVerdict;
  expectNoUserErrors(first);
  expect(first.verdict.conclusion).toBe("REFUTED");
  expect(first.claim.status).toBe("REFUTED");
  const second = dataOf(
    await verdict({ rating: "Half true", conclusion: "MIXED", reviewedAt: "2024-06-22T10:00:00Z" }),
  ).addVerdict;
  expect(second.claim.status).toBe("MIXED");
  const older = dataOf(
    await verdict({ rating: "True", conclusion: "SUPPORTED", reviewedAt: "2024-06-01T10:00:00Z" }),
  ).addVerdict;
  expect(older.claim.status).toBe("MIXED");

  const history = dataOf(
    await server.gql(`query ($id: ID!) { claim(id: $id) { verdicts { rating } latestVerdict { rating } } }`, {
      id: claimId,
    }),
  ).claim;
  expect(history.verdicts.map((v: any) => v.rating)).toEqual(["Half true", "False", "True"]);
  expect(history.latestVerdict.rating).toBe("Half true");

  const retractVerdict = dataOf(
    await server.gql(
      `mutation ($input: RetractInput!) { retractVerdict(input: $input) { claim { status } userErrors { code } } }`,
      {
        input: { id: second.verdict.id, reason: "Published in error" },
      },
    ),
  ).retractVerdict;
  expect(retractVerdict.claim.status).toBe("REFUTED");

  const retractTwice = dataOf(
    await server.gql(
      `mutation ($input: RetractInput!) { retractVerdict(input: $input) { verdict { id } userErrors { field code } } }`,
      {
        input: { id: second.verdict.id, reason: "Again" },
      },
    ),
  ).retractVerdict;
  expect(retractTwice).toEqual({ verdict: null, userErrors: [{ field: "input.id", code: "CONFLICT" }] });
});

test("retracting a denial makes a disputed claim unverified again, and the denial stays visible on request", async () => {
  const claimId = await createClaim({ text: "Retraction claim" });
  await record(claimId, "ASSERTS", "Retraction Accuser");
  const denial = await record(claimId, "DENIES", "Retraction Denier");
  expect(denial.claim.status).toBe("DISPUTED");
  const retracted = dataOf(
    await server.gql(
      `mutation ($input: RetractInput!) { retractStatement(input: $input) { statement { retractedAt retractionReason } claim { status statementCount } userErrors { code } } }`,
      { input: { id: denial.statement.id, reason: "Misattributed" } },
    ),
  ).retractStatement;
  expect(retracted.claim).toEqual({ status: "UNVERIFIED", statementCount: 1 });
  expect(retracted.statement.retractionReason).toBe("Misattributed");
  const lists = dataOf(
    await server.gql(
      `query ($id: ID!) { claim(id: $id) { live: statements { stance } all: statements(includeRetracted: true) { stance } } }`,
      {
        id: claimId,
      },
    ),
  ).claim;
  expect(lists.live).toEqual([{ stance: "ASSERTS" }]);
  expect(lists.all).toEqual([{ stance: "ASSERTS" }, { stance: "DENIES" }]);
});

test("a statement older than the claim moves its first-seen time back", async () => {
  const claimId = await createClaim({ text: "First seen claim", firstSeenAt: "2024-06-10T00:00:00Z" });
  const recorded = await record(claimId, "ASSERTS", "Early Bird", { statedAt: "2024-05-01T12:00:00Z" });
  expect(recorded.claim.status).toBe("UNVERIFIED");
  const claim = dataOf(await server.gql(`query ($id: ID!) { claim(id: $id) { firstSeenAt } }`, { id: claimId })).claim;
  expect(claim.firstSeenAt).toBe("2024-05-01T12:00:00.000Z");
});

test("linking claims works both ways round, refuses duplicates and self-links, and can be undone", async () => {
  const a = await createClaim({ text: "Claim A" });
  const b = await createClaim({ text: "Claim B" });
  const link = `mutation ($input: LinkClaimsInput!) { linkClaims(input: $input) { relation { id kind direction claim { text } from { text } to { text } } userErrors { field code } } }`;
  const created = dataOf(
    await server.gql(link, { input: { fromClaimId: a, toClaimId: b, kind: "CONTRADICTS" } }),
  ).linkClaims;
  expect(created.relation).toMatchObject({ kind: "CONTRADICTS", direction: "OUTGOING", claim: { text: "Claim B" } });
  const reverse = dataOf(
    await server.gql(link, { input: { fromClaimId: b, toClaimId: a, kind: "CONTRADICTS" } }),
  ).linkClaims;
  expect(reverse.userErrors).toEqual([{ field: "input.kind", code: "DUPLICATE" }]);
  const self = dataOf(await server.gql(link, { input: { fromClaimId: a, toClaimId: a, kind: "SUPPORTS" } })).linkClaims;
  expect(self.userErrors).toEqual([{ field: "input.toClaimId", code: "CONFLICT" }]);

  const fromB = dataOf(
    await server.gql(`query ($id: ID!) { claim(id: $id) { relations { direction claim { text } } } }`, { id: b }),
  ).claim.relations;
  expect(fromB).toEqual([{ direction: "INCOMING", claim: { text: "Claim A" } }]);

  const removed = dataOf(
    await server.gql(
      `mutation ($input: UnlinkClaimsInput!) { unlinkClaims(input: $input) { removedId userErrors { code } } }`,
      {
        input: { id: created.relation.id },
      },
    ),
  ).unlinkClaims;
  expect(removed).toEqual({ removedId: created.relation.id, userErrors: [] });
  const node = dataOf(await server.gql(`query ($id: ID!) { node(id: $id) { id } }`, { id: created.relation.id }));
  expect(node.node).toBeNull();
});

test("actors are found by any alias, and an alias cannot name two actors", async () => {
  const created = dataOf(
    await server.gql(
      `mutation { createActor(input: { name: "North Korea", kind: STATE, aliases: ["Pyongyang", "DPRK"] }) { actor { id aliases } userErrors { code } } }`,
    ),
  ).createActor;
  expect(created.actor.aliases).toEqual(["DPRK", "Pyongyang"]);
  const byAlias = dataOf(await server.gql(`{ actorByName(name: "  PYONGYANG ") { name kind } }`)).actorByName;
  expect(byAlias).toEqual({ name: "North Korea", kind: "STATE" });

  const clash = dataOf(
    await server.gql(
      `mutation { createActor(input: { name: "Other State", kind: STATE, aliases: ["dprk"] }) { actor { id } userErrors { field code } } }`,
    ),
  ).createActor;
  expect(clash).toEqual({ actor: null, userErrors: [{ field: "input.aliases.0", code: "DUPLICATE" }] });
  expect(await server.prisma.actor.count({ where: { name: "Other State" } })).toBe(0);

  const updated = dataOf(
    await server.gql(
      `mutation ($id: ID!) { updateActor(input: { id: $id, description: "A state", addAliases: ["Democratic People's Republic of Korea"], removeAliases: ["DPRK"] }) { actor { description aliases } userErrors { code } } }`,
      { id: created.actor.id },
    ),
  ).updateActor;
  expect(updated.actor).toEqual({
    description: "A state",
    aliases: ["Democratic People's Republic of Korea", "Pyongyang"],
  });
});

test("a source is found again by any spelling of its URL, and its metadata can be edited", async () => {
  const claimId = await createClaim({ text: "Source claim" });
  const recorded = await record(claimId, "ASSERTS", "Source Speaker", {
    source: { url: "HTTPS://News.Example.COM:443/a/story/?utm_medium=social&b=2&a=1#top", title: "A story" },
  });
  expect(recorded.statement.source.url).toBe("https://news.example.com/a/story?a=1&b=2");
  const found = dataOf(
    await server.gql(`{ sourceByUrl(url: "https://news.example.com/a/story/?b=2&a=1") { id title } }`),
  ).sourceByUrl;
  expect(found.id).toBe(recorded.statement.source.id);

  const edited = dataOf(
    await server.gql(
      `mutation ($id: ID!) { updateSource(input: { id: $id, title: "A better title", kind: REPORT, publishedAt: "2024-06-19T06:00:00Z", publisher: { name: "Example News", kind: MEDIA_OUTLET } }) { source { title kind publishedAt publisher { name } } userErrors { code } } }`,
      { id: found.id },
    ),
  ).updateSource;
  expect(edited.source).toEqual({
    title: "A better title",
    kind: "REPORT",
    publishedAt: "2024-06-19T06:00:00.000Z",
    publisher: { name: "Example News" },
  });
});

test("updateClaim edits wording and topics, and refuses an unknown ID", async () => {
  const claimId = await createClaim({ text: "Old wording", topics: ["a"] });
  const updated = dataOf(
    await server.gql(
      `mutation ($id: ID!) { updateClaim(input: { id: $id, text: "New wording", topics: ["B", "c", "b"] }) { claim { text topics } userErrors { code } } }`,
      {
        id: claimId,
      },
    ),
  ).updateClaim;
  expect(updated.claim).toEqual({ text: "New wording", topics: ["b", "c"] });
  const unknown = dataOf(
    await server.gql(
      `mutation { updateClaim(input: { id: "Q2xhaW06MDAwMDAwMDAtMDAwMC00MDAwLTgwMDAtMDAwMDAwMDAwMDAw", text: "x" }) { claim { id } userErrors { field code } } }`,
    ),
  ).updateClaim;
  expect(unknown).toEqual({ claim: null, userErrors: [{ field: "input.id", code: "NOT_FOUND" }] });
});

test("node resolves every kind of global ID, and nodes keeps the order asked", async () => {
  const claimId = await createClaim({ text: "Node claim" });
  const recorded = await record(claimId, "QUESTIONS", "Node Asker");
  const data = dataOf(
    await server.gql(
      `query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Statement { stance } ... on Actor { name } ... on Claim { text } } }`,
      { ids: [recorded.statement.id, recorded.statement.actor.id, claimId, "garbage"] },
    ),
  );
  expect(data.nodes).toEqual([
    { __typename: "Statement", id: recorded.statement.id, stance: "QUESTIONS" },
    { __typename: "Actor", id: recorded.statement.actor.id, name: "Node Asker" },
    { __typename: "Claim", id: claimId, text: "Node claim" },
    null,
  ]);
});

test("recording a statement, evidence or a verdict marks the claim updated", async () => {
  const created = dataOf(
    await server.gql(CREATE_CLAIM, { input: { text: "A claim that keeps changing" } }),
  ).createClaim;
  const claimId: string = created.claim.id;
  const updatedAt = async (): Promise<number> =>
    Date.parse(
      dataOf(await server.gql(`query ($id: ID!) { claim(id: $id) { updatedAt } }`, { id: claimId })).claim.updatedAt,
    );
  const source = { url: "https://changes.example.org/story", title: "Changes" };
  const changes = [
    () =>
      server.gql(RECORD_STATEMENT, {
        input: { claimId, stance: "ASSERTS", actor: { name: "Changer", kind: "PERSON" }, source },
      }),
    () => server.gql(ADD_EVIDENCE, { input: { claimId, direction: "SUPPORTS", summary: "a record", source } }),
    () =>
      server.gql(ADD_VERDICT, {
        input: {
          claimId,
          reviewer: { name: "Checker of changes", kind: "FACT_CHECKER" },
          rating: "True",
          reviewedAt: "2024-05-01T00:00:00Z",
          conclusion: "SUPPORTED",
        },
      }),
  ];
  let last = await updatedAt();
  for (const change of changes) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    const payload = Object.values(dataOf(await change()))[0] as { userErrors: unknown[] };
    expectNoUserErrors(payload);
    const now = await updatedAt();
    expect(now).toBeGreaterThan(last);
    last = now;
  }
});
