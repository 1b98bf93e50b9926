// Webhooks end to end: endpoints registered through the API, deliveries written with each
// change and sent by the graphile-worker task to a real local receiver that verifies the
// Standard Webhooks signature; retries after a failure; deliveries queued while no worker
// runs arriving after a restart; the delivery log; permissions.
import { Webhook } from "standardwebhooks";
import { decodeIdOfType } from "../src/shared/global-id";
import { ADD_VERDICT, CREATE_CLAIM, RECORD_STATEMENT, expectNoUserErrors } from "./helpers/operations";
import { dataOf, startTestServer, type TestServer } from "./helpers/test-server";
import { startWebhookReceiver, type WebhookReceiver } from "./helpers/webhook-receiver";

const USER_ERRORS = "userErrors { field message code }";
const CREATE_ENDPOINT = `mutation ($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { endpoint { id url description eventTypes active } secret ${USER_ERRORS} } }`;
const UPDATE_ENDPOINT = `mutation ($input: UpdateWebhookEndpointInput!) {
  updateWebhookEndpoint(input: $input) { endpoint { id url description eventTypes active } ${USER_ERRORS} } }`;
const DELETE_ENDPOINT = `mutation ($input: DeleteWebhookEndpointInput!) {
  deleteWebhookEndpoint(input: $input) { deletedId ${USER_ERRORS} } }`;
const DELIVERY_FIELDS = `id eventType payload status attemptCount lastStatusCode lastError lastAttemptAt deliveredAt createdAt
  endpoint { id url } attempts { number startedAt durationMs statusCode error succeeded }`;
const DELIVERIES = `query ($endpointId: ID, $status: WebhookDeliveryStatus, $first: Int) {
  webhookDeliveries(endpointId: $endpointId, status: $status, first: $first) { ${DELIVERY_FIELDS} } }`;
const ENDPOINTS = `{ webhookEndpoints { id url eventTypes active deliveries(first: 10) { ${DELIVERY_FIELDS} } } }`;

let server: TestServer;
let receiver: WebhookReceiver;
let adminKey: string;

beforeAll(async () => {
  [server, receiver] = await Promise.all([startTestServer({ webhookWorker: true }), startWebhookReceiver()]);
  adminKey = server.adminKey;
});
afterAll(async () => {
  await server.close();
  await receiver.close();
});

async function createEndpoint(path: string, eventTypes: string[], on: TestServer = server) {
  const payload = dataOf(
    await on.gql(CREATE_ENDPOINT, { input: { url: receiver.url(path), description: `receiver ${path}`, eventTypes } }),
  ).createWebhookEndpoint;
  expectNoUserErrors(payload);
  receiver.expectSecret(path, payload.secret);
  return { id: payload.endpoint.id as string, secret: payload.secret as string };
}

async function createClaim(text: string, on: TestServer = server): Promise<string> {
  const payload = dataOf(await on.gql(CREATE_CLAIM, { input: { text } })).createClaim;
  expectNoUserErrors(payload);
  return payload.claim.id;
}

async function deliveriesOf(endpointId: string, on: TestServer = server): Promise<any[]> {
  return dataOf(await on.gql(DELIVERIES, { endpointId, first: 100 }, { key: on.adminKey })).webhookDeliveries;
}

/** Waits until none of the endpoint's deliveries is PENDING any more; returns them. */
async function settledDeliveriesOf(endpointId: string, on: TestServer = server, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const deliveries = await deliveriesOf(endpointId, on);
    if (deliveries.length > 0 && deliveries.every((delivery) => delivery.status !== "PENDING")) return deliveries;
    if (Date.now() > deadline) throw new Error(`deliveries still pending: ${JSON.stringify(deliveries, null, 2)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Jobs still to run (graphile-worker keeps permanently failed ones, with attempts = max_attempts). */
async function jobCount(on: TestServer, key?: string): Promise<number> {
  const [row] = await on.prisma.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM graphile_worker.jobs
    WHERE attempts < max_attempts AND (${key ?? null}::text IS NULL OR key = ${key ?? null})`;
  return row?.count ?? 0;
}

describe("registering endpoints", () => {
  test("an admin gets a Standard Webhooks secret once; it stays out of the audit log", async () => {
    // Every URL in this file is the local receiver's: the worker really sends to them.
    const url = receiver.url("/registered");
    const payload = dataOf(
      await server.gql(CREATE_ENDPOINT, { input: { url, eventTypes: ["CLAIM_CREATED", "CLAIM_CREATED"] } }),
    ).createWebhookEndpoint;
    expectNoUserErrors(payload);
    receiver.expectSecret("/registered", payload.secret);
    expect(payload.endpoint).toMatchObject({ url, eventTypes: ["CLAIM_CREATED"], active: true });
    expect(payload.secret).toMatch(/^whsec_[A-Za-z0-9+/]+={0,2}$/);
    expect(Buffer.from(payload.secret.slice("whsec_".length), "base64")).toHaveLength(32);
    // The secret is usable by the standardwebhooks package as it is.
    expect(() => new Webhook(payload.secret)).not.toThrow();

    const id = decodeIdOfType(payload.endpoint.id, "WebhookEndpoint");
    expect(id).not.toBeNull();
    const audit = await server.prisma.auditEvent.findMany({ where: { entityType: "WebhookEndpoint", entityId: id! } });
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after).toMatchObject({ url });
    expect(JSON.stringify(audit[0]?.after)).not.toContain(payload.secret.slice("whsec_".length));
    expect(audit[0]?.after).not.toHaveProperty("secret");

    const stored = await server.prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: id! } });
    expect(stored.secret).toBe(payload.secret);
  });

  test("a URL that is not http(s) and an empty event list are refused with userErrors, and nothing is stored", async () => {
    const before = await server.prisma.webhookEndpoint.count();
    const badUrl = dataOf(
      await server.gql(CREATE_ENDPOINT, {
        input: { url: "ftp://files.example.org/in", eventTypes: ["CLAIM_CREATED"] },
      }),
    ).createWebhookEndpoint;
    expect(badUrl.endpoint).toBeNull();
    expect(badUrl.secret).toBeNull();
    expect(badUrl.userErrors).toEqual([expect.objectContaining({ field: "input.url", code: "INVALID" })]);
    const noEvents = dataOf(
      await server.gql(CREATE_ENDPOINT, { input: { url: receiver.url("/never"), eventTypes: [] } }),
    ).createWebhookEndpoint;
    expect(noEvents.userErrors).toEqual([expect.objectContaining({ field: "input.eventTypes" })]);
    expect(await server.prisma.webhookEndpoint.count()).toBe(before);
  });

  test("an endpoint's URL, events and description can be changed, and a deleted endpoint is gone", async () => {
    const { id } = await createEndpoint("/edited", ["CLAIM_CREATED"]);
    const updated = dataOf(
      await server.gql(UPDATE_ENDPOINT, {
        input: {
          id,
          url: receiver.url("/edited-2"),
          eventTypes: ["CLAIM_UPDATED", "VERDICT_PUBLISHED"],
          description: " ",
        },
      }),
    ).updateWebhookEndpoint;
    expectNoUserErrors(updated);
    expect(updated.endpoint).toMatchObject({
      id,
      url: receiver.url("/edited-2"),
      description: null,
      eventTypes: ["CLAIM_UPDATED", "VERDICT_PUBLISHED"],
      active: true,
    });
    const badUpdate = dataOf(
      await server.gql(UPDATE_ENDPOINT, { input: { id, eventTypes: [] } }),
    ).updateWebhookEndpoint;
    expect(badUpdate.userErrors).toEqual([expect.objectContaining({ field: "input.eventTypes" })]);

    const deleted = dataOf(await server.gql(DELETE_ENDPOINT, { input: { id } })).deleteWebhookEndpoint;
    expect(deleted).toEqual({ deletedId: id, userErrors: [] });
    const again = dataOf(await server.gql(DELETE_ENDPOINT, { input: { id } })).deleteWebhookEndpoint;
    expect(again.userErrors).toEqual([expect.objectContaining({ field: "input.id", code: "NOT_FOUND" })]);
    const listed = dataOf(await server.gql(ENDPOINTS, {}, { key: adminKey })).webhookEndpoints;
    expect(listed.map((endpoint: any) => endpoint.id)).not.toContain(id);
  });
});

describe("deliveries", () => {
  test("subscribed events arrive signed with the endpoint's secret; unsubscribed ones are never queued", async () => {
    const claims = await createEndpoint("/claims", ["CLAIM_CREATED", "STATEMENT_RECORDED"]);
    const verdicts = await createEndpoint("/verdicts", ["VERDICT_PUBLISHED"]);

    const claimId = await createClaim("The river flooded the old town in 1911.");
    const recorded = dataOf(
      await server.gql(RECORD_STATEMENT, {
        input: {
          claimId,
          stance: "ASSERTS",
          actor: { name: "Town Archive", kind: "ORGANIZATION" },
          source: { url: "https://archive.example.org/flood-1911", title: "The 1911 flood" },
          quote: "The river flooded the old town.",
        },
      }),
    ).recordStatement;
    expectNoUserErrors(recorded);

    const received = await receiver.waitForRequests("/claims", 2);
    for (const request of received) {
      expect(request.verifyError).toBeNull();
      expect(request.headers["content-type"]).toBe("application/json");
      // A wrong secret does not verify: the signature really is the endpoint's.
      expect(() => new Webhook(verdicts.secret).verify(request.body, request.headers)).toThrow();
    }
    const byType = Object.fromEntries(received.map((request) => [request.payload.type, request]));
    expect(Object.keys(byType).sort()).toEqual(["claim.created", "statement.recorded"]);
    expect(byType["claim.created"]!.payload).toMatchObject({
      type: "claim.created",
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      data: {
        action: "CREATED",
        entity: { type: "Claim", id: claimId },
        claimId,
        after: { text: "The river flooded the old town in 1911." },
      },
    });
    expect(byType["statement.recorded"]!.payload.data).toMatchObject({
      action: "CREATED",
      entity: { type: "Statement", id: recorded.statement.id },
      claimId,
      // With global IDs, as the API gives them.
      after: { id: recorded.statement.id, claimId, quote: "The river flooded the old town.", stance: "ASSERTS" },
    });

    // The log agrees: the webhook-id header is the delivery's ID; one attempt each.
    const log = await settledDeliveriesOf(claims.id);
    expect(log.map((delivery) => delivery.eventType).sort()).toEqual(["CLAIM_CREATED", "STATEMENT_RECORDED"]);
    for (const delivery of log) {
      expect(delivery).toMatchObject({ status: "SUCCEEDED", attemptCount: 1, lastStatusCode: 200, lastError: null });
      expect(delivery.attempts).toEqual([expect.objectContaining({ number: 1, statusCode: 200, succeeded: true })]);
      expect(received.find((request) => request.headers["webhook-id"] === delivery.id)?.body).toBe(
        JSON.stringify(delivery.payload),
      );
    }
    // The verdict endpoint was subscribed to neither event: nothing was queued for it.
    expect(await deliveriesOf(verdicts.id)).toEqual([]);

    // A verdict goes to the verdict endpoint only: the claims endpoint is not subscribed to it.
    const verdict = dataOf(
      await server.gql(ADD_VERDICT, {
        input: {
          claimId,
          reviewer: { name: "Flood Facts", kind: "ORGANIZATION" },
          rating: "True",
          conclusion: "SUPPORTED",
          reviewedAt: "2026-01-05T00:00:00Z",
        },
      }),
    ).addVerdict;
    expectNoUserErrors(verdict);
    const [verdictRequest] = await receiver.waitForRequests("/verdicts", 1);
    expect(verdictRequest!.verifyError).toBeNull();
    expect(verdictRequest!.payload).toMatchObject({
      type: "verdict.published",
      data: { entity: { type: "Verdict", id: verdict.verdict.id }, claimId },
    });
    expect((await deliveriesOf(claims.id)).map((delivery) => delivery.eventType).sort()).toEqual([
      "CLAIM_CREATED",
      "STATEMENT_RECORDED",
    ]);
    expect(receiver.requests("/claims")).toHaveLength(2);
  });

  test("a delivery the receiver fails is retried with the same webhook-id and both attempts are logged", async () => {
    const endpoint = await createEndpoint("/flaky", ["CLAIM_CREATED"]);
    receiver.respondWith("/flaky", [500]);
    await createClaim("A claim whose first delivery fails.");

    const [first, second] = await receiver.waitForRequests("/flaky", 2, 20_000);
    expect(first!.answeredWith).toBe(500);
    expect(second!.answeredWith).toBe(200);
    for (const request of [first!, second!]) expect(request.verifyError).toBeNull();
    expect(second!.headers["webhook-id"]).toBe(first!.headers["webhook-id"]);
    expect(second!.body).toBe(first!.body);

    const [delivery] = await settledDeliveriesOf(endpoint.id);
    expect(delivery).toMatchObject({
      id: first!.headers["webhook-id"],
      status: "SUCCEEDED",
      attemptCount: 2,
      lastStatusCode: 200,
      lastError: null,
      endpoint: { id: endpoint.id, url: receiver.url("/flaky") },
    });
    expect(delivery.deliveredAt).not.toBeNull();
    expect(delivery.attempts).toEqual([
      expect.objectContaining({ number: 1, statusCode: 500, succeeded: false, error: "HTTP 500: receiver failure" }),
      expect.objectContaining({ number: 2, statusCode: 200, succeeded: true, error: null }),
    ]);
    // The status filter finds it among the succeeded deliveries, not among the failed.
    const succeeded = dataOf(await server.gql(DELIVERIES, { status: "SUCCEEDED", first: 100 }, { key: adminKey }));
    expect(succeeded.webhookDeliveries.map((d: any) => d.id)).toContain(delivery.id);
    const failed = dataOf(await server.gql(DELIVERIES, { status: "FAILED" }, { key: adminKey }));
    expect(failed.webhookDeliveries.map((d: any) => d.id)).not.toContain(delivery.id);
  });

  test("listing every endpoint with its deliveries and their attempts takes a fixed number of SQL statements", async () => {
    // Everything sent so far has settled, so the worker sends no SQL through this client meanwhile.
    const endpoints = dataOf(await server.gql(ENDPOINTS, {}, { key: adminKey })).webhookEndpoints;
    expect(endpoints.filter((endpoint: any) => endpoint.deliveries.length > 0).length).toBeGreaterThanOrEqual(3);
    expect(endpoints.every((e: any) => e.deliveries.every((d: any) => d.status !== "PENDING"))).toBe(true);
    const { statements } = await server.countSql(() => server.gql(ENDPOINTS, {}, { key: adminKey }));
    // The key's lookup, the endpoints, their deliveries, the deliveries' attempts (the
    // deliveries' endpoints come from the list already loaded).
    expect(statements).toBeLessThanOrEqual(4);
  });

  test("a mutation refused for bad input queues no delivery", async () => {
    await createEndpoint("/refused", ["CLAIM_CREATED", "STATEMENT_RECORDED"]);
    const deliveriesBefore = await server.prisma.webhookDelivery.count();
    const jobsBefore = await jobCount(server);
    const refused = dataOf(await server.gql(CREATE_CLAIM, { input: { text: "   " } })).createClaim;
    expect(refused.userErrors).toEqual([expect.objectContaining({ field: "input.text" })]);
    const unknownClaim = dataOf(
      await server.gql(RECORD_STATEMENT, {
        input: {
          claimId: "Q2xhaW06MDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAw",
          stance: "DENIES",
          actor: { name: "Nobody", kind: "PERSON" },
          source: { url: "https://nowhere.example.org/" },
        },
      }),
    ).recordStatement;
    expect(unknownClaim.userErrors).toEqual([expect.objectContaining({ field: "input.claimId" })]);
    expect(await server.prisma.webhookDelivery.count()).toBe(deliveriesBefore);
    expect(await jobCount(server)).toBeLessThanOrEqual(jobsBefore);
    expect(receiver.requests("/refused")).toEqual([]);
  });
});

describe("a restart", () => {
  test("deliveries queued while no worker ran arrive once a server with the worker starts on the same database", async () => {
    const first = await startTestServer();
    let second: TestServer | null = null;
    try {
      const pending = await createEndpoint("/restart", ["CLAIM_CREATED"], first);
      const doomed = await createEndpoint("/restart-doomed", ["CLAIM_CREATED"], first);
      const paused = await createEndpoint("/restart-paused", ["CLAIM_CREATED"], first);
      const deleted = await createEndpoint("/restart-deleted", ["CLAIM_CREATED"], first);
      const claimId = await createClaim("A claim recorded while no worker runs.", first);

      const queued = await first.prisma.webhookDelivery.findMany();
      expect(queued).toHaveLength(4);
      expect(queued.every((delivery) => delivery.status === "PENDING")).toBe(true);
      expect(await jobCount(first)).toBe(4);
      const deliveryOf = (endpoint: { id: string }) =>
        queued.find((d) => d.endpointId === decodeIdOfType(endpoint.id, "WebhookEndpoint"))!;

      // The doomed endpoint always fails, and its job has one attempt left: it ends FAILED.
      receiver.respondWith("/restart-doomed", [503]);
      await first.prisma.$queryRaw`
        SELECT graphile_worker.add_job('deliver_webhook', json_build_object('deliveryId', ${deliveryOf(doomed).id}::text),
                                       max_attempts := 1, job_key := ${deliveryOf(doomed).id}::text)`;
      // Paused and deleted endpoints get nothing, though their jobs were queued.
      expectNoUserErrors(
        dataOf(await first.gql(UPDATE_ENDPOINT, { input: { id: paused.id, active: false } })).updateWebhookEndpoint,
      );
      expectNoUserErrors(dataOf(await first.gql(DELETE_ENDPOINT, { input: { id: deleted.id } })).deleteWebhookEndpoint);
      await first.close({ keepDatabase: true });

      second = await startTestServer({ database: first.database, webhookWorker: true });
      const [request] = await receiver.waitForRequests("/restart", 1);
      expect(request!.verifyError).toBeNull();
      expect(request!.payload).toMatchObject({ type: "claim.created", data: { claimId } });

      const [sent] = await settledDeliveriesOf(pending.id, second);
      expect(sent).toMatchObject({ status: "SUCCEEDED", attemptCount: 1, id: request!.headers["webhook-id"] });
      const [failed] = await settledDeliveriesOf(doomed.id, second);
      expect(failed).toMatchObject({ status: "FAILED", attemptCount: 1, lastStatusCode: 503 });
      expect(failed.attempts).toEqual([expect.objectContaining({ number: 1, statusCode: 503, succeeded: false })]);
      const [notSent] = await settledDeliveriesOf(paused.id, second);
      expect(notSent).toMatchObject({
        status: "FAILED",
        attemptCount: 0,
        lastError: "Not sent: the endpoint is paused.",
      });
      expect(notSent.attempts).toEqual([]);
      // The deleted endpoint's delivery went with it; its job ends without a request.
      const deadline = Date.now() + 15_000;
      while ((await jobCount(second, deliveryOf(deleted).id)) > 0) {
        if (Date.now() > deadline) throw new Error("the deleted endpoint's job is still queued");
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(receiver.requests("/restart-paused")).toEqual([]);
      expect(receiver.requests("/restart-deleted")).toEqual([]);
      expect(receiver.requests("/restart-doomed")).toHaveLength(1);
      expect(await jobCount(second)).toBe(0);
    } finally {
      await (second ?? first).close();
    }
  });
});

describe("permissions", () => {
  test("endpoints and deliveries need MANAGE_WEBHOOKS: other keys are FORBIDDEN, no key UNAUTHENTICATED", async () => {
    const { id } = await createEndpoint("/guarded", ["CLAIM_UPDATED"]);
    const editorKey = await server.createKey("EDITOR");
    const scopedAdminKey = await server.createKey("ADMIN", ["MANAGE_KEYS"]);
    const operations: [string, Record<string, unknown>][] = [
      [CREATE_ENDPOINT, { input: { url: receiver.url("/never"), eventTypes: ["CLAIM_CREATED"] } }],
      [UPDATE_ENDPOINT, { input: { id, active: false } }],
      [DELETE_ENDPOINT, { input: { id } }],
      [ENDPOINTS, {}],
      [DELIVERIES, {}],
    ];
    for (const [query, variables] of operations) {
      for (const key of [editorKey, scopedAdminKey]) {
        const response = await server.gql(query, variables, { key });
        expect(response.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", permission: "MANAGE_WEBHOOKS" });
      }
      const anonymous = await server.gql(query, variables, { key: null });
      expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    }
    const endpoint = await server.prisma.webhookEndpoint.findUniqueOrThrow({
      where: { id: decodeIdOfType(id, "WebhookEndpoint")! },
    });
    expect(endpoint.active).toBe(true);
  });
});
