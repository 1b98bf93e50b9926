// Audit history: every change to a claim and what bears on it is listed in order, with
// before/after snapshots and who made it (key name and prefix for admins, the author's kind
// for everyone else); pages; histories of
// statements, verdicts, evidence, actors and sources; and the log cannot be edited,
// neither through the API nor in the database. Refused or failed mutations leave no trace.
import { ADD_EVIDENCE, ADD_VERDICT, CREATE_CLAIM, RECORD_STATEMENT, expectNoUserErrors } from "./helpers/operations";
import { dataOf, startTestServer, type TestServer } from "./helpers/test-server";
import pino from "pino";
import { createServices } from "../src/modules/services";
import { systemPrincipal } from "../src/modules/auth/permissions";
import { encodeId } from "../src/shared/global-id";

let server: TestServer;
let editorKey: string;
let checkerKey: string;
let viewerKey: string;
beforeAll(async () => {
  server = await startTestServer();
  editorKey = await server.createKey("EDITOR");
  checkerKey = await server.createKey("FACT_CHECKER");
  viewerKey = await server.createKey("VIEWER");
});
afterAll(() => server.close());

const HISTORY_FIELDS = `edges { cursor node { action entityType entityId claimId changedBy apiKeyId before after occurredAt } }
  pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`;

const CLAIM_HISTORY = `query ($id: ID!, $first: Int, $after: String) {
  claim(id: $id) { history(first: $first, after: $after) { ${HISTORY_FIELDS} } } }`;

const NODE_HISTORY = `query ($id: ID!) { node(id: $id) {
  ... on Statement { history { ${HISTORY_FIELDS} } }
  ... on Evidence { history { ${HISTORY_FIELDS} } }
  ... on Verdict { history { ${HISTORY_FIELDS} } }
  ... on Actor { history { ${HISTORY_FIELDS} } }
  ... on Source { history { ${HISTORY_FIELDS} } } } }`;

const UPDATE_CLAIM = `mutation ($input: UpdateClaimInput!) {
  updateClaim(input: $input) { claim { id text topics } userErrors { field message code } } }`;
const RETRACT_STATEMENT = `mutation ($input: RetractInput!) {
  retractStatement(input: $input) { statement { id } userErrors { field message code } } }`;
const MERGE = `mutation ($input: MergeClaimsInput!) {
  mergeClaims(input: $input) { claim { id } userErrors { field message code } } }`;
const UPDATE_ACTOR = `mutation ($input: UpdateActorInput!) {
  updateActor(input: $input) { actor { id } userErrors { field message code } } }`;
const UPDATE_SOURCE = `mutation ($input: UpdateSourceInput!) {
  updateSource(input: $input) { source { id } userErrors { field message code } } }`;

interface WhoAmI {
  apiKeyId: string;
  label: string;
}

async function whoIs(key: string): Promise<WhoAmI> {
  const viewer = dataOf(await server.gql(`{ viewer { apiKey { id name prefix } } }`, {}, { key })).viewer;
  return { apiKeyId: viewer.apiKey.id, label: `${viewer.apiKey.name} (${viewer.apiKey.prefix})` };
}

async function mutate(query: string, input: Record<string, unknown>, key: string): Promise<any> {
  const data = dataOf(await server.gql(query, { input }, { key }));
  const payload = Object.values(data)[0];
  expectNoUserErrors(payload);
  return payload;
}

/** Read as an admin, who sees who exactly made each change. */
async function nodeHistory(id: string): Promise<any[]> {
  const node = dataOf(await server.gql(NODE_HISTORY, { id }, { key: server.adminKey })).node;
  return node.history.edges.map((edge: any) => edge.node);
}

async function auditCount(): Promise<number> {
  return server.prisma.auditEvent.count();
}

describe("a claim's history", () => {
  let admin: WhoAmI;
  let editor: WhoAmI;
  let checker: WhoAmI;
  let claimId: string;
  let otherClaimId: string;
  let statementId: string;
  let otherStatementId: string;
  let evidenceId: string;
  let verdictId: string;
  let speakerId: string;
  let sourceId: string;

  beforeAll(async () => {
    [admin, editor, checker] = await Promise.all([whoIs(server.adminKey), whoIs(editorKey), whoIs(checkerKey)]);
    claimId = (await mutate(CREATE_CLAIM, { text: "The bridge cost 2 billion", topics: ["budget"] }, server.adminKey))
      .claim.id;
    await mutate(UPDATE_CLAIM, { id: claimId, text: "The bridge cost 3 billion" }, editorKey);
    await mutate(UPDATE_CLAIM, { id: claimId, topics: ["budget", "transport"] }, editorKey);
    const recorded = await mutate(
      RECORD_STATEMENT,
      {
        claimId,
        stance: "ASSERTS",
        actor: { name: "History Speaker", kind: "PERSON" },
        source: { url: "https://history.example/interview", title: "The interview" },
        quote: "It cost 3 billion",
      },
      editorKey,
    );
    statementId = recorded.statement.id;
    speakerId = recorded.statement.actor.id;
    sourceId = recorded.statement.source.id;
    evidenceId = (
      await mutate(
        ADD_EVIDENCE,
        {
          claimId,
          direction: "CONTRADICTS",
          summary: "The budget report says 2.4 billion",
          source: { url: "https://history.example/budget", title: "Budget report" },
        },
        editorKey,
      )
    ).evidence.id;
    verdictId = (
      await mutate(
        ADD_VERDICT,
        {
          claimId,
          reviewer: { name: "History Checkers", kind: "FACT_CHECKER" },
          rating: "Misleading",
          conclusion: "MIXED",
          reviewedAt: "2024-03-01T00:00:00Z",
        },
        checkerKey,
      )
    ).verdict.id;
    await mutate(RETRACT_STATEMENT, { id: statementId, reason: "Misquoted" }, editorKey);
    otherClaimId = (await mutate(CREATE_CLAIM, { text: "The bridge cost three billion" }, server.adminKey)).claim.id;
    otherStatementId = (
      await mutate(
        RECORD_STATEMENT,
        {
          claimId: otherClaimId,
          stance: "DENIES",
          actor: { id: speakerId },
          source: { id: sourceId },
          quote: "Not three",
        },
        editorKey,
      )
    ).statement.id;
    await mutate(MERGE, { sourceId: otherClaimId, targetId: claimId, reason: "Same claim" }, server.adminKey);
  });

  /** Read as an admin, who sees who exactly made each change; `null` reads anonymously. */
  async function fullHistory(key: string | null = server.adminKey): Promise<any[]> {
    const history = dataOf(await server.gql(CLAIM_HISTORY, { id: claimId }, { key })).claim.history;
    expect(history.pageInfo.hasNextPage).toBe(false);
    return history.edges.map((edge: any) => edge.node);
  }

  test("lists every change in order, with who made it", async () => {
    const events = await fullHistory();
    expect(events.map((event) => [event.action, event.entityType, event.entityId, event.changedBy])).toEqual([
      ["CREATED", "Claim", claimId, admin.label],
      ["UPDATED", "Claim", claimId, editor.label],
      ["UPDATED", "Claim", claimId, editor.label],
      ["CREATED", "Statement", statementId, editor.label],
      ["CREATED", "Evidence", evidenceId, editor.label],
      ["CREATED", "Verdict", verdictId, checker.label],
      ["RETRACTED", "Statement", statementId, editor.label],
      ["CREATED", "Claim", otherClaimId, admin.label],
      ["CREATED", "Statement", otherStatementId, editor.label],
      ["MERGED", "Claim", otherClaimId, admin.label],
      ["UPDATED", "Claim", claimId, admin.label],
    ]);
    expect(events.map((event) => event.apiKeyId)).toEqual([
      admin.apiKeyId,
      editor.apiKeyId,
      editor.apiKeyId,
      editor.apiKeyId,
      editor.apiKeyId,
      checker.apiKeyId,
      editor.apiKeyId,
      admin.apiKeyId,
      editor.apiKeyId,
      admin.apiKeyId,
      admin.apiKeyId,
    ]);
    expect(admin.label).toMatch(/^test admin \(ct_[0-9a-f]{8}\)$/);
    const times = events.map((event) => Date.parse(event.occurredAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(events.slice(0, 7).map((event) => event.claimId))).toEqual(new Set([claimId]));
  });

  test("holds the entity before and after each change", async () => {
    const [created, renamed, retopiced, statement, , , retracted, , , merged, survivor] = await fullHistory();
    expect(created.before).toBeNull();
    expect(created.after).toMatchObject({ text: "The bridge cost 2 billion", topics: ["budget"] });
    expect(renamed.before).toMatchObject({ text: "The bridge cost 2 billion" });
    expect(renamed.after).toMatchObject({ text: "The bridge cost 3 billion" });
    expect(retopiced.before).toMatchObject({ topics: ["budget"] });
    expect(retopiced.after).toMatchObject({ text: "The bridge cost 3 billion", topics: ["budget", "transport"] });
    expect(statement.before).toBeNull();
    expect(statement.after).toMatchObject({ stance: "ASSERTS", quote: "It cost 3 billion", retractedAt: null });
    expect(retracted.before).toMatchObject({ retractedAt: null });
    expect(retracted.after).toMatchObject({ retractionReason: "Misquoted" });
    expect(retracted.after.retractedAt).toEqual(expect.any(String));
    expect(merged.before).toMatchObject({ text: "The bridge cost three billion" });
    expect(merged.after).toMatchObject({ reason: "Same claim", movedStatements: 1 });
    expect(survivor.before).toMatchObject({ statementCount: 0 });
    expect(survivor.after).toMatchObject({ statementCount: 1 });
    // No snapshot carries the search vector (large, derived).
    expect(JSON.stringify([created.after, survivor.after])).not.toMatch(/searchVector/);
  });

  test("snapshots carry global IDs, as the rest of the API: node(id:) takes the ones they refer to", async () => {
    const [created, , , statement] = await fullHistory();
    expect(created.after.id).toBe(claimId);
    expect(statement.after).toMatchObject({ id: statementId, claimId, actorId: speakerId, sourceId });
    // The chain's hops too: the speaker's hop, then the one carrying the source.
    expect(statement.after.hops.map((hop: any) => hop.actorId)).toContain(speakerId);
    expect(JSON.stringify([created.after, statement.after])).not.toMatch(
      /"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"/,
    );
    const node = dataOf(
      await server.gql(`query ($id: ID!) { node(id: $id) { ... on Actor { name } } }`, { id: statement.after.actorId }),
    ).node;
    expect(node).toEqual({ name: "History Speaker" });
  });

  test("pages with first/after and reaches every event once", async () => {
    const all = await fullHistory();
    const seen: any[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const history: any = dataOf(
        await server.gql(CLAIM_HISTORY, { id: claimId, first: 3, after }, { key: server.adminKey }),
      ).claim.history;
      expect(history.edges.length).toBeLessThanOrEqual(3);
      expect(history.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...history.edges.map((edge: any) => edge.node));
      if (!history.pageInfo.hasNextPage) break;
      expect(history.pageInfo.endCursor).toBe(history.edges.at(-1).cursor);
      after = history.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);
    expect(Math.ceil(all.length / 3)).toBe(4);
  });

  test("refuses a page size over 100 and a cursor that is not a history cursor", async () => {
    const big = await server.gql(CLAIM_HISTORY, { id: claimId, first: 101 });
    expect(big.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const bad = await server.gql(CLAIM_HISTORY, { id: claimId, after: "bm90IGEgY3Vyc29y" });
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  test("the merged claim's ID shows the surviving claim's history", async () => {
    const viaMerged = dataOf(await server.gql(CLAIM_HISTORY, { id: otherClaimId }, { key: server.adminKey })).claim
      .history;
    expect(viaMerged.edges.map((edge: any) => edge.node)).toEqual(await fullHistory());
  });

  test("statements, evidence and verdicts have their own histories", async () => {
    const statement = await nodeHistory(statementId);
    expect(statement.map((event) => event.action)).toEqual(["CREATED", "RETRACTED"]);
    expect(statement[1].after).toMatchObject({ retractionReason: "Misquoted" });
    const moved = await nodeHistory(otherStatementId);
    expect(moved.map((event) => event.action)).toEqual(["CREATED"]);
    const evidence = await nodeHistory(evidenceId);
    expect(evidence.map((event) => [event.action, event.changedBy])).toEqual([["CREATED", editor.label]]);
    const verdict = await nodeHistory(verdictId);
    expect(verdict.map((event) => [event.action, event.changedBy])).toEqual([["CREATED", checker.label]]);
    expect(verdict[0].after).toMatchObject({ rating: "Misleading", conclusion: "MIXED" });
  });

  test("actors and sources have their own histories", async () => {
    await mutate(UPDATE_ACTOR, { id: speakerId, description: "A speaker", addAliases: ["H. Speaker"] }, editorKey);
    await mutate(UPDATE_SOURCE, { id: sourceId, title: "The long interview" }, editorKey);
    const actor = await nodeHistory(speakerId);
    expect(actor.map((event) => [event.action, event.entityType, event.changedBy])).toEqual([
      ["CREATED", "Actor", editor.label],
      ["UPDATED", "Actor", editor.label],
    ]);
    expect(actor[0].after).toMatchObject({ name: "History Speaker", kind: "PERSON" });
    expect(actor[1].before).toMatchObject({ description: null });
    expect(actor[1].after).toMatchObject({ description: "A speaker", addedAliases: ["H. Speaker"] });
    const source = await nodeHistory(sourceId);
    expect(source.map((event) => [event.action, event.entityType])).toEqual([
      ["CREATED", "Source"],
      ["UPDATED", "Source"],
    ]);
    expect(source[1].before).toMatchObject({ title: "The interview" });
    expect(source[1].after).toMatchObject({ title: "The long interview" });
  });

  test("histories of several claims in one query come from one SQL statement", async () => {
    const query = `query ($a: ID!, $b: ID!) { a: claim(id: $a) { history { edges { node { action } } } }
      b: claim(id: $b) { history { edges { node { action } } } } }`;
    const fresh = (await mutate(CREATE_CLAIM, { text: "A claim with one event" }, server.adminKey)).claim.id;
    const { result, sql } = await server.countSql(() => server.gql(query, { a: claimId, b: fresh }));
    expect(dataOf(result).b.history.edges).toEqual([{ node: { action: "CREATED" } }]);
    expect(sql.filter((statement) => /audit_events/.test(statement))).toHaveLength(1);
  });

  describe("who may see who made a change", () => {
    const WHO = `query ($id: ID!) { claim(id: $id) { history { edges { node { action entityType changedBy apiKeyId requestId } } } } }`;
    const AUTHOR_KINDS = [
      "api-key (ADMIN)",
      "api-key (EDITOR)",
      "api-key (EDITOR)",
      "api-key (EDITOR)",
      "api-key (EDITOR)",
      "api-key (FACT_CHECKER)",
      "api-key (EDITOR)",
      "api-key (ADMIN)",
      "api-key (EDITOR)",
      "api-key (ADMIN)",
      "api-key (ADMIN)",
    ];

    async function readAs(key: string | null) {
      const response = await server.gql(WHO, { id: claimId }, { key });
      return { raw: JSON.stringify(response), events: dataOf(response).claim.history.edges.map((e: any) => e.node) };
    }

    test("anonymous readers see the kind of author, never a key's name, prefix or ID, nor the request ID", async () => {
      const { raw, events } = await readAs(null);
      expect(events.map((event: any) => event.changedBy)).toEqual(AUTHOR_KINDS);
      expect(events.every((event: any) => event.apiKeyId === null && event.requestId === null)).toBe(true);
      expect(raw).not.toMatch(/ct_[0-9a-f]{8}/);
      for (const who of [admin, editor, checker]) {
        expect(raw).not.toContain(who.label.split(" (")[0]);
        expect(raw).not.toContain(who.apiKeyId);
      }
    });

    test("keys without MANAGE_KEYS (viewer, editor, an admin key scoped without it) see no more than anonymous readers", async () => {
      const scopedAdmin = await server.createKey("ADMIN", ["WRITE_CLAIMS"]);
      const anonymous = await readAs(null);
      for (const key of [viewerKey, editorKey, checkerKey, scopedAdmin]) {
        expect((await readAs(key)).events).toEqual(anonymous.events);
      }
    });

    test("admins, and any key with MANAGE_KEYS, see the key's name and prefix, its ID and the request ID", async () => {
      const keyManager = await server.createKey("ADMIN", ["MANAGE_KEYS"]);
      for (const key of [server.adminKey, keyManager]) {
        const { events } = await readAs(key);
        expect(events.map((event: any) => event.changedBy)).toEqual([
          admin.label,
          editor.label,
          editor.label,
          editor.label,
          editor.label,
          checker.label,
          editor.label,
          admin.label,
          editor.label,
          admin.label,
          admin.label,
        ]);
        expect(events[0].apiKeyId).toBe(admin.apiKeyId);
        expect(events.every((event: any) => typeof event.requestId === "string" && event.requestId !== "")).toBe(true);
      }
    });

    test("changes made by the CLI or the seed loader show as `system` to everyone but key managers", async () => {
      const services = createServices(server.prisma, pino({ level: "silent" }), { principal: systemPrincipal("cli") });
      const { claim } = await services.claims.createClaim({ text: "A claim created from the command line" });
      const id = encodeId("Claim", claim.id);
      const anonymous = dataOf(await server.gql(WHO, { id })).claim.history.edges[0].node;
      expect(anonymous).toMatchObject({ changedBy: "system", apiKeyId: null, requestId: null });
      const asAdmin = dataOf(await server.gql(WHO, { id }, { key: server.adminKey })).claim.history.edges[0].node;
      expect(asAdmin).toMatchObject({ changedBy: "cli", apiKeyId: null });
    });
  });
});

test("a link shows in the histories of both claims it joins, and so does its removal", async () => {
  const create = async (text: string) => (await mutate(CREATE_CLAIM, { text }, server.adminKey)).claim.id as string;
  const from = await create("Claim at the start of a link");
  const to = await create("Claim at the end of a link");
  const linked = dataOf(
    await server.gql(
      `mutation ($input: LinkClaimsInput!) { linkClaims(input: $input) { relation { id } userErrors { code } } }`,
      { input: { fromClaimId: from, toClaimId: to, kind: "SUPPORTS" } },
    ),
  ).linkClaims;
  expectNoUserErrors(linked);
  expectNoUserErrors(
    dataOf(
      await server.gql(
        `mutation ($input: UnlinkClaimsInput!) { unlinkClaims(input: $input) { userErrors { code } } }`,
        {
          input: { id: linked.relation.id },
        },
      ),
    ).unlinkClaims,
  );
  for (const claim of [from, to]) {
    const edges = dataOf(await server.gql(CLAIM_HISTORY, { id: claim })).claim.history.edges;
    const events = edges.map((edge: any) => [edge.node.action, edge.node.entityType, edge.node.entityId]);
    expect(events).toEqual([
      ["CREATED", "Claim", claim],
      ["CREATED", "ClaimRelation", linked.relation.id],
      ["DELETED", "ClaimRelation", linked.relation.id],
    ]);
  }
});

describe("the audit log cannot be changed", () => {
  test("no mutation of the API mentions the audit log or history", async () => {
    const schema = dataOf(
      await server.gql(
        `{ __schema { mutationType { fields { name description args { name type { name ofType { name } } } } } } }`,
      ),
    ).__schema;
    const fields = schema.mutationType.fields;
    expect(fields.length).toBeGreaterThan(10);
    for (const field of fields) {
      expect(`${field.name} ${field.description ?? ""}`).not.toMatch(/audit|history/i);
      for (const arg of field.args) expect(JSON.stringify(arg.type)).not.toMatch(/Audit|History/);
    }
  });

  test.each([
    ["UPDATE", `UPDATE audit_events SET actor_label = 'someone else'`],
    ["DELETE", `DELETE FROM audit_events`],
    ["TRUNCATE", `TRUNCATE audit_events`],
  ])("the database refuses %s on audit_events", async (_verb, sql) => {
    const before = await server.prisma.$queryRaw<{ n: bigint; labels: string }[]>`
      SELECT count(*) AS n, string_agg(actor_label, ',' ORDER BY id) AS labels FROM audit_events`;
    expect(Number(before[0]?.n)).toBeGreaterThan(0);
    await expect(server.prisma.$executeRawUnsafe(sql)).rejects.toThrow(/audit_events is append-only/);
    const after = await server.prisma.$queryRaw<{ n: bigint; labels: string }[]>`
      SELECT count(*) AS n, string_agg(actor_label, ',' ORDER BY id) AS labels FROM audit_events`;
    expect(after).toEqual(before);
  });
});

describe("refused and failed mutations leave no audit event", () => {
  test("a mutation refused for lack of permission", async () => {
    const before = await auditCount();
    const refused = await server.gql(CREATE_CLAIM, { input: { text: "Refused claim" } }, { key: viewerKey });
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const anonymous = await server.gql(CREATE_CLAIM, { input: { text: "Anonymous claim" } }, { key: null });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(await auditCount()).toBe(before);
  });

  test("a mutation with bad input", async () => {
    const before = await auditCount();
    const bad = dataOf(await server.gql(CREATE_CLAIM, { input: { text: "  " } })).createClaim;
    expect(bad.userErrors[0].code).toBe("REQUIRED");
    expect(await auditCount()).toBe(before);
  });

  test("a mutation that fails after creating an actor rolls the actor's event back too", async () => {
    const claimId = (await mutate(CREATE_CLAIM, { text: "Claim for a failing statement" }, server.adminKey)).claim.id;
    const before = await auditCount();
    const failed = dataOf(
      await server.gql(RECORD_STATEMENT, {
        input: {
          claimId,
          stance: "ASSERTS",
          actor: { name: "Never Created", kind: "PERSON" },
          source: { url: "https://history.example/untitled" },
          quote: "no title for the new source",
        },
      }),
    ).recordStatement;
    expect(failed.userErrors[0]).toMatchObject({ field: "input.source.title", code: "REQUIRED" });
    expect(await auditCount()).toBe(before);
    expect(await server.prisma.actor.count({ where: { name: "Never Created" } })).toBe(0);
  });
});
