// mergeClaims: what moves, what is dropped, how the merged ID keeps resolving, the
// refusals, and merges racing other merges and statements.
import { ADD_EVIDENCE, ADD_VERDICT, CREATE_CLAIM, RECORD_STATEMENT, expectNoUserErrors } from "./helpers/operations";
import { dataOf, startTestServer, type TestServer } from "./helpers/test-server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const MERGE = `mutation ($input: MergeClaimsInput!) { mergeClaims(input: $input) {
  claim { id topics firstSeenAt status statementCount evidenceCount }
  merge { mergedClaimId mergedText reason movedStatements movedEvidence movedVerdicts movedRelations mergedAt }
  userErrors { field code } } }`;

const LINK = `mutation ($input: LinkClaimsInput!) { linkClaims(input: $input) { userErrors { field message code } } }`;

const UNKNOWN_CLAIM = Buffer.from("Claim:00000000-0000-4000-8000-000000000000").toString("base64");

let counter = 0;
async function createClaim(input: Record<string, unknown> = {}): Promise<string> {
  counter += 1;
  const payload = dataOf(
    await server.gql(CREATE_CLAIM, { input: { text: `Merge claim ${counter}`, ...input } }),
  ).createClaim;
  expectNoUserErrors(payload);
  return payload.claim.id;
}

function recordInput(claimId: string, stance: string, actor: string) {
  return {
    claimId,
    stance,
    actor: { name: actor, kind: "PERSON" },
    source: { url: `https://merge.example/${encodeURIComponent(actor)}`, title: `${actor} speaks` },
    quote: `${actor} on the claim`,
  };
}

async function record(claimId: string, stance: string, actor: string): Promise<string> {
  const payload = dataOf(
    await server.gql(RECORD_STATEMENT, { input: recordInput(claimId, stance, actor) }),
  ).recordStatement;
  expectNoUserErrors(payload);
  return payload.statement.id;
}

async function link(from: string, to: string, kind: string) {
  expectNoUserErrors(dataOf(await server.gql(LINK, { input: { fromClaimId: from, toClaimId: to, kind } })).linkClaims);
}

async function merge(sourceId: string, targetId: string, reason?: string) {
  return dataOf(await server.gql(MERGE, { input: { sourceId, targetId, reason } })).mergeClaims;
}

async function claimView(id: string) {
  return dataOf(
    await server.gql(
      `query ($id: ID!) { claim(id: $id) { id text updatedAt statementCount
        statements(includeRetracted: true) { id } evidence { id } verdicts(includeRetracted: true) { id }
        relations { kind direction claim { text } }
        mergedFrom { mergedClaimId mergedText reason movedStatements movedEvidence movedVerdicts movedRelations } }
        node(id: $id) { id } }`,
      { id },
    ),
  );
}

describe("merging A into B", () => {
  const ids = {} as Record<"a" | "b" | "c" | "d" | "e", string>;
  const moved: Record<string, string> = {};
  let result: any;

  beforeAll(async () => {
    ids.a = await createClaim({
      text: "Merged away",
      topics: ["alpha", "shared"],
      firstSeenAt: "2024-01-01T00:00:00Z",
    });
    ids.b = await createClaim({ text: "Survivor", topics: ["beta", "shared"], firstSeenAt: "2024-03-01T00:00:00Z" });
    for (const key of ["c", "d", "e"] as const) ids[key] = await createClaim({ text: `Related ${key}` });
    moved.statement = await record(ids.a, "ASSERTS", "Merge Accuser");
    await record(ids.b, "DENIES", "Merge Denier");
    const evidence = dataOf(
      await server.gql(ADD_EVIDENCE, {
        input: {
          claimId: ids.a,
          direction: "SUPPORTS",
          summary: "A document",
          source: { url: "https://merge.example/doc", title: "Doc" },
        },
      }),
    ).addEvidence;
    moved.evidence = evidence.evidence.id;
    const verdict = dataOf(
      await server.gql(ADD_VERDICT, {
        input: {
          claimId: ids.a,
          reviewer: { name: "Merge Checker", kind: "FACT_CHECKER" },
          rating: "False",
          conclusion: "REFUTED",
          reviewedAt: "2024-02-01T00:00:00Z",
        },
      }),
    ).addVerdict;
    moved.verdict = verdict.verdict.id;
    const retracted = dataOf(
      await server.gql(
        `mutation ($id: ID!) { retractVerdict(input: { id: $id, reason: "Withdrawn" }) { userErrors { field message code } } }`,
        { id: moved.verdict },
      ),
    ).retractVerdict;
    expectNoUserErrors(retracted);
    await link(ids.a, ids.b, "SUPPORTS"); // between the two: dropped
    await link(ids.a, ids.c, "SUPPORTS"); // B has it too: a duplicate, dropped
    await link(ids.b, ids.c, "SUPPORTS");
    await link(ids.a, ids.d, "CONTRADICTS"); // moved: B contradicts D
    await link(ids.e, ids.a, "REFINES"); // moved: E refines B
    result = await merge(ids.a, ids.b, "Same claim, worded differently");
  });

  test("the surviving claim gets the statements, evidence and verdicts, the union of topics and the earliest first-seen time", async () => {
    expect(result.userErrors).toEqual([]);
    expect(result.claim).toEqual({
      id: ids.b,
      topics: ["beta", "shared", "alpha"],
      firstSeenAt: "2024-01-01T00:00:00.000Z",
      status: "DISPUTED",
      statementCount: 2,
      evidenceCount: 1,
    });
    const b = (await claimView(ids.b)).claim;
    expect(b.statements.map((s: any) => s.id)).toContain(moved.statement);
    expect(b.evidence).toEqual([{ id: moved.evidence }]);
    expect(b.verdicts).toEqual([{ id: moved.verdict }]);
    expect(await server.prisma.claim.count({ where: { text: "Merged away" } })).toBe(0);
  });

  test("the merge is recorded with what moved, and listed on the surviving claim", async () => {
    const record = {
      mergedClaimId: ids.a,
      mergedText: "Merged away",
      reason: "Same claim, worded differently",
      movedStatements: 1,
      movedEvidence: 1,
      movedVerdicts: 1,
      movedRelations: 2,
    };
    expect(result.merge).toMatchObject(record);
    expect((await claimView(ids.b)).claim.mergedFrom).toEqual([record]);
  });

  test("relations move to the surviving claim; a link between the two and duplicate links are dropped", async () => {
    const relations = (await claimView(ids.b)).claim.relations;
    const byText = (x: any, y: any) => x.claim.text.localeCompare(y.claim.text);
    expect([...relations].sort(byText)).toEqual([
      { kind: "SUPPORTS", direction: "OUTGOING", claim: { text: "Related c" } },
      { kind: "CONTRADICTS", direction: "OUTGOING", claim: { text: "Related d" } },
      { kind: "REFINES", direction: "INCOMING", claim: { text: "Related e" } },
    ]);
  });

  test("the merged claim's ID resolves to the surviving claim through claim(id) and node(id)", async () => {
    const view = await claimView(ids.a);
    expect(view.claim.id).toBe(ids.b);
    expect(view.node).toEqual({ id: ids.b });
  });

  test("merging the merged claim again, either way round, is a conflict and changes nothing", async () => {
    const before = await server.prisma.claimMerge.count();
    expect(await merge(ids.a, ids.b)).toMatchObject({
      claim: null,
      userErrors: [{ field: "input.sourceId", code: "CONFLICT" }],
    });
    expect(await merge(ids.a, ids.c)).toMatchObject({
      claim: null,
      userErrors: [{ field: "input.sourceId", code: "CONFLICT" }],
    });
    expect(await merge(ids.b, ids.a)).toMatchObject({
      claim: null,
      userErrors: [{ field: "input.targetId", code: "CONFLICT" }],
    });
    expect(await server.prisma.claimMerge.count()).toBe(before);
  });
});

test("a symmetric link the surviving claim already has the other way round is dropped as a duplicate", async () => {
  const [a, b, f] = [await createClaim(), await createClaim(), await createClaim({ text: "Contradicting claim" })];
  await link(a, f, "CONTRADICTS");
  await link(f, b, "CONTRADICTS");
  // linkClaims itself treats B contradicts F as the same link as F contradicts B.
  const again = dataOf(await server.gql(LINK, { input: { fromClaimId: b, toClaimId: f, kind: "CONTRADICTS" } }));
  expect(again.linkClaims.userErrors).toMatchObject([{ field: "input.kind", code: "DUPLICATE" }]);

  const merged = await merge(a, b);
  expect(merged.userErrors).toEqual([]);
  expect({
    movedRelations: merged.merge.movedRelations,
    relations: (await claimView(b)).claim.relations,
  }).toEqual({
    movedRelations: 0,
    relations: [{ kind: "CONTRADICTS", direction: "INCOMING", claim: { text: "Contradicting claim" } }],
  });
});

test("a claim cannot be merged into itself", async () => {
  const id = await createClaim();
  expect(await merge(id, id)).toEqual({
    claim: null,
    merge: null,
    userErrors: [{ field: "input.targetId", code: "CONFLICT" }],
  });
  expect((await claimView(id)).claim.id).toBe(id);
});

test("an unknown claim ID is NOT_FOUND on the field that names it, and nothing changes", async () => {
  const id = await createClaim();
  await record(id, "ASSERTS", "Unknown Test Speaker");
  const before = await claimView(id);
  const claims = await server.prisma.claim.count();
  expect(await merge(UNKNOWN_CLAIM, id)).toEqual({
    claim: null,
    merge: null,
    userErrors: [{ field: "input.sourceId", code: "NOT_FOUND" }],
  });
  expect(await merge(id, UNKNOWN_CLAIM)).toEqual({
    claim: null,
    merge: null,
    userErrors: [{ field: "input.targetId", code: "NOT_FOUND" }],
  });
  expect(await claimView(id)).toEqual(before);
  expect(await server.prisma.claim.count()).toBe(claims);
});

test("after A into B and then B into C, A's and B's IDs both resolve to C", async () => {
  const [a, b, c] = [await createClaim(), await createClaim(), await createClaim()];
  await record(a, "ASSERTS", "Chain Speaker");
  expect((await merge(a, b)).userErrors).toEqual([]);
  expect((await merge(b, c)).userErrors).toEqual([]);
  for (const id of [a, b]) {
    const view = await claimView(id);
    expect(view.claim.id).toBe(c);
    expect(view.node).toEqual({ id: c });
  }
  const survivor = (await claimView(c)).claim;
  expect(survivor.statementCount).toBe(1);
  expect(survivor.mergedFrom.map((m: any) => [m.mergedClaimId, m.movedStatements])).toEqual([
    [b, 1],
    [a, 1],
  ]);
});

test("two merges of the same pair at once, opposite ways: exactly one succeeds and no statement is lost", async () => {
  for (let round = 0; round < 5; round += 1) {
    const [a, b] = [await createClaim(), await createClaim()];
    await record(a, "ASSERTS", `Race A ${round}`);
    await record(b, "DENIES", `Race B ${round}`);
    const statementsBefore = await server.prisma.statement.count();
    const results = await Promise.all([merge(a, b), merge(b, a)]);
    const succeeded = results.filter((r) => r.claim !== null);
    const failed = results.filter((r) => r.claim === null);
    expect(succeeded).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect(failed[0].userErrors).toEqual([
      { field: expect.stringMatching(/^input\.(sourceId|targetId)$/), code: "CONFLICT" },
    ]);
    expect(succeeded[0].claim.statementCount).toBe(2);
    expect(await server.prisma.statement.count()).toBe(statementsBefore);
    expect((await claimView(a)).claim).toMatchObject({ id: succeeded[0].claim.id, statementCount: 2 });
  }
});

test("a statement recorded on a claim while it is merged away always lands on the surviving claim", async () => {
  for (let round = 0; round < 6; round += 1) {
    const [a, b] = [await createClaim(), await createClaim()];
    await record(a, "ASSERTS", `Merge Racer A ${round}`);
    await record(b, "ASSERTS", `Merge Racer B ${round}`);
    const statementsBefore = await server.prisma.statement.count();
    const [merged, recorded] = await Promise.all([
      merge(a, b),
      server.gql(RECORD_STATEMENT, { input: recordInput(a, "DENIES", `Late Speaker ${round}`) }),
    ]);
    expect(merged.userErrors).toEqual([]);
    const statement = dataOf(recorded).recordStatement;
    expect(statement.userErrors).toEqual([]);
    expect(await server.prisma.statement.count()).toBe(statementsBefore + 1);
    const survivor = (await claimView(b)).claim;
    expect(survivor.statementCount).toBe(3);
    expect(survivor.statements.map((s: any) => s.id)).toContain(statement.statement.id);
    const node = dataOf(
      await server.gql(`query ($id: ID!) { node(id: $id) { ... on Statement { claim { id status } } } }`, {
        id: statement.statement.id,
      }),
    ).node;
    expect(node.claim).toEqual({ id: b, status: "DISPUTED" });
  }
});
