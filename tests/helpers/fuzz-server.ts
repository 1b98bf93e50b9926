// The fuzzer's server: the real app on a fresh clone of the test template, on loopback,
// with the webhook target guard on (host names resolved by a stub, never by DNS) and a
// failed-authentication budget large enough for thousands of garbage keys; and its data:
// the demo seed case plus a verdict, a claim link and a webhook endpoint, whose global IDs
// the generators draw from.
import pino from "pino";
import { startServer } from "../../src/app";
import { createPrismaClient, type PrismaClient } from "../../src/db/prisma";
import { createServices } from "../../src/modules/services";
import { systemPrincipal } from "../../src/modules/auth/permissions";
import type { Resolver } from "../../src/modules/webhook/target-guard";
import { loadSeedCaseOnce } from "../../src/seed/load-seed-case";
import { encodeId, type EntityType } from "../../src/shared/global-id";
import type { IdPool } from "./fuzz-operations";
import { createTestDatabase, type TestDatabase } from "./test-server";

export interface FuzzServer {
  url: string;
  prisma: PrismaClient;
  adminKey: string;
  createKey(role: "VIEWER" | "EDITOR" | "FACT_CHECKER" | "ADMIN", name?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Webhook host names resolve here, never through DNS, so the fuzzer's traffic stays on
 * loopback: `*.invalid` does not resolve, `localhost` is loopback, any other name one
 * public address. No webhook worker runs, so nothing is ever delivered.
 */
export const fuzzResolver: Resolver = (hostname) => {
  if (/\.invalid$/i.test(hostname) || hostname === "") {
    return Promise.reject(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" }));
  }
  if (hostname === "localhost") return Promise.resolve([{ address: "127.0.0.1", family: 4 }]);
  return Promise.resolve([{ address: "93.184.215.14", family: 4 }]);
};

export async function startFuzzServer(): Promise<FuzzServer> {
  const database: TestDatabase = await createTestDatabase();
  const prisma = createPrismaClient({ databaseUrl: database.url });
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });
  const server = await startServer({
    prisma,
    logger,
    nodeEnv: "test",
    port: 0,
    host: "127.0.0.1",
    webhookTargets: { allowPrivate: false, resolve: fuzzResolver },
    // The fuzzer sends garbage keys by the thousand from one address: with the default
    // budget every later request would be RATE_LIMITED and nothing else tested.
    rateLimits: { store: "memory", authFailures: 1_000_000 },
  });
  const createKey = async (
    role: "VIEWER" | "EDITOR" | "FACT_CHECKER" | "ADMIN",
    name = `fuzz ${role.toLowerCase()}`,
  ) => {
    const services = createServices(prisma, logger, { principal: systemPrincipal("fuzz") });
    const { secret } = await services.apiKeys.createKey({ name, role });
    return secret;
  };
  return {
    url: `http://127.0.0.1:${server.port}/graphql`,
    prisma,
    adminKey: await createKey("ADMIN"),
    createKey,
    async close() {
      await server.close();
      await prisma.$disconnect();
      await database.drop();
    },
  };
}

/** Seeds the database and returns the global IDs of its rows, in creation order (so a seed replays alike). */
export async function seedFuzzData(server: FuzzServer): Promise<IdPool> {
  await loadSeedCaseOnce(server.prisma, pino({ level: "silent" }));
  await seedExtras(server);
  // Keys for revokeApiKey to aim at; the keys the fuzzer sends are never in the pool, or
  // one revocation would turn every later request into UNAUTHENTICATED.
  await server.createKey("EDITOR", `${TARGET_KEY_PREFIX} editor`);
  await server.createKey("VIEWER", `${TARGET_KEY_PREFIX} viewer`);
  return idPool(server.prisma);
}

const TARGET_KEY_PREFIX = "fuzz target";

async function gql(server: FuzzServer, query: string, input: Record<string, unknown>): Promise<void> {
  const response = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${server.adminKey}` },
    body: JSON.stringify({ query, variables: { input } }),
  });
  const body = (await response.json()) as { data?: Record<string, { userErrors: unknown[] }>; errors?: unknown[] };
  const payload = Object.values(body.data ?? {})[0];
  if (body.errors?.length || !payload || payload.userErrors.length > 0) {
    throw new Error(`seeding the fuzz data failed: ${JSON.stringify(body)}`);
  }
}

async function seedExtras(server: FuzzServer): Promise<void> {
  const claims = await server.prisma.claim.findMany({ select: { id: true }, orderBy: { createdAt: "asc" }, take: 2 });
  const [first, second] = claims.map((claim) => encodeId("Claim", claim.id));
  if (!first || !second) throw new Error("the seed case has fewer than two claims");
  await gql(server, `mutation ($input: AddVerdictInput!) { addVerdict(input: $input) { userErrors { message } } }`, {
    claimId: first,
    reviewer: { name: "Fuzz Fact Check", kind: "FACT_CHECKER" },
    rating: "False",
    ratingValue: 1,
    bestRating: 5,
    worstRating: 1,
    reviewedAt: "2024-06-19T08:00:00Z",
    url: "https://factcheck.example.org/fuzz",
  });
  await gql(server, `mutation ($input: LinkClaimsInput!) { linkClaims(input: $input) { userErrors { message } } }`, {
    fromClaimId: first,
    toClaimId: second,
    kind: "CONTRADICTS",
  });
  await gql(
    server,
    `mutation ($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { userErrors { message } } }`,
    { url: "https://hooks.example.org/fuzz", eventTypes: ["CLAIM_CREATED", "STATEMENT_RECORDED"] },
  );
}

async function idPool(prisma: PrismaClient): Promise<IdPool> {
  const query = { select: { id: true }, orderBy: [{ createdAt: "asc" as const }, { id: "asc" as const }], take: 8 };
  const rows: [EntityType, { id: string }[]][] = [
    ["Claim", await prisma.claim.findMany(query)],
    ["Actor", await prisma.actor.findMany(query)],
    ["Source", await prisma.source.findMany(query)],
    ["Statement", await prisma.statement.findMany(query)],
    ["Evidence", await prisma.evidence.findMany(query)],
    ["Verdict", await prisma.verdict.findMany(query)],
    ["ClaimRelation", await prisma.claimRelation.findMany(query)],
    ["ApiKey", await prisma.apiKey.findMany({ ...query, where: { name: { startsWith: TARGET_KEY_PREFIX } } })],
    ["WebhookEndpoint", await prisma.webhookEndpoint.findMany(query)],
  ];
  return Object.fromEntries(rows.map(([type, list]) => [type, list.map((row) => encodeId(type, row.id))]));
}
