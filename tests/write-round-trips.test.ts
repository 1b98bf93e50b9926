// The hot writes (recordStatement, addEvidence, addVerdict, createClaim) each reach
// PostgreSQL in at most three round trips, counted at the driver, BEGIN and COMMIT included
// (they take one: a call of their SQL function, its own transaction), however many actors
// and sources they find or create. They record what ChangeLog records: the audit event with
// the row as JSON (chains included), and a webhook delivery per subscribed endpoint with its
// payload and its job. A refused write writes nothing, and concurrent writes to one claim are
// all counted.
import { randomUUID } from "node:crypto";
import {
  DELIVER_WEBHOOK_TASK,
  WEBHOOK_EVENT_NAMES,
  WEBHOOK_MAX_ATTEMPTS,
  toJson,
  type Change,
} from "../src/modules/audit/change-log";
import { snapshotWithGlobalIds } from "../src/modules/audit/snapshot-ids";
import { decodeIdOfType, encodeId } from "../src/shared/global-id";
import { ADD_EVIDENCE, ADD_VERDICT, CREATE_CLAIM, RECORD_STATEMENT, expectNoUserErrors } from "./helpers/operations";
import { countRoundTrips } from "./helpers/round-trips";
import { dataOf, startTestServer, type TestServer } from "./helpers/test-server";

/** What the issue "Writes at scale" allows each of these writes. */
const MAX_ROUND_TRIPS = 3;

const CREATE_ENDPOINT = `mutation ($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { endpoint { id } userErrors { field message code } } }`;
// The payloads as the benchmark's M1 asks for them: the rows written. (What they refer to, a
// statement's actor or chain, is read after the write through the request's loaders, as any
// query reads it.)
const USER_ERRORS = "userErrors { field message code }";
const RECORD = `mutation ($input: RecordStatementInput!) {
  recordStatement(input: $input) { statement { id stance } claim { id status } ${USER_ERRORS} } }`;
const EVIDENCE = `mutation ($input: AddEvidenceInput!) {
  addEvidence(input: $input) { evidence { id direction } claim { id status } ${USER_ERRORS} } }`;
const VERDICT = `mutation ($input: AddVerdictInput!) {
  addVerdict(input: $input) { verdict { id conclusion } claim { id status } ${USER_ERRORS} } }`;
const CREATE = `mutation ($input: CreateClaimInput!) {
  createClaim(input: $input) { claim { id text } possibleDuplicates { similarity claim { id } } ${USER_ERRORS} } }`;
const UPDATE_CLAIM = `mutation ($input: UpdateClaimInput!) { updateClaim(input: $input) { claim { id } ${USER_ERRORS} } }`;
const CLAIM_COUNTS = `query ($id: ID!) { claim(id: $id) { id status statementCount } }`;

let server: TestServer;
/** The admin key's database ID (audit events name the key that made the change). */
let adminKeyId: string;
let claimId: string;
let actorId: string;
let sourceId: string;

beforeAll(async () => {
  server = await startTestServer();
  const viewer = dataOf(await server.gql("{ viewer { apiKey { id } } }", {}, { key: server.adminKey })).viewer;
  adminKeyId = decodeIdOfType(viewer.apiKey.id, "ApiKey")!;
  // Subscribed to every event (never delivered: no worker runs), so each write queues deliveries.
  expectNoUserErrors(
    dataOf(
      await server.gql(CREATE_ENDPOINT, {
        input: {
          url: "http://127.0.0.1:9/every-event",
          eventTypes: ["CLAIM_CREATED", "CLAIM_UPDATED", "STATEMENT_RECORDED", "VERDICT_PUBLISHED"],
        },
      }),
    ).createWebhookEndpoint,
  );
  claimId = (await mutate(CREATE_CLAIM, { text: "The harbour was dredged twice in 2019" })).claim.id;
  const first = await mutate(RECORD_STATEMENT, {
    claimId,
    stance: "ASSERTS",
    actor: { name: "Harbour Master", kind: "PERSON" },
    source: { url: "https://port.example/notice", title: "Port notice" },
  });
  actorId = first.statement.actor.id;
  sourceId = first.statement.source.id;
});
afterAll(() => server.close());

async function mutate(query: string, input: Record<string, unknown>): Promise<any> {
  const payload = Object.values(dataOf(await server.gql(query, { input })))[0];
  expectNoUserErrors(payload);
  return payload;
}

/** The mutation's payload and the queries it sent to PostgreSQL. */
async function roundTrips(query: string, input: Record<string, unknown>): Promise<{ payload: any; queries: string[] }> {
  const { result, queries } = await countRoundTrips(server.prisma, () => server.gql(query, { input }));
  return { payload: Object.values(dataOf(result))[0], queries };
}

const WRITES: [string, string, () => Record<string, unknown>][] = [
  [
    "recordStatement by an existing actor in an existing source (the benchmark's M1)",
    RECORD,
    () => ({
      claimId,
      stance: "DENIES",
      quote: `Only once ${randomUUID()}`,
      actor: { id: actorId },
      source: { id: sourceId },
    }),
  ],
  [
    "recordStatement creating its speaker (with aliases), its source and publisher, and a relay with its own source",
    RECORD,
    () => {
      const tag = randomUUID().slice(0, 8);
      return {
        claimId,
        stance: "ASSERTS",
        statedAt: "2019-05-01T00:00:00Z",
        actor: { name: `Dredger ${tag}`, kind: "ORGANIZATION", aliases: [`D ${tag}`] },
        source: {
          url: `https://news.example/${tag}?utm_source=feed`,
          title: "Dredging report",
          publisher: { name: `Harbour News ${tag}`, kind: "MEDIA_OUTLET" },
        },
        via: [
          {
            relation: "TOLD",
            actor: { name: `Relay ${tag}`, kind: "PERSON" },
            source: { url: `https://relay.example/${tag}`, title: "Relay" },
            note: "by phone",
          },
        ],
      };
    },
  ],
  [
    "addEvidence with an actor and a relay",
    EVIDENCE,
    () => ({
      claimId,
      direction: "CONTRADICTS",
      summary: `Dredging log ${randomUUID()}`,
      source: { id: sourceId },
      actor: { id: actorId },
      via: [{ relation: "QUOTED_BY", actor: { name: `Clerk ${randomUUID().slice(0, 8)}`, kind: "PERSON" } }],
    }),
  ],
  [
    "addVerdict by a new reviewer, its conclusion read off the rating",
    VERDICT,
    () => ({
      claimId,
      reviewer: { name: `Harbour Checkers ${randomUUID().slice(0, 8)}`, kind: "FACT_CHECKER" },
      rating: "Mostly true",
      ratingValue: 4,
      bestRating: 5,
      worstRating: 1,
      reviewedAt: "2020-01-01T00:00:00Z",
    }),
  ],
  ["createClaim", CREATE, () => ({ text: `The harbour was dredged twice in 2019, ${randomUUID()}` })],
];

describe.each(WRITES)("%s", (name, query, input) => {
  test(`takes at most ${MAX_ROUND_TRIPS} round trips to PostgreSQL`, async () => {
    const { payload, queries } = await roundTrips(query, input());
    expect(payload.userErrors).toEqual([]);
    console.log(`${name}: ${queries.length} round trip(s): ${queries.map((text) => text.slice(0, 60)).join(" | ")}`);
    expect(queries.length).toBeLessThanOrEqual(MAX_ROUND_TRIPS);
  });
});

test("the count includes a transaction's BEGIN and COMMIT (updateClaim is still a Prisma transaction)", async () => {
  const { payload, queries } = await roundTrips(UPDATE_CLAIM, { id: claimId, topics: ["harbours"] });
  expect(payload.userErrors).toEqual([]);
  expect(queries[0]).toBe("BEGIN");
  expect(queries.at(-1)).toBe("COMMIT");
});

test("createClaim still reports the claims worded like the new one", async () => {
  const { payload } = await roundTrips(CREATE, {
    text: "The harbour was dredged twice in 2019!",
  });
  expect(payload.possibleDuplicates).toEqual(
    expect.arrayContaining([{ similarity: expect.any(Number), claim: { id: claimId } }]),
  );
  expect(payload.possibleDuplicates.map((duplicate: any) => duplicate.claim.id)).not.toContain(payload.claim.id);
});

describe("what a write records is what ChangeLog records", () => {
  interface Recorded {
    audit: {
      id: string;
      action: string;
      entity_type: string;
      entity_id: string;
      claim_id: string | null;
      api_key_id: string | null;
      actor_label: string;
      request_id: string | null;
      before: unknown;
      after: unknown;
      occurred_at: Date;
    };
    deliveries: { id: string; event_type: string; payload: unknown }[];
    jobs: { task_identifier: string; max_attempts: number; delivery_id: string }[];
  }

  /** The audit event of `entityId`'s `action`, its deliveries and their jobs. */
  async function recordedFor(entityId: string, action = "CREATED"): Promise<Recorded> {
    const [audit] = await server.prisma.$queryRaw<Recorded["audit"][]>`
      SELECT id::text, action::text, entity_type, entity_id::text, claim_id::text, api_key_id::text, actor_label,
             request_id, before, after, occurred_at
      FROM audit_events WHERE entity_id = ${entityId}::uuid AND action = ${action}::"AuditAction"`;
    if (!audit) throw new Error(`no audit event for ${entityId}`);
    const deliveries = await server.prisma.$queryRaw<Recorded["deliveries"]>`
      SELECT id::text, event_type::text, payload FROM webhook_deliveries WHERE audit_event_id = ${audit.id}::bigint`;
    const jobs = await server.prisma.$queryRaw<Recorded["jobs"]>`
      SELECT task_identifier, max_attempts, (SELECT p.payload->>'deliveryId' FROM graphile_worker._private_jobs p WHERE p.id = j.id) AS delivery_id
      FROM graphile_worker.jobs j WHERE j.key = ANY(${deliveries.map((delivery) => delivery.id)}::text[])`;
    return { audit, deliveries, jobs };
  }

  /** Checks the records of `change` against those ChangeLog.record writes for it. */
  async function expectRecordedAsChangeLogWould(change: Change): Promise<void> {
    const after = JSON.parse(toJson(change.after));
    const { audit, deliveries, jobs } = await recordedFor(change.entityId, change.action);
    expect(audit).toEqual({
      id: expect.any(String),
      action: change.action,
      entity_type: change.entityType,
      entity_id: change.entityId,
      claim_id: change.claimId ?? null,
      api_key_id: adminKeyId,
      actor_label: expect.stringMatching(/^test admin \(ct_[0-9a-f]{8}\)$/),
      request_id: expect.any(String),
      before: null,
      after,
      occurred_at: expect.any(Date),
    });
    if (!change.event) {
      expect(deliveries).toEqual([]);
      return;
    }
    expect(deliveries).toEqual([
      {
        id: expect.any(String),
        event_type: change.event,
        payload: {
          type: WEBHOOK_EVENT_NAMES[change.event],
          timestamp: audit.occurred_at.toISOString(),
          data: {
            action: change.action,
            entity: { type: change.entityType, id: encodeId(change.entityType, change.entityId) },
            claimId: change.claimId ? encodeId("Claim", change.claimId) : null,
            after: snapshotWithGlobalIds(change.entityType, after),
          },
        },
      },
    ]);
    expect(jobs).toEqual([
      { task_identifier: DELIVER_WEBHOOK_TASK, max_attempts: WEBHOOK_MAX_ATTEMPTS, delivery_id: deliveries[0]!.id },
    ]);
  }

  const uuid = (globalId: string, type: Parameters<typeof decodeIdOfType>[1]) => decodeIdOfType(globalId, type)!;

  async function hopsOf(owner: { statementId: string } | { evidenceId: string }) {
    const hops = await server.prisma.attributionHop.findMany({ where: owner, orderBy: { position: "asc" } });
    return hops.map(({ position, relation, actorId, sourceId, note }) => ({
      position,
      relation,
      actorId,
      sourceId,
      note,
    }));
  }

  test("recordStatement: the statement with its chain, and the speaker, publisher, source and relay it created", async () => {
    const tag = randomUUID().slice(0, 8);
    const { statement } = await mutate(RECORD_STATEMENT, {
      claimId,
      stance: "ASSERTS",
      quote: "Twice",
      actor: { name: `Speaker ${tag}`, kind: "PERSON", aliases: [`S ${tag}`, `speaker ${tag}`] },
      source: {
        url: `https://record.example/${tag}`,
        title: "Record",
        publisher: { name: `Outlet ${tag}`, kind: "MEDIA_OUTLET" },
      },
      via: [{ relation: "TOLD", actor: { name: `Relay ${tag}`, kind: "PERSON" }, note: "in person" }],
    });
    const id = uuid(statement.id, "Statement");
    const row = await server.prisma.statement.findUniqueOrThrow({ where: { id } });
    await expectRecordedAsChangeLogWould({
      action: "CREATED",
      entityType: "Statement",
      entityId: id,
      claimId: uuid(claimId, "Claim"),
      after: { ...row, hops: await hopsOf({ statementId: id }) },
      event: "STATEMENT_RECORDED",
    });
    const speaker = await server.prisma.actor.findUniqueOrThrow({ where: { id: row.actorId } });
    await expectRecordedAsChangeLogWould({
      action: "CREATED",
      entityType: "Actor",
      entityId: speaker.id,
      after: { ...speaker, aliases: [`S ${tag}`, `speaker ${tag}`] },
    });
    const source = await server.prisma.source.findUniqueOrThrow({ where: { id: row.sourceId } });
    await expectRecordedAsChangeLogWould({
      action: "CREATED",
      entityType: "Source",
      entityId: source.id,
      after: source,
    });
    const publisher = await server.prisma.actor.findUniqueOrThrow({ where: { id: source.publisherId! } });
    await expectRecordedAsChangeLogWould({
      action: "CREATED",
      entityType: "Actor",
      entityId: publisher.id,
      after: { ...publisher, aliases: [] },
    });
  });

  test("addEvidence: the item with its chain", async () => {
    const { evidence } = await mutate(ADD_EVIDENCE, {
      claimId,
      direction: "SUPPORTS",
      kind: "DOCUMENT",
      summary: "The dredging contract",
      excerpt: "two campaigns",
      observedAt: "2019-03-01T12:00:00.250Z",
      source: { id: sourceId },
      actor: { id: actorId },
      via: [{ relation: "TOLD", actor: { id: actorId } }],
    });
    const id = uuid(evidence.id, "Evidence");
    const row = await server.prisma.evidence.findUniqueOrThrow({ where: { id } });
    await expectRecordedAsChangeLogWould({
      action: "CREATED",
      entityType: "Evidence",
      entityId: id,
      claimId: uuid(claimId, "Claim"),
      after: { ...row, hops: await hopsOf({ evidenceId: id }) },
      event: "CLAIM_UPDATED",
    });
  });

  test("addVerdict: the verdict", async () => {
    const { verdict } = await mutate(ADD_VERDICT, {
      claimId,
      reviewer: { id: actorId },
      rating: "Half true",
      conclusion: "MIXED",
      reviewedAt: "2021-06-01T00:00:00Z",
      url: "https://checks.example/harbour/?utm_source=x",
      explanation: "One campaign was a survey.",
      language: "en",
    });
    const id = uuid(verdict.id, "Verdict");
    const row = await server.prisma.verdict.findUniqueOrThrow({ where: { id } });
    await expectRecordedAsChangeLogWould({
      action: "CREATED",
      entityType: "Verdict",
      entityId: id,
      claimId: uuid(claimId, "Claim"),
      after: row,
      event: "VERDICT_PUBLISHED",
    });
  });

  test("createClaim: the claim with its derived columns", async () => {
    const { claim } = await mutate(CREATE_CLAIM, {
      text: "A quay was built in 1850",
      language: "en",
      topics: ["ports", "History"],
      firstSeenAt: "2001-02-03T04:05:06.789Z",
    });
    const id = uuid(claim.id, "Claim");
    const row = await server.prisma.claim.findUniqueOrThrow({ where: { id } });
    await expectRecordedAsChangeLogWould({
      action: "CREATED",
      entityType: "Claim",
      entityId: id,
      claimId: id,
      after: row,
      event: "CLAIM_CREATED",
    });
  });
});

test("a write refused with a user error writes nothing, the actors it would have created included", async () => {
  const counts = () =>
    Promise.all([server.prisma.actor.count(), server.prisma.statement.count(), server.prisma.auditEvent.count()]);
  const before = await counts();
  const { payload, queries } = await roundTrips(RECORD, {
    claimId,
    stance: "ASSERTS",
    actor: { name: `Would Be ${randomUUID()}`, kind: "PERSON" },
    source: { id: sourceId },
    via: [{ relation: "TOLD", actor: { name: `Unknown ${randomUUID()}` } }],
  });
  expect(payload).toEqual({
    statement: null,
    claim: null,
    userErrors: [
      {
        field: "input.via.0.actor.kind",
        message: expect.stringMatching(/^No actor is named "Unknown .*"; give its kind to create it\.$/),
        code: "REQUIRED",
      },
    ],
  });
  expect(queries.length).toBeLessThanOrEqual(MAX_ROUND_TRIPS);
  expect(await counts()).toEqual(before);
});

test("concurrent statements on one claim are all counted", async () => {
  const claim = (await mutate(CREATE_CLAIM, { text: "The lighthouse was moved inland" })).claim.id;
  const stances = Array.from({ length: 12 }, (_, index) => (index % 3 === 0 ? "DENIES" : "ASSERTS"));
  const results = await Promise.all(
    stances.map((stance, index) =>
      mutate(RECORD_STATEMENT, {
        claimId: claim,
        stance,
        quote: `Racer ${index}`,
        actor: { id: actorId },
        source: { id: sourceId },
      }),
    ),
  );
  expect(results.map((result) => result.claim.id)).toEqual(Array(12).fill(claim));
  const view = dataOf(await server.gql(CLAIM_COUNTS, { id: claim })).claim;
  expect(view).toEqual({ id: claim, status: "DISPUTED", statementCount: 12 });
  const row = await server.prisma.claim.findUniqueOrThrow({ where: { id: decodeIdOfType(claim, "Claim")! } });
  expect([row.supportCount, row.opposeCount, row.disputeScore]).toEqual([8, 4, 4]);
});

test("a user error raised in SQL inside a Prisma transaction comes back as userErrors too, and writes nothing", async () => {
  const UPDATE_ACTOR = `mutation ($input: UpdateActorInput!) { updateActor(input: $input) { actor { id } ${USER_ERRORS} } }`;
  const UPDATE_SOURCE = `mutation ($input: UpdateSourceInput!) { updateSource(input: $input) { source { id } ${USER_ERRORS} } }`;
  const other = (
    await mutate(
      `mutation ($input: CreateActorInput!) { createActor(input: $input) { actor { id name } ${USER_ERRORS} } }`,
      {
        name: `Alias Holder ${randomUUID().slice(0, 8)}`,
        kind: "PERSON",
      },
    )
  ).actor;
  const aliased = dataOf(
    await server.gql(UPDATE_ACTOR, {
      input: { id: actorId, description: "Changed", addAliases: ["Fine alias", other.name] },
    }),
  );
  expect(aliased.updateActor.userErrors).toEqual([
    { field: "input.addAliases.1", message: `"${other.name}" already names ${other.name}.`, code: "DUPLICATE" },
  ]);
  const published = dataOf(
    await server.gql(UPDATE_SOURCE, { input: { id: sourceId, publisher: { name: "Nobody Publishes" } } }),
  );
  expect(published.updateSource.userErrors).toEqual([
    {
      field: "input.publisher.kind",
      message: 'No actor is named "Nobody Publishes"; give its kind to create it.',
      code: "REQUIRED",
    },
  ]);
  const actor = await server.prisma.actor.findUniqueOrThrow({ where: { id: decodeIdOfType(actorId, "Actor")! } });
  expect(actor.description).toBeNull();
  expect(await server.prisma.actorAlias.count({ where: { alias: "Fine alias" } })).toBe(0);
});
