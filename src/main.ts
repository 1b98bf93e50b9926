// Entry point: configuration, database (given or embedded), migrations, the demo seed
// once, then the server; SIGINT/SIGTERM shut everything down cleanly.
import { loadConfig, ConfigError } from "./config";
import { startConfiguredEmbeddedPostgres, type RunningPostgres } from "./db/embedded-postgres";
import { migrateDeploy } from "./db/migrate";
import { createPrismaClient } from "./db/prisma";
import { createLogger } from "./logger";
import { startServer } from "./app";
import { assertPortFree, PortInUseError } from "./http/port-check";
import { loadSeedCaseOnce } from "./seed/load-seed-case";
import { startWebhookWorker } from "./modules/webhook/webhook-worker";

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78);
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL, config.NODE_ENV);
  await assertPortFree(config.PORT, config.HOST);

  let embedded: RunningPostgres | null = null;
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    embedded = await startConfiguredEmbeddedPostgres(config, logger);
    databaseUrl = embedded.url;
  }
  if (config.MIGRATE_ON_START) {
    const { prismaRan } = await migrateDeploy(databaseUrl);
    logger.info(prismaRan ? "migrations applied" : "migrations up to date");
  }
  const prisma = createPrismaClient({
    databaseUrl,
    poolSize: config.DATABASE_POOL_SIZE,
    poolWaitMs: config.DATABASE_POOL_WAIT_MS,
    statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
  });
  if (config.SEED_DEMO_DATA) {
    const loaded = await loadSeedCaseOnce(prisma, logger);
    logger.info(loaded ? "demo seed case loaded" : "demo seed case already present");
  }
  // After the migrations: the worker needs graphile-worker's schema, which they create.
  const webhookTargets = { allowPrivate: config.WEBHOOK_ALLOW_PRIVATE_TARGETS };
  const webhookWorker = config.WEBHOOK_WORKER
    ? await startWebhookWorker({ databaseUrl, prisma, logger, targets: webhookTargets })
    : null;
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({
      prisma,
      logger,
      nodeEnv: config.NODE_ENV,
      port: config.PORT,
      host: config.HOST,
      webhookTargets,
      trustProxy: config.TRUST_PROXY,
      explorer: config.EXPLORER,
      executor: config.GRAPHQL_EXECUTOR,
      apiKeyCache: { maxEntries: config.API_KEY_CACHE_SIZE, ttlMs: config.API_KEY_CACHE_TTL_SECONDS * 1_000 },
      databaseShare: { perClient: config.DATABASE_POOL_PER_CLIENT, waitMs: config.DATABASE_POOL_WAIT_MS },
      limits: {
        maxCost: config.QUERY_MAX_COST,
        maxDepth: config.QUERY_MAX_DEPTH,
        maxAliases: config.QUERY_MAX_ALIASES,
        maxDirectives: config.QUERY_MAX_DIRECTIVES,
        maxTokens: config.QUERY_MAX_TOKENS,
        operationTimeoutMs: config.OPERATION_TIMEOUT_MS,
      },
      rateLimits: {
        store: config.RATE_LIMIT_STORE,
        redisUrl: config.REDIS_URL,
        windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS,
        keyPoints: config.RATE_LIMIT_KEY_POINTS,
        anonymousPoints: config.RATE_LIMIT_ANONYMOUS_POINTS,
        authFailures: config.RATE_LIMIT_AUTH_FAILURES,
      },
      subscriptions: {
        maxSubscriptionsPerClient: config.LIVE_MAX_SUBSCRIPTIONS_PER_CLIENT,
        replayWindowMs: config.LIVE_REPLAY_WINDOW_HOURS * 3_600_000,
        keepAliveMs: config.LIVE_KEEPALIVE_SECONDS * 1_000,
      },
    });
  } catch (error) {
    // Nothing may outlive a failed start: the worker, the pool, an embedded database.
    await webhookWorker?.stop().catch(() => undefined);
    await prisma.$disconnect().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw error;
  }
  const explorer = config.EXPLORER ? new URL("/", server.url).href : null;
  const ready = { url: server.url, explorer, embeddedDatabase: embedded !== null };
  if (explorer) logger.info(ready, "claimtrail ready at %s (explorer: %s)", server.url, explorer);
  else logger.info(ready, "claimtrail ready at %s", server.url);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down on %s", signal);
    // Requests get 10 s to finish; then the process exits anyway.
    setTimeout(() => {
      logger.error("shutdown took longer than 10 s; exiting");
      process.exit(1);
    }, 10_000).unref();
    try {
      // Side by side, so both fit in the 10 s: requests in flight finish (HTTP drains with
      // `Connection: close`), and deliveries under way finish (or are aborted and retried
      // later), while the database is still there.
      await Promise.all([server.close(), webhookWorker?.stop()]);
      await prisma.$disconnect();
      await embedded?.stop();
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, "unclean shutdown");
      process.exit(1);
    }
  };
  // embedded-postgres installs exit hooks that stop its server and exit with 128+signal
  // before the HTTP server has drained; this process owns its shutdown instead (which
  // stops the embedded server last).
  process.removeAllListeners("SIGINT");
  process.removeAllListeners("SIGTERM");
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  // The port taken between the check and the listen: the same one-line answer.
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (error instanceof PortInUseError || code === "EADDRINUSE") {
    const { port, address } = error as { port?: number; address?: string };
    console.error(error instanceof PortInUseError ? error.message : new PortInUseError(port ?? 0, address).message);
  } else {
    console.error("claimtrail failed to start:", error);
  }
  process.exit(1);
});
