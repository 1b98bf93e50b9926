// Webhook targets, with private targets not allowed (the default outside tests): endpoints
// on loopback, private and other special-use addresses are refused at registration however
// the address is spelled, and so are names that resolve to one; a name that resolved to a
// public address at registration but resolves inside by delivery time is refused then,
// logged as a failed attempt, and nothing is sent. The test controls DNS through the guard's
// resolver: no name here is looked up on the network.
import type { Resolver } from "../src/modules/webhook/target-guard";
import { systemResolver } from "../src/modules/webhook/target-guard";
import { CREATE_CLAIM, expectNoUserErrors } from "./helpers/operations";
import { dataOf, startTestServer, type TestServer } from "./helpers/test-server";
import { startWebhookReceiver, type WebhookReceiver } from "./helpers/webhook-receiver";

const CREATE_ENDPOINT = `mutation ($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { endpoint { id url } secret userErrors { field message code } } }`;
const UPDATE_ENDPOINT = `mutation ($input: UpdateWebhookEndpointInput!) {
  updateWebhookEndpoint(input: $input) { endpoint { id url } userErrors { field message code } } }`;
const DELIVERIES = `query ($endpointId: ID) { webhookDeliveries(endpointId: $endpointId) {
  status attemptCount lastError attempts { number statusCode error succeeded } } }`;

/** The test's DNS: names set here, `localhost` from /etc/hosts, anything else does not resolve. */
const zone = new Map<string, string[]>();
const resolve: Resolver = (hostname) => {
  if (hostname === "localhost") return systemResolver(hostname);
  const addresses = zone.get(hostname);
  if (!addresses) {
    return Promise.reject(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" }));
  }
  return Promise.resolve(addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 })));
};

let server: TestServer;
let receiver: WebhookReceiver;
let port: string;

beforeAll(async () => {
  [server, receiver] = await Promise.all([
    startTestServer({ webhookWorker: true, webhookTargets: { allowPrivate: false, resolve } }),
    startWebhookReceiver(),
  ]);
  port = new URL(receiver.url("/")).port;
});
afterAll(async () => {
  await server.close();
  await receiver.close();
});

async function register(url: string) {
  return dataOf(await server.gql(CREATE_ENDPOINT, { input: { url, eventTypes: ["CLAIM_CREATED"] } }))
    .createWebhookEndpoint;
}

const SPECIAL_USE = /^must not point to a loopback, private or other special-use address: /;

describe("registration", () => {
  test.each([
    ["127.0.0.1", "127.0.0.1 is a loopback address"],
    ["0x7f.0.0.1", "127.0.0.1 is a loopback address"],
    ["2130706433", "127.0.0.1 is a loopback address"],
    ["017700000001", "127.0.0.1 is a loopback address"],
    ["127.1", "127.0.0.1 is a loopback address"],
    ["10.0.0.1", "10.0.0.1 is a private address"],
    ["172.16.5.4", "172.16.5.4 is a private address"],
    ["172.31.0.1", "172.31.0.1 is a private address"],
    ["192.168.1.1", "192.168.1.1 is a private address"],
    ["169.254.169.254", "169.254.169.254 is a link-local address"],
    ["0.0.0.0", "0.0.0.0 is an unspecified address"],
    ["100.64.0.1", "100.64.0.1 is a carrier-grade NAT address"],
    ["224.0.0.1", "224.0.0.1 is a multicast address"],
    ["255.255.255.255", "255.255.255.255 is a broadcast address"],
    ["[::1]", "::1 is a loopback address"],
    ["[::]", ":: is an unspecified address"],
    ["[fc00::1]", "fc00::1 is a unique local address"],
    ["[fd12:3456::1]", "fd12:3456::1 is a unique local address"],
    ["[fe80::1]", "fe80::1 is a link-local address"],
    ["[::ffff:127.0.0.1]", "::ffff:7f00:1 is a loopback address"],
    ["[::ffff:192.168.0.1]", "::ffff:c0a8:1 is a private address"],
  ])("an endpoint on %s is refused with a userError on input.url", async (host, reason) => {
    const before = await server.prisma.webhookEndpoint.count();
    const payload = await register(`http://${host}:${port}/inside`);
    expect(payload.endpoint).toBeNull();
    expect(payload.secret).toBeNull();
    expect(payload.userErrors).toEqual([{ field: "input.url", code: "INVALID", message: expect.any(String) }]);
    expect(payload.userErrors[0].message).toMatch(SPECIAL_USE);
    expect(payload.userErrors[0].message).toContain(reason);
    expect(await server.prisma.webhookEndpoint.count()).toBe(before);
  });

  test("a name that resolves to loopback (localhost) is refused", async () => {
    const payload = await register(`http://localhost:${port}/inside`);
    expect(payload.endpoint).toBeNull();
    expect(payload.userErrors).toEqual([
      {
        field: "input.url",
        code: "INVALID",
        message: expect.stringMatching(/^must not point to .*: localhost resolves to (127\.0\.0\.1|::1), a loopback/),
      },
    ]);
  });

  test("a name with any private address among public ones is refused, and so is a name that does not resolve", async () => {
    zone.set("split.example.test", ["93.184.215.14", "10.20.30.40"]);
    const split = await register("https://split.example.test/hook");
    expect(split.userErrors[0]).toMatchObject({ field: "input.url", code: "INVALID" });
    expect(split.userErrors[0].message).toContain("split.example.test resolves to 10.20.30.40, a private address");
    const unknown = await register("https://unknown.example.test/hook");
    expect(unknown.userErrors).toEqual([
      {
        field: "input.url",
        code: "INVALID",
        message: "must name a host that resolves: unknown.example.test does not resolve (ENOTFOUND)",
      },
    ]);
  });

  test("changing an endpoint's URL to an inside address is refused too", async () => {
    zone.set("public.example.test", ["93.184.215.14"]);
    const created = await register("https://public.example.test/hook");
    expectNoUserErrors(created);
    const moved = dataOf(
      await server.gql(UPDATE_ENDPOINT, { input: { id: created.endpoint.id, url: "http://[::ffff:10.0.0.1]/hook" } }),
    ).updateWebhookEndpoint;
    expect(moved.endpoint).toBeNull();
    expect(moved.userErrors[0]).toMatchObject({ field: "input.url", code: "INVALID" });
    expect(moved.userErrors[0].message).toMatch(SPECIAL_USE);
    // Paused, so no later test's change is ever sent towards the public address.
    expectNoUserErrors(
      dataOf(await server.gql(UPDATE_ENDPOINT, { input: { id: created.endpoint.id, active: false } }))
        .updateWebhookEndpoint,
    );
  });
});

describe("delivery", () => {
  test("a name that now resolves inside is refused at delivery time: one failed attempt logged, nothing sent, no retry", async () => {
    // At registration the name is public...
    zone.set("rebound.example.test", ["93.184.215.14"]);
    const created = await register(`http://rebound.example.test:${port}/rebound`);
    expectNoUserErrors(created);
    receiver.expectSecret("/rebound", created.secret);
    // ...and before anything is sent it points at the receiver on loopback (DNS rebinding).
    zone.set("rebound.example.test", ["127.0.0.1"]);

    const claim = dataOf(
      await server.gql(CREATE_CLAIM, { input: { text: "A claim announced to a rebound name." } }),
    ).createClaim;
    expectNoUserErrors(claim);

    const deadline = Date.now() + 15_000;
    let deliveries: any[] = [];
    for (;;) {
      deliveries = dataOf(
        await server.gql(DELIVERIES, { endpointId: created.endpoint.id }, { key: server.adminKey }),
      ).webhookDeliveries;
      if (deliveries.length > 0 && deliveries.every((delivery) => delivery.status !== "PENDING")) break;
      if (Date.now() > deadline) throw new Error(`delivery still pending: ${JSON.stringify(deliveries)}`);
      await new Promise((done) => setTimeout(done, 100));
    }
    const reason =
      "Refused: rebound.example.test resolves to 127.0.0.1, a loopback address; webhooks may not reach loopback, " +
      "private or other special-use addresses (WEBHOOK_ALLOW_PRIVATE_TARGETS).";
    expect(deliveries).toEqual([
      {
        status: "FAILED",
        attemptCount: 1,
        lastError: reason,
        attempts: [{ number: 1, statusCode: null, error: reason, succeeded: false }],
      },
    ]);
    expect(receiver.requests("/rebound")).toEqual([]);
    // The job ended: a refused target is not retried. (The worker records the attempt, then
    // completes the job: on a busy machine the job may still be there a moment.)
    const pendingJobs = async () =>
      (
        await server.prisma.$queryRaw<{ count: number }[]>`
          SELECT count(*)::int AS count FROM graphile_worker.jobs WHERE attempts < max_attempts`
      )[0]?.count;
    const jobsDeadline = Date.now() + 5_000;
    while ((await pendingJobs()) !== 0 && Date.now() < jobsDeadline) {
      await new Promise((done) => setTimeout(done, 100));
    }
    expect(await pendingJobs()).toBe(0);
  });
});
