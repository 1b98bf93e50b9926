// The HTTP server: Express with Apollo Server at /graphql and a health check at /health.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import type { PrismaClient } from "./db/prisma";
import { createContext, type GraphQLContext } from "./graphql/context";
import { createErrorFormatter } from "./graphql/errors";
import { queryShapePlugin } from "./graphql/query-shape";
import { buildResolvers } from "./graphql/resolvers";
import type { Logger } from "./logger";
import { projectRoot } from "./project-root";

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
  app.use(
    "/graphql",
    express.json({ limit: "1mb" }),
    expressMiddleware(apollo, {
      context: ({ req }) =>
        Promise.resolve(createContext(prisma, logger, String(req.headers["x-request-id"] ?? randomUUID()))),
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
    },
  };
}
