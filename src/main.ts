// Entry point: configuration, database (given or embedded), migrations, the demo seed
// once, then the server; SIGINT/SIGTERM shut everything down cleanly.
import { loadConfig, ConfigError } from "./config";
import { startConfiguredEmbeddedPostgres, type RunningPostgres } from "./db/embedded-postgres";
import { migrateDeploy } from "./db/migrate";
import { createPrismaClient } from "./db/prisma";
import { createLogger } from "./logger";
import { startServer } from "./app";
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
  const prisma = createPrismaClient({ databaseUrl, poolSize: config.DATABASE_POOL_SIZE });
  if (config.SEED_DEMO_DATA) {
    const loaded = await loadSeedCaseOnce(prisma, logger);
    logger.info(loaded ? "demo seed case loaded" : "demo seed case already present");
  }
  // After the migrations: the worker needs graphile-worker's schema, which they create.
  const webhookWorker = config.WEBHOOK_WORKER ? await startWebhookWorker({ databaseUrl, prisma, logger }) : null;
  const server = await startServer({ prisma, logger, nodeEnv: config.NODE_ENV, port: config.PORT, host: config.HOST });
  logger.info({ url: server.url, embeddedDatabase: embedded !== null }, "claimtrail ready at %s", server.url);

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
      await server.close();
      // Deliveries under way finish (or are aborted and retried later) while the database is still there.
      await webhookWorker?.stop();
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
  console.error("claimtrail failed to start:", error);
  process.exit(1);
});
