// Live updates across instances: two real server processes on one database, subscribers on
// one, writes through the other. Events arrive in order, exactly once, within a second; a
// subscriber that reconnects with its last cursor gets exactly what it missed, then live
// events; filters leave out what they should; an anonymous subscriber sees what an
// anonymous reader may; refusals carry the codes HTTP uses; shutdown says "going away".
import { ADD_EVIDENCE, ADD_VERDICT, CREATE_CLAIM, RECORD_STATEMENT } from "./helpers/operations";
import { errorCodes, subscribe, type Subscriber } from "./helpers/live-client";
import { keyMaker, startInstance, type Instance } from "./helpers/live-instances";
import { createTestDatabase, dataOf, type GraphQLResponse, type TestDatabase } from "./helpers/test-server";
import type { PrismaClient } from "../src/db/prisma";

let database: TestDatabase;
let first: Instance;
let second: Instance;
let prisma: PrismaClient;
let adminKey: string;
let viewerKey: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const keys = keyMaker(database.url);
  prisma = keys.prisma;
  adminKey = await keys.createKey("ADMIN", "live admin");
  viewerKey = await keys.createKey("VIEWER", "live viewer");
  [first, second] = await Promise.all([startInstance(database.url), startInstance(database.url)]);
}, 120_000);

afterAll(async () => {
  await Promise.all([first?.stop(), second?.stop()]);
  await prisma?.$disconnect();
  await database?.drop();
}, 30_000);

const open: Subscriber[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((subscriber) => subscriber.dispose().catch(() => undefined)));
});

function track<T>(subscriber: Subscriber<T>): Subscriber<T> {
  open.push(subscriber as Subscriber);
  return subscriber;
}

const EVENTS = `subscription Events($filter: ClaimEventFilter, $after: String) {
  claimEvents(filter: $filter, after: $after) {
    cursor type occurredAt claimId mergedClaimId changedBy
    claim { id text status }
    statement { id stance actor { name } }
    evidence { id direction }
    verdict { id rating }
  }
}`;

interface EventData {
  claimEvents: {
    cursor: string;
    type: string;
    claimId: string;
    mergedClaimId: string | null;
    changedBy: string;
    claim: { id: string; text: string; status: string };
    statement: { id: string; stance: string; actor: { name: string } } | null;
    evidence: { id: string } | null;
    verdict: { id: string } | null;
  };
}

function events(subscriber: Subscriber<EventData>) {
  return subscriber.results.map((result) => {
    if (result.errors) throw new Error(`an event came with errors: ${JSON.stringify(result.errors)}`);
    return result.data!.claimEvents;
  });
}

async function mutate<T = any>(instance: Instance, query: string, input: Record<string, unknown>): Promise<T> {
  const response: GraphQLResponse = await instance.gql(query, { input }, adminKey);
  const payload = Object.values(dataOf(response))[0] as { userErrors?: unknown[] };
  expect(payload.userErrors ?? []).toEqual([]);
  return payload as T;
}

let claimCount = 0;
async function createClaim(instance: Instance, topics: string[] = []): Promise<string> {
  claimCount += 1;
  const { claim } = await mutate<{ claim: { id: string } }>(instance, CREATE_CLAIM, {
    text: `Live claim ${claimCount} ${Math.random().toString(36).slice(2)}`,
    topics,
  });
  return claim.id;
}

async function recordStatement(
  instance: Instance,
  claimId: string,
  actor: string,
  stance = "ASSERTS",
): Promise<string> {
  const { statement } = await mutate<{ statement: { id: string } }>(instance, RECORD_STATEMENT, {
    claimId,
    stance,
    quote: `${actor} said so`,
    actor: { name: actor, kind: "PERSON" },
    source: { url: `https://live.example/${encodeURIComponent(actor)}/${claimCount}`, title: "Live" },
  });
  return statement.id;
}

/**
 * The cursor of the latest event recorded: a subscription with `after` set to it receives
 * exactly what is recorded from now on. (Without `after`, a subscription starts where its
 * instance's feed stands, which may be just before events committed a moment ago: a
 * transaction still open anywhere on the PostgreSQL server holds the feed back.)
 */
async function now(): Promise<string> {
  const [row] = await prisma.$queryRaw<{ tx: string; id: string }[]>`
    SELECT e.tx_id::text AS tx, e.id::text AS id FROM audit_events e ORDER BY e.tx_id DESC, e.id DESC LIMIT 1`;
  return Buffer.from(`ev:${row!.tx}:${row!.id}`).toString("base64url");
}

/** Waits until `subscriber` has `count` events, then a little longer, and checks nothing more came. */
async function exactly(subscriber: Subscriber<EventData>, count: number, settleMs = 600) {
  await subscriber.waitFor(count, 10_000);
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  const got = events(subscriber);
  expect(got).toHaveLength(count);
  return got;
}

test("a burst of writes through one instance reaches a subscriber on the other in order, exactly once, within a second", async () => {
  const target = await createClaim(second);
  const merged = await createClaim(second);
  const subscriber = track(
    subscribe<EventData>(first.url, EVENTS, { key: adminKey, variables: { after: await now() } }),
  );
  await subscriber.connected;
  await new Promise((resolve) => setTimeout(resolve, 300));

  const statements = [
    await recordStatement(second, merged, "Burst Speaker One"),
    await recordStatement(second, merged, "Burst Speaker Two", "DENIES"),
  ];
  const { evidence } = await mutate<{ evidence: { id: string } }>(second, ADD_EVIDENCE, {
    claimId: merged,
    direction: "SUPPORTS",
    summary: "A satellite image",
    source: { url: "https://live.example/image", title: "Image" },
  });
  const { verdict } = await mutate<{ verdict: { id: string } }>(second, ADD_VERDICT, {
    claimId: merged,
    reviewer: { name: "Live Checker", kind: "FACT_CHECKER" },
    rating: "False",
    conclusion: "REFUTED",
    reviewedAt: "2024-06-20T00:00:00Z",
  });
  // An event's claim is resolved when it is delivered: these four before the merge, so their
  // claim is still the merged one (writes are fast enough to merge before any is delivered).
  await subscriber.waitFor(4, 10_000);
  await mutate(second, `mutation ($input: MergeClaimsInput!) { mergeClaims(input: $input) { userErrors { code } } }`, {
    sourceId: merged,
    targetId: target,
    reason: "duplicate",
  });
  const committed = Date.now();

  const got = await exactly(subscriber, 6);
  // The last event arrived within a second of the last commit.
  expect(subscriber.arrivals[5]! - committed).toBeLessThan(1_000);
  expect(got.map((event) => event.type)).toEqual([
    "STATEMENT_RECORDED",
    "STATEMENT_RECORDED",
    "EVIDENCE_ADDED",
    "VERDICT_PUBLISHED",
    "CLAIMS_MERGED",
    "CLAIM_UPDATED",
  ]);
  expect(got.slice(0, 2).map((event) => event.statement?.id)).toEqual(statements);
  expect(got[2]?.evidence?.id).toBe(evidence.id);
  expect(got[3]?.verdict?.id).toBe(verdict.id);
  // Each event's claim as it was when the event was delivered; the merge names both claims.
  expect(got.slice(0, 4).map((event) => event.claimId)).toEqual([merged, merged, merged, merged]);
  expect(got.slice(0, 4).map((event) => event.claim.id)).toEqual([merged, merged, merged, merged]);
  expect(got[4]).toMatchObject({ claimId: merged, mergedClaimId: merged, claim: { id: target } });
  expect(got[5]).toMatchObject({ claimId: target, mergedClaimId: null });
  expect(new Set(got.map((event) => event.cursor)).size).toBe(6);
  expect(got[0]?.changedBy).toMatch(/^live admin \(/);
});

test("concurrent writes through both instances reach subscribers on both, each once, in the same order", async () => {
  const claims = [await createClaim(first), await createClaim(second), await createClaim(first)];
  // Without `after`: the claims' creation may still come (see now()); the filter leaves it out.
  const filter = { claimIds: claims, types: ["STATEMENT_RECORDED"] };
  const onFirst = track(subscribe<EventData>(first.url, EVENTS, { key: viewerKey, variables: { filter } }));
  const onSecond = track(subscribe<EventData>(second.url, EVENTS, { variables: { filter } }));
  await Promise.all([onFirst.connected, onSecond.connected]);
  await new Promise((resolve) => setTimeout(resolve, 300));

  const written = await Promise.all(
    Array.from({ length: 12 }, (_, index) =>
      recordStatement(index % 2 === 0 ? first : second, claims[index % 3]!, `Concurrent Speaker ${index}`),
    ),
  );
  const [a, b] = await Promise.all([exactly(onFirst, 12), exactly(onSecond, 12)]);
  expect(a.map((event) => event.cursor)).toEqual(b.map((event) => event.cursor));
  expect(new Set(a.map((event) => event.statement?.id))).toEqual(new Set(written));
  expect(new Set(a.map((event) => event.cursor)).size).toBe(12);
});

test("a subscriber that reconnects with its last cursor receives exactly the events it missed, then live ones", async () => {
  const claimId = await createClaim(second);
  const before = track(
    subscribe<EventData>(first.url, EVENTS, {
      key: adminKey,
      variables: { filter: { claimIds: [claimId] }, after: await now() },
    }),
  );
  await before.connected;
  await new Promise((resolve) => setTimeout(resolve, 300));
  await recordStatement(second, claimId, "Before One");
  await recordStatement(second, claimId, "Before Two");
  const seen = await exactly(before, 2, 200);
  const lastCursor = seen.at(-1)!.cursor;
  await before.dispose();

  // Missed while disconnected.
  const missed = [];
  for (let index = 0; index < 3; index += 1) missed.push(await recordStatement(second, claimId, `Missed ${index}`));

  // Back, on the other instance, while writes go on.
  const after = track(
    subscribe<EventData>(second.url, EVENTS, {
      key: adminKey,
      variables: { filter: { claimIds: [claimId] }, after: lastCursor },
    }),
  );
  const live = [];
  for (let index = 0; index < 3; index += 1) live.push(await recordStatement(first, claimId, `Live ${index}`));
  const got = await exactly(after, 6);
  expect(got.map((event) => event.statement?.id)).toEqual([...missed, ...live]);
  expect(got.map((event) => event.cursor)).not.toContain(lastCursor);
});

test("an event of a transaction that commits late is neither skipped nor delivered twice", async () => {
  const claimId = await createClaim(second);
  const subscriber = track(
    subscribe<EventData>(first.url, EVENTS, {
      key: adminKey,
      variables: { filter: { claimIds: [claimId] }, after: await now() },
    }),
  );
  await subscriber.connected;
  await new Promise((resolve) => setTimeout(resolve, 300));
  // A writer that takes its event ID first and commits last (as a slow mutation does): reading
  // "IDs above the last one seen" would deliver the later event and skip this one for good.
  const { Client } = await import("pg");
  const slow = new Client({ connectionString: database.url });
  await slow.connect();
  try {
    await slow.query("BEGIN");
    const { rows } = await slow.query<{ id: string }>(
      `INSERT INTO audit_events (action, entity_type, entity_id, claim_id, actor_label)
       VALUES ('UPDATED', 'Claim', $1, $1, 'slow writer') RETURNING id::text AS id`,
      [Buffer.from(claimId, "base64url").toString("utf8").split(":")[1]],
    );
    const statementId = await recordStatement(second, claimId, "Fast Writer");
    // Committed, but behind the open transaction: held back, not delivered out of order.
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(subscriber.results).toHaveLength(0);
    await slow.query("COMMIT");
    const got = await exactly(subscriber, 2);
    expect(got.map((event) => event.type)).toEqual(["CLAIM_UPDATED", "STATEMENT_RECORDED"]);
    expect(got[1]?.statement?.id).toBe(statementId);
    expect(BigInt(rows[0]!.id)).toBeGreaterThan(0n);
  } finally {
    await slow.end();
  }
});

test("filters leave out the events that do not match", async () => {
  const alpha = await createClaim(second, ["live-alpha"]);
  const beta = await createClaim(second, ["live-beta"]);
  const { statement: known } = await mutate<{ statement: { actor: { id: string } } }>(second, RECORD_STATEMENT, {
    claimId: alpha,
    stance: "ASSERTS",
    quote: "first words",
    actor: { name: "Filter Actor", kind: "PERSON" },
    source: { url: "https://live.example/filter-actor", title: "Filter" },
  });
  const verdictOn = (claimId: string) =>
    mutate<{ verdict: { id: string } }>(second, ADD_VERDICT, {
      claimId,
      reviewer: { name: "Filter Checker", kind: "FACT_CHECKER" },
      rating: "False",
      conclusion: "REFUTED",
      reviewedAt: "2024-06-21T00:00:00Z",
    });
  await verdictOn(beta);

  const after = await now();
  const filtered = (filter: Record<string, unknown>) =>
    track(subscribe<EventData>(first.url, EVENTS, { key: viewerKey, variables: { filter, after } }));
  const all = filtered({ claimIds: [alpha, beta] });
  const byClaim = filtered({ claimIds: [alpha] });
  const byTopic = filtered({ topics: ["live-beta"] });
  const byType = filtered({ types: ["VERDICT_PUBLISHED"] });
  const byActor = filtered({ actorIds: [known.actor.id] });
  const byStatus = filtered({ statuses: ["REFUTED"], claimIds: [alpha, beta] });
  const combined = filtered({ claimIds: [alpha], types: ["EVIDENCE_ADDED"] });
  await Promise.all([all, byClaim, byTopic, byType, byActor, byStatus, combined].map((s) => s.connected));
  await new Promise((resolve) => setTimeout(resolve, 300));

  const a = await recordStatement(second, alpha, "Other Person");
  const b = await recordStatement(second, beta, "Filter Actor", "DENIES");
  const { verdict: c } = await verdictOn(beta);
  const { evidence: d } = await mutate<{ evidence: { id: string } }>(second, ADD_EVIDENCE, {
    claimId: alpha,
    direction: "CONTRADICTS",
    summary: "A report",
    source: { url: "https://live.example/report", title: "Report" },
  });
  const ids = (subscriber: Subscriber<EventData>) =>
    events(subscriber).map((event) => event.statement?.id ?? event.verdict?.id ?? event.evidence?.id);

  await exactly(all, 4);
  expect(ids(all)).toEqual([a, b, c.id, d.id]);
  expect(ids(byClaim)).toEqual([a, d.id]);
  expect(ids(byTopic)).toEqual([b, c.id]);
  expect(ids(byType)).toEqual([c.id]);
  expect(ids(byActor)).toEqual([b]);
  expect(ids(byStatus)).toEqual([b, c.id]);
  expect(ids(combined)).toEqual([d.id]);
});

test("an anonymous subscriber sees what an anonymous reader may see", async () => {
  const claimId = await createClaim(second);
  const variables = { filter: { claimIds: [claimId] }, after: await now() };
  const anonymous = track(subscribe<EventData>(first.url, EVENTS, { variables }));
  const admin = track(subscribe<EventData>(first.url, EVENTS, { key: adminKey, variables }));
  await Promise.all([anonymous.connected, admin.connected]);
  await new Promise((resolve) => setTimeout(resolve, 300));
  const statementId = await recordStatement(second, claimId, "Anonymous Reader Subject");

  const [seen] = await exactly(anonymous, 1, 200);
  expect(seen).toMatchObject({ type: "STATEMENT_RECORDED", claim: { id: claimId }, statement: { id: statementId } });
  // Who made the change: only the kind of author, as AuditEvent.changedBy shows anonymous readers.
  expect(seen?.changedBy).toBe("api-key (ADMIN)");
  const [full] = await exactly(admin, 1, 0);
  expect(full?.changedBy).toMatch(/^live admin \(/);

  // What anonymous readers may not read over HTTP, they may not read here either (no such field).
  const sneaky = track(subscribe(first.url, `subscription { claimEvents { cursor viewer { apiKey { id } } } }`));
  await sneaky.ended();
  expect(errorCodes(sneaky.error)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
});

test("refusals carry the codes HTTP uses", async () => {
  const refused = async (query: string, variables?: Record<string, unknown>, key?: string) => {
    const subscriber = track(subscribe(first.url, query, { variables, key }));
    await subscriber.ended();
    return errorCodes(subscriber.error);
  };
  // Cost: 100 statements, each with 100 of its actor's statements, each with 100 more.
  const costly = `subscription { claimEvents { claim { statements(first: 100) { actor { statements(first: 100) {
    actor { statements(first: 100) { id } } } } } } } }`;
  expect(await refused(costly)).toEqual(["QUERY_TOO_COMPLEX"]);
  const deep = `subscription { claimEvents { claim { statements { claim { statements { claim { statements { claim {
    statements { claim { statements { claim { id } } } } } } } } } } } } }`;
  expect(await refused(deep)).toEqual(["QUERY_TOO_DEEP"]);
  expect(await refused("subscription { claimEvents { cursor ")).toEqual(["GRAPHQL_PARSE_FAILED"]);
  expect(await refused("{ claims(first: 1) { totalCount } }")).toEqual(["BAD_REQUEST"]);
  expect(await refused(EVENTS, { after: "not-a-cursor" })).toEqual(["BAD_USER_INPUT"]);
  expect(await refused(EVENTS, { filter: { claimIds: ["nope"] } })).toEqual(["BAD_USER_INPUT"]);
  expect(await refused(EVENTS, { filter: { types: ["NOPE"] } })).toEqual(["BAD_USER_INPUT"]);

  // A cursor from before the replay window (an event recorded 8 days ago).
  const [old] = await prisma.$queryRaw<{ tx: string; id: string }[]>`
    INSERT INTO audit_events (action, entity_type, entity_id, actor_label, occurred_at)
    VALUES ('CREATED', 'Actor', gen_random_uuid(), 'old import', now() - interval '8 days')
    RETURNING tx_id::text AS tx, id::text AS id`;
  const expired = Buffer.from(`ev:${old!.tx}:${old!.id}`).toString("base64url");
  const subscriber = track(subscribe(first.url, EVENTS, { variables: { after: expired } }));
  await subscriber.ended();
  expect(errorCodes(subscriber.error)).toEqual(["CURSOR_EXPIRED"]);
  expect((subscriber.error as { message: string }[])[0]?.message).toMatch(/Read the claims again/);
});

test("a bad key closes the connection with 4401; a good one is acknowledged", async () => {
  const bad = track(subscribe(first.url, EVENTS, { key: "ct_live_not_a_key" }));
  expect((await bad.waitClosed()).code).toBe(4401);
  const malformed = track(subscribe(first.url, EVENTS, { connectionParams: { authorization: 42 } }));
  expect((await malformed.waitClosed()).code).toBe(4400);
  const good = track(subscribe(first.url, EVENTS, { key: viewerKey }));
  await good.connected;
  expect(good.closed).toBeNull();
});

test("a client may hold a bounded number of subscriptions, then is refused with TOO_MANY_SUBSCRIPTIONS", async () => {
  const key = await keyMaker(database.url).createKey("VIEWER", "many subscriptions");
  const held = Array.from({ length: 100 }, () =>
    track(subscribe(first.url, `subscription { claimEvents { cursor } }`, { key })),
  );
  await Promise.all(held.map((subscriber) => subscriber.connected));
  // All 100 are open once each has received an event.
  await new Promise((resolve) => setTimeout(resolve, 300));
  await createClaim(second);
  await Promise.all(held.map((subscriber) => subscriber.waitFor(1, 10_000)));
  const extra = track(subscribe(first.url, `subscription { claimEvents { cursor } }`, { key }));
  await extra.ended();
  expect(errorCodes(extra.error)).toEqual(["TOO_MANY_SUBSCRIPTIONS"]);
  // The other instance counts its own.
  const elsewhere = track(subscribe(second.url, `subscription { claimEvents { cursor } }`, { key }));
  await elsewhere.connected;
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(elsewhere.error).toBeUndefined();
  // One gone, one more fits.
  await held[0]!.dispose();
  await new Promise((resolve) => setTimeout(resolve, 300));
  const again = track(subscribe(first.url, `subscription { claimEvents { cursor } }`, { key }));
  await again.connected;
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(again.error).toBeUndefined();
});

test("a subscription sent over HTTP is refused with BAD_REQUEST", async () => {
  const response = await fetch(first.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "subscription { claimEvents { cursor } }" }),
  });
  expect(response.status).toBe(400);
  const body = (await response.json()) as GraphQLResponse;
  expect(body.errors?.map((error) => error.extensions?.code)).toEqual(["BAD_REQUEST"]);
});

test("only /graphql upgrades to a WebSocket", async () => {
  const { default: WebSocket } = await import("ws");
  const status = await new Promise<number>((resolve, reject) => {
    const socket = new WebSocket(`${first.origin.replace("http", "ws")}/elsewhere`, "graphql-transport-ws");
    socket.on("unexpected-response", (_request, response) => resolve(response.statusCode ?? 0));
    socket.on("open", () => reject(new Error("opened")));
    socket.on("error", () => undefined);
  });
  expect(status).toBe(404);
});

test("SIGTERM closes subscriptions with 1001 (going away)", async () => {
  const subscriber = track(subscribe(second.url, EVENTS));
  await subscriber.connected;
  expect(await second.stop()).toBe(0);
  const closed = await subscriber.waitClosed();
  expect(closed.code).toBe(1001);
});
