// The HTTP server: Express with Apollo Server at /graphql and a health check at /health.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import { GraphQLError } from "graphql";
import type { PrismaClient } from "./db/prisma";
import { createContext, type GraphQLContext } from "./graphql/context";
import { claimReviewRouter } from "./http/claim-review.routes";
import { bulkRouter } from "./http/bulk.routes";
import { createErrorFormatter } from "./graphql/errors";
import { idempotencyPlugin } from "./graphql/idempotency";
import { queryShapePlugin } from "./graphql/query-shape";
import { buildResolvers } from "./graphql/resolvers";
import type { Logger } from "./logger";
import { projectRoot } from "./project-root";
import { authenticate } from "./modules/auth/api-key.service";
import type { Principal } from "./modules/auth/permissions";
import { AuthenticationError } from "./shared/errors";

export interface ServerOptions {
  prisma: PrismaClient;
  logger: Logger;
  nodeEnv: "development" | "production" | "test";
  port: number;
  host?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export function loadTypeDefs(): string {
  return readFileSync(path.join(projectRoot(), "schema.graphql"), "utf8");
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { prisma, logger, nodeEnv } = options;
  const app = express();
  const httpServer = http.createServer(app);
  const operations = new InFlightOperations();
  const apollo = new ApolloServer<GraphQLContext>({
    typeDefs: loadTypeDefs(),
    resolvers: buildResolvers(),
    introspection: true,
    includeStacktraceInErrorResponses: nodeEnv === "development",
    formatError: createErrorFormatter(logger, nodeEnv === "development"),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // No cache hints are used; without this plugin Apollo runs a hook on every field.
      ApolloServerPluginCacheControlDisabled(),
      queryShapePlugin,
      idempotencyPlugin({ prisma, logger }),
      operations.plugin,
      ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false }),
    ],
    logger,
  });
  await apollo.start();

  app.disable("x-powered-by");
  app.get("/health", async (_req, res) => {
    try {
      await prisma.$queryRaw`SELECT 1`;
      res.json({ status: "ok" });
    } catch (error) {
      logger.error({ err: error }, "health check failed");
      res.status(503).json({ status: "unavailable" });
    }
  });
  app.use(claimReviewRouter(prisma, logger));
  app.use(bulkRouter(prisma, logger));
  app.use(
    "/graphql",
    express.json({ limit: "1mb" }),
    expressMiddleware(apollo, {
      context: async ({ req }) =>
        createContext(
          prisma,
          logger,
          String(req.headers["x-request-id"] ?? randomUUID()),
          await authenticateForGraphQL(prisma, req.headers.authorization),
        ),
    }),
  );

  await new Promise<void>((resolve) => httpServer.listen(options.port, options.host ?? "0.0.0.0", resolve));
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://localhost:${port}/graphql`;
  return {
    url,
    port,
    close: async () => {
      await apollo.stop();
      // A client that hung up leaves its operation running; let it finish (and commit or
      // roll back its transaction) before the caller disconnects the database.
      await operations.settled(10_000);
    },
  };
}

/** A bad key fails the whole request with UNAUTHENTICATED (HTTP 401), before any resolver runs. */
async function authenticateForGraphQL(prisma: PrismaClient, header: string | undefined): Promise<Principal> {
  try {
    return await authenticate(prisma, header);
  } catch (error) {
    if (error instanceof AuthenticationError) {
      throw new GraphQLError(error.message, { extensions: { code: "UNAUTHENTICATED", http: { status: 401 } } });
    }
    throw error;
  }
}

/** Counts GraphQL operations under way, so shutdown can wait for them. */
class InFlightOperations {
  private count = 0;

  readonly plugin: ApolloServerPlugin<GraphQLContext> = {
    requestDidStart: () => {
      this.count += 1;
      let done = false;
      const finish = () => {
        if (!done) {
          done = true;
          this.count -= 1;
        }
        return Promise.resolve();
      };
      return Promise.resolve({ willSendResponse: finish });
    },
  };

  async settled(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.count > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
