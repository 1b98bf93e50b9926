// Server processes on one database, as instances behind a load balancer are: each is the
// real server (src/main.ts) on its own loopback port. For the live-update tests.
import pino from "pino";
import { createPrismaClient, type PrismaClient } from "../../src/db/prisma";
import { systemPrincipal } from "../../src/modules/auth/permissions";
import { createServices } from "../../src/modules/services";
import { startApp, stopApp, type AppProcess } from "./app-process";
import { freePort } from "./free-port";
import type { GraphQLResponse } from "./test-server";

export interface Instance {
  app: AppProcess;
  origin: string;
  url: string;
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    key?: string | null,
  ): Promise<GraphQLResponse<T>>;
  stop(): Promise<number | null>;
}

export async function startInstance(databaseUrl: string, env: Record<string, string> = {}): Promise<Instance> {
  const port = await freePort();
  const app = await startApp({
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: "127.0.0.1",
    MIGRATE_ON_START: "false",
    SEED_DEMO_DATA: "false",
    WEBHOOK_WORKER: "false",
    EXPLORER: "false",
    RATE_LIMIT_STORE: "memory",
    DATABASE_POOL_SIZE: "4",
    ...env,
  });
  const origin = `http://127.0.0.1:${port}`;
  const url = `${origin}/graphql`;
  let stopped: Promise<number | null> | null = null;
  return {
    app,
    origin,
    url,
    async gql(query, variables, key) {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse<any>;
    },
    stop: () => (stopped ??= stopApp(app)),
  };
}

/** A Prisma client on the database, and a way to make API keys on it (as the CLI does). */
export function keyMaker(databaseUrl: string): {
  prisma: PrismaClient;
  createKey(role: "VIEWER" | "EDITOR" | "FACT_CHECKER" | "ADMIN", name?: string): Promise<string>;
} {
  const prisma = createPrismaClient({ databaseUrl, poolSize: 2 });
  const logger = pino({ level: "silent" });
  return {
    prisma,
    async createKey(role, name = `live ${role.toLowerCase()}`) {
      const services = createServices(prisma, logger, { principal: systemPrincipal("test") });
      const { secret } = await services.apiKeys.createKey({ name, role });
      return secret;
    },
  };
}
