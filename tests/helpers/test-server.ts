// Each integration test file gets its own database (cloned from the migrated template)
// and its own server on a random port, and talks to it over real HTTP.
import { randomBytes } from "node:crypto";
import pino from "pino";
import { startServer } from "../../src/app";
import { createPrismaClient, type PrismaClient } from "../../src/db/prisma";
import { ADMIN_URL_ENV, databaseUrl, quoteIdent, TEMPLATE_ENV, withAdminClient } from "../setup/test-database";

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
}

export interface TestServer {
  url: string;
  databaseUrl: string;
  prisma: PrismaClient;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** Runs `work` and returns how many SQL statements the server's Prisma client sent meanwhile. */
  countSql<T>(work: () => Promise<T>): Promise<{ result: T; statements: number; sql: string[] }>;
  close(): Promise<void>;
}

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through jest (global setup)`);
  return value;
}

/**
 * A fresh database cloned from the migrated template (or, with `empty`, one with no
 * migrations at all); returns its URL and a drop function.
 */
export async function createTestDatabase(
  options: { empty?: boolean } = {},
): Promise<{ url: string; drop(): Promise<void> }> {
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

export async function startTestServer(
  options: { nodeEnv?: "test" | "production" | "development" } = {},
): Promise<TestServer> {
  const database = await createTestDatabase();
  const prisma = createPrismaClient({ databaseUrl: database.url, emitQueryEvents: true });
  let recording: string[] | null = null;
  prisma.$on("query", (event) => recording?.push(event.query));
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });
  const server = await startServer({ prisma, logger, nodeEnv: options.nodeEnv ?? "test", port: 0, host: "127.0.0.1" });
  const url = `http://127.0.0.1:${server.port}/graphql`;

  return {
    url,
    databaseUrl: database.url,
    prisma,
    async gql(query, variables) {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
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
    async close() {
      await server.close();
      await prisma.$disconnect();
      await database.drop();
    },
  };
}

/** Fails the test with the response's errors when there are any; returns data. */
export function dataOf<T>(response: GraphQLResponse<T>): T {
  if (response.errors?.length || !response.data) {
    throw new Error(`GraphQL errors: ${JSON.stringify(response.errors, null, 2)}`);
  }
  return response.data;
}
