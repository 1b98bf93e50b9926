// Each integration test file gets its own database (cloned from the migrated template)
// and its own server on a random port, and talks to it over real HTTP.
import { randomBytes } from "node:crypto";
import { Kind, OperationTypeNode, parse } from "graphql";
import pg from "pg";
import pino from "pino";
import { createServices } from "../../src/modules/services";
import { systemPrincipal } from "../../src/modules/auth/permissions";
import { startServer, type ServerOptions } from "../../src/app";
import { createPrismaClient, type PrismaClient, type PrismaOptions } from "../../src/db/prisma";
import { onSql } from "../../src/db/sql";
import { startWebhookWorker, type WebhookWorker } from "../../src/modules/webhook/webhook-worker";
import type { TargetPolicy } from "../../src/modules/webhook/target-guard";
import { ADMIN_URL_ENV, databaseUrl, quoteIdent, TEMPLATE_ENV, withAdminClient } from "../setup/test-database";

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
}

export interface GqlOptions {
  /**
   * The API key to send. By default mutations go with the test admin key and queries
   * anonymously (as a dashboard reads and an editor writes); null sends no key.
   */
  key?: string | null;
}

export interface TestServer {
  url: string;
  /** The server's origin (http://127.0.0.1:port), for the plain HTTP endpoints. */
  origin: string;
  databaseUrl: string;
  prisma: PrismaClient;
  /** An ADMIN key created for this server's database (through the service the CLI uses). */
  adminKey: string;
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: GqlOptions,
  ): Promise<GraphQLResponse<T>>;
  /** Creates an API key with the given role (and scopes) and returns it in clear. */
  createKey(role: "VIEWER" | "EDITOR" | "FACT_CHECKER" | "ADMIN", scopes?: string[]): Promise<string>;
  /** Runs `work` and returns how many SQL statements the server's Prisma client sent meanwhile. */
  countSql<T>(work: () => Promise<T>): Promise<{ result: T; statements: number; sql: string[] }>;
  /** This server's database; pass it to another startTestServer after `close({ keepDatabase: true })`. */
  database: TestDatabase;
  /** The webhook worker, when started with `webhookWorker: true`. */
  webhookWorker: WebhookWorker | null;
  /** Stops the server (and its worker) and drops the database, unless `keepDatabase`. */
  close(options?: { keepDatabase?: boolean }): Promise<void>;
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export interface TestServerOptions {
  nodeEnv?: "test" | "production" | "development";
  /** Run the webhook worker beside the server (polling for due retries every 200 ms). */
  webhookWorker?: boolean;
  /**
   * Where webhooks may point, for the server and its worker. By default private targets are
   * allowed: the tests' receiver listens on 127.0.0.1.
   */
  webhookTargets?: TargetPolicy;
  /** Serve this existing database (a restart) instead of a fresh clone of the template. */
  database?: TestDatabase;
  /** Cost, shape and time limits (default: the server's defaults). */
  limits?: ServerOptions["limits"];
  /** Rate limits (default: the server's, in memory). */
  rateLimits?: ServerOptions["rateLimits"];
  /** Pool settings of the server's Prisma client. */
  pool?: Pick<PrismaOptions, "poolSize" | "poolWaitMs" | "statementTimeoutMs">;
  /** Operations one client may have on the database at once, and how long one waits. */
  databaseShare?: ServerOptions["databaseShare"];
  /** The API key cache and its listener (default: the server's, on). */
  apiKeyCache?: ServerOptions["apiKeyCache"];
  /** Serve the explorer (default on, as the server does). */
  explorer?: boolean;
}

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through jest (global setup)`);
  return value;
}

/** A fresh database (as createTestDatabase) with a client connected to it, for tests that talk SQL without a server. */
export interface ConnectedTestDatabase {
  database: TestDatabase;
  client: pg.Client;
  /** Ends the client and drops the database. */
  close(): Promise<void>;
}

export async function connectTestDatabase(): Promise<ConnectedTestDatabase> {
  const database = await createTestDatabase();
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  return {
    database,
    client,
    close: async () => {
      await client.end();
      await database.drop();
    },
  };
}

/**
 * A fresh database cloned from the migrated template (or, with `empty`, one with no
 * migrations at all); returns its URL and a drop function.
 */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = env(ADMIN_URL_ENV);
  const name = `claimtrail_test_${randomBytes(6).toString("hex")}`;
  const template = options.empty ? "" : ` TEMPLATE ${quoteIdent(env(TEMPLATE_ENV))}`;
  await withAdminClient(adminUrl, async (client) => {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await client.query(`CREATE DATABASE ${quoteIdent(name)}${template}`);
        return;
      } catch (error) {
        // Two clones of one template at the same instant can collide; try again.
        if (attempt >= 10 || !/being accessed by other users/.test(String(error))) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  });
  return {
    url: databaseUrl(adminUrl, name),
    drop: () =>
      withAdminClient(adminUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`),
      ).then(() => undefined),
  };
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const database = options.database ?? (await createTestDatabase());
  const prisma = createPrismaClient({ ...options.pool, databaseUrl: database.url, emitQueryEvents: true });
  let recording: string[] | null = null;
  prisma.$on("query", (event) => recording?.push(event.query));
  onSql(prisma, (sql) => recording?.push(sql));
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });
  const webhookTargets = options.webhookTargets ?? { allowPrivate: true };
  const server = await startServer({
    prisma,
    logger,
    nodeEnv: options.nodeEnv ?? "test",
    port: 0,
    host: "127.0.0.1",
    webhookTargets,
    limits: options.limits,
    rateLimits: options.rateLimits,
    databaseShare: options.databaseShare,
    apiKeyCache: options.apiKeyCache,
    explorer: options.explorer,
    // TEST_GRAPHQL_EXECUTOR=graphql-js runs the suite on the interpreter (default: graphql-jit, as served).
    executor: process.env.TEST_GRAPHQL_EXECUTOR === "graphql-js" ? "graphql-js" : "jit",
  });
  const webhookWorker = options.webhookWorker
    ? await startWebhookWorker({
        databaseUrl: database.url,
        prisma,
        logger,
        pollInterval: 200,
        targets: webhookTargets,
      })
    : null;
  const url = `http://127.0.0.1:${server.port}/graphql`;
  const createKey = async (role: "VIEWER" | "EDITOR" | "FACT_CHECKER" | "ADMIN", scopes?: string[]) => {
    const services = createServices(prisma, logger, { principal: systemPrincipal("test") });
    const { secret } = await services.apiKeys.createKey({ name: `test ${role.toLowerCase()}`, role, scopes });
    return secret;
  };
  const adminKey = await createKey("ADMIN");

  return {
    url,
    origin: `http://127.0.0.1:${server.port}`,
    databaseUrl: database.url,
    database,
    webhookWorker,
    prisma,
    adminKey,
    createKey,
    async gql(query, variables, options = {}) {
      const key = options.key === undefined ? (isMutation(query) ? adminKey : null) : options.key;
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse<any>;
    },
    async countSql(work) {
      recording = [];
      try {
        const result = await work();
        return { result, statements: recording.length, sql: recording };
      } finally {
        recording = null;
      }
    },
    async close(closeOptions = {}) {
      await server.close();
      await webhookWorker?.stop();
      await prisma.$disconnect();
      if (!closeOptions.keepDatabase) await database.drop();
    },
  };
}

function isMutation(query: string): boolean {
  try {
    return parse(query).definitions.some(
      (definition) =>
        definition.kind === Kind.OPERATION_DEFINITION && definition.operation === OperationTypeNode.MUTATION,
    );
  } catch {
    return false;
  }
}

/** Fails the test with the response's errors when there are any; returns data. */
export function dataOf<T>(response: GraphQLResponse<T>): T {
  if (response.errors?.length || !response.data) {
    throw new Error(`GraphQL errors: ${JSON.stringify(response.errors, null, 2)}`);
  }
  return response.data;
}
