// The HTTP server: a GraphQL POST goes straight to Apollo Server (http/graphql-post.ts); Express
// serves the rest: GraphQL GETs at /graphql, the explorer, liveness at /health and readiness at /ready.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import { GraphQLError } from "graphql";
import { poolOf, type PrismaClient } from "./db/prisma";
import { ClientGate, gatedClient } from "./db/client-gate";
import { createContext, type GraphQLContext } from "./graphql/context";
import { claimReviewRouter } from "./http/claim-review.routes";
import { bulkRouter } from "./http/bulk.routes";
import { httpErrorHandler, HttpRequestError } from "./http/http-errors";
import { entrance, scopeOf, type RequestScope } from "./http/entrance";
import { createErrorFormatter } from "./graphql/errors";
import { DEFAULT_REQUEST_LIMITS, limitParseOptions, limitValidationRules, type RequestLimits } from "./graphql/limits";
import { requestGuardPlugin } from "./graphql/request-guard";
import {
  AuthThrottledError,
  clientAddressOf,
  createAuthenticator,
  requestAuthenticator,
  type RequestAuthenticator,
} from "./http/authentication";
import { graphqlPostRoute } from "./http/graphql-post";
import { clientKey, createRateLimits, DEFAULT_RATE_LIMITS, type RateLimitSettings } from "./http/rate-limits";
import { idempotencyPlugin } from "./graphql/idempotency";
import { queryShapePlugin } from "./graphql/query-shape";
import { stringInputsPlugin } from "./graphql/string-inputs";
import { buildResolvers } from "./graphql/resolvers";
import { jitGateway } from "./graphql/jit-executor";
import { makeExecutableSchema } from "@graphql-tools/schema";
import type { Logger } from "./logger";
import { loadSchemaSDL } from "./graphql/schema-files";
import type { Principal } from "./modules/auth/permissions";
import { ApiKeyCache, DEFAULT_API_KEY_CACHE, type ApiKeyCacheSettings } from "./modules/auth/api-key-cache";
import { startApiKeyListener, type ApiKeyListenerOptions } from "./modules/auth/api-key-listener";
import type { TargetPolicy } from "./modules/webhook/target-guard";
import { AuthenticationError } from "./shared/errors";
import { isDatabaseUnavailable } from "./db/db-errors";
import { DATABASE_UNAVAILABLE } from "./graphql/errors";
import { httpHeadForCode, httpStatusPlugin } from "./graphql/http-status";
import { HttpDrain } from "./http/drain";
import { healthRouter } from "./http/health.routes";
import { explorerRouter } from "./http/explorer";
import { attachSubscriptions, type SubscriptionSettings } from "./http/subscriptions";

export interface ServerOptions {
  prisma: PrismaClient;
  logger: Logger;
  nodeEnv: "development" | "production" | "test";
  port: number;
  host?: string;
  /** Where webhook endpoints may point (default: public addresses only; WEBHOOK_ALLOW_PRIVATE_TARGETS). */
  webhookTargets?: TargetPolicy;
  /** Cost, shape and time limits of an operation (defaults: DEFAULT_REQUEST_LIMITS). */
  limits?: Partial<RequestLimits>;
  /** Rate limits (defaults: DEFAULT_RATE_LIMITS, kept in this process's memory). */
  rateLimits?: Partial<RateLimitSettings>;
  /**
   * Operations one client may have on the database at once (default half the pool), and how
   * long one waits for its turn (default the pool's connection wait).
   */
  databaseShare?: { perClient?: number; waitMs?: number };
  /** graphql-jit (default) or graphql-js (GRAPHQL_EXECUTOR). */
  executor?: "jit" | "graphql-js";
  /** Serve the explorer on GET / and a browser's GET /graphql (EXPLORER; default on). */
  explorer?: boolean;
  /** Express `trust proxy` (TRUST_PROXY). */
  trustProxy?: boolean | number | string;
  /**
   * This process's API key cache (default DEFAULT_API_KEY_CACHE; `maxEntries: 0` turns it
   * off) and its listener's reconnection backoff.
   */
  apiKeyCache?: Partial<ApiKeyCacheSettings> & Pick<ApiKeyListenerOptions, "reconnectMs">;
  /** GraphQL subscriptions over WebSocket (defaults: DEFAULT_SUBSCRIPTION_SETTINGS). */
  subscriptions?: Partial<SubscriptionSettings>;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Largest GraphQL request body, in bytes. */
const GRAPHQL_BODY_LIMIT = 1024 * 1024;

/** Shutdown budget, within main.ts's 10 s: requests in flight, then operations whose client hung up. */
const DRAIN_TIMEOUT_MS = 6_000;
const SETTLE_TIMEOUT_MS = 2_000;

/**
 * The schema the server serves: src/graphql/base.graphql and the modules' src/modules/<module>/*.graphql,
 * merged (from dist/src/ once built). The root schema.graphql is their print for clients, not read here.
 */
export function loadTypeDefs(): string {
  return loadSchemaSDL();
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { prisma, logger, nodeEnv } = options;
  const app = express();
  if (options.trustProxy !== undefined) app.set("trust proxy", options.trustProxy);
  const addressOf = clientAddressOf(app.get("trust proxy fn") as Parameters<typeof clientAddressOf>[0]);
  // Its request handler is added below, once Apollo has started.
  const httpServer = http.createServer();
  const drain = new HttpDrain(httpServer);
  const operations = new InFlightOperations();
  const limits: RequestLimits = { ...DEFAULT_REQUEST_LIMITS, ...options.limits };
  const pool = poolOf(prisma);
  const rateLimits = createRateLimits({ ...DEFAULT_RATE_LIMITS, ...options.rateLimits }, pool, logger);
  const keySettings = { ...DEFAULT_API_KEY_CACHE, ...options.apiKeyCache };
  const keyCache = keySettings.maxEntries > 0 ? new ApiKeyCache(keySettings) : null;
  const authenticateCredentials = createAuthenticator(prisma, rateLimits, keyCache);
  const authenticate = requestAuthenticator(authenticateCredentials, addressOf);
  const gate = new ClientGate({
    perClient: options.databaseShare?.perClient ?? Math.max(1, Math.ceil((pool.options.max ?? 10) / 2)),
    waitMs: options.databaseShare?.waitMs ?? pool.options.connectionTimeoutMillis ?? 5_000,
  });
  // One executable schema, for HTTP operations and subscriptions.
  const schema = makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers: buildResolvers() });
  const apollo = new ApolloServer<GraphQLContext>({
    // The same schema either way; graphql-jit runs through Apollo's executor interface.
    ...((options.executor ?? "jit") === "jit" ? { gateway: jitGateway(schema) } : { schema }),
    introspection: true,
    parseOptions: limitParseOptions(limits),
    validationRules: limitValidationRules(limits),
    includeStacktraceInErrorResponses: nodeEnv === "development",
    formatError: createErrorFormatter(logger, nodeEnv === "development"),
    plugins: [
      // Sets 503 + Retry-After for SERVICE_UNAVAILABLE (HTTP draining is HttpDrain's, below).
      httpStatusPlugin,
      // No cache hints are used; without this plugin Apollo runs a hook on every field.
      ApolloServerPluginCacheControlDisabled(),
      // First: refuses unstorable strings before any other plugin acts on the operation.
      stringInputsPlugin,
      // Priced and charged before anything reads the database for the operation.
      requestGuardPlugin(limits, rateLimits),
      queryShapePlugin,
      idempotencyPlugin({ prisma, logger }),
      operations.plugin,
      // No Apollo landing page (a CDN page with telemetry): the explorer router serves GraphiQL from this origin.
      ApolloServerPluginLandingPageDisabled(),
    ],
    logger,
  });
  await apollo.start();

  const graphqlContext = async (req: http.IncomingMessage, { requestId }: RequestScope): Promise<GraphQLContext> => {
    const deadline = Date.now() + limits.operationTimeoutMs;
    // The key lookup is not gated: it runs before the client is known.
    const principal = await authenticateForGraphQL(authenticate, req);
    const client =
      principal.kind === "key"
        ? ({ kind: "key", id: principal.keyId } as const)
        : ({ kind: "address", address: addressOf(req) } as const);
    // From here on, every query of the operation counts against its client's share of
    // the database and its deadline.
    const scope = { client: clientKey(client), deadline, timeoutMs: limits.operationTimeoutMs };
    return createContext(gatedClient(prisma, gate, scope), logger, requestId, principal, client, {
      webhookTargets: options.webhookTargets,
      apiKeyCache: keyCache,
    });
  };
  const graphqlPost = graphqlPostRoute({
    apollo,
    context: graphqlContext,
    logger,
    drain,
    bodyLimit: GRAPHQL_BODY_LIMIT,
  });
  // A GraphQL POST goes straight to Apollo, the rest to Express.
  httpServer.on("request", (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (!graphqlPost(req, res)) app(req, res);
  });

  app.disable("x-powered-by");
  app.use(entrance(logger, drain));
  app.use(explorerRouter({ logger, enabled: options.explorer ?? true }));
  // GraphQL's other requests (GETs; POSTs that graphqlPost leaves, such as compressed or chunked bodies).
  app.use(
    "/graphql",
    express.json({ limit: GRAPHQL_BODY_LIMIT }),
    expressMiddleware(apollo, { context: async ({ req, res }) => graphqlContext(req, scopeOf(res)) }),
  );
  app.use(healthRouter(prisma, logger, drain));
  app.use(claimReviewRouter(prisma, authenticate));
  app.use(bulkRouter(prisma, authenticate));
  app.use((req) => {
    throw new HttpRequestError(404, `There is nothing at ${req.method} ${req.path}.`, "NOT_FOUND");
  });
  // After every route: every failure (refusals, bad or large bodies, faults) is answered in JSON here.
  app.use(httpErrorHandler(logger));

  // The cache serves nothing until its listener is LISTENing (first attempt awaited here).
  const keyListener = keyCache
    ? await startApiKeyListener({
        connection: pool.options,
        cache: keyCache,
        logger,
        reconnectMs: keySettings.reconnectMs,
      })
    : null;
  // Subscriptions (graphql-ws) on the same port and path as queries: src/http/subscriptions.ts.
  const live = await attachSubscriptions(httpServer, {
    schema,
    authenticate: authenticateCredentials,
    prisma,
    logger,
    nodeEnv,
    limits,
    rateLimits,
    keyCache,
    gate,
    addressOf,
    settings: options.subscriptions,
  });
  // A listen error (the port taken since start-up checked it) rejects the start, so the
  // caller can say so, instead of surfacing as an unhandled 'error' event.
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(options.port, options.host ?? "0.0.0.0", () => {
      httpServer.off("error", reject);
      resolve();
    });
  });
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://localhost:${port}/graphql`;
  return {
    url,
    port,
    close: async () => {
      // WebSocket connections first, with 1001 (going away): they would hold the drain open.
      await live.close();
      // HTTP first (no new connections, `Connection: close`, requests in flight finish),
      // then Apollo, while the database is still there.
      if (!(await drain.drain(DRAIN_TIMEOUT_MS)))
        logger.warn("requests still open after %d ms were cut", DRAIN_TIMEOUT_MS);
      await apollo.stop();
      // A client that hung up leaves its operation running; let it finish (and commit or
      // roll back its transaction) before the caller disconnects the database.
      await operations.settled(SETTLE_TIMEOUT_MS);
      await rateLimits.close();
      await keyListener?.stop();
    },
  };
}

/** A bad key fails the whole request with UNAUTHENTICATED (HTTP 401), before any resolver runs. */
async function authenticateForGraphQL(
  authenticate: RequestAuthenticator,
  req: http.IncomingMessage,
): Promise<Principal> {
  try {
    return await authenticate(req);
  } catch (error) {
    if (error instanceof AuthenticationError) {
      throw new GraphQLError(error.message, { extensions: { code: "UNAUTHENTICATED", http: { status: 401 } } });
    }
    // The key lookup found no database: 503 + Retry-After (Apollo answers a failed context itself, without plugins).
    if (isDatabaseUnavailable(error)) {
      throw new GraphQLError(DATABASE_UNAVAILABLE.message, {
        extensions: { ...DATABASE_UNAVAILABLE.extensions, http: httpHeadForCode(DATABASE_UNAVAILABLE.extensions.code) },
      });
    }
    if (error instanceof AuthThrottledError) {
      const headers = new Map([["retry-after", String(error.retryAfterSeconds)]]);
      throw new GraphQLError(error.message, {
        extensions: {
          code: "RATE_LIMITED",
          retryAfterSeconds: error.retryAfterSeconds,
          http: { status: 429, headers },
        },
      });
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
