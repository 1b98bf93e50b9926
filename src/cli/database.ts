// The CLI's database: DATABASE_URL when set, else the embedded PostgreSQL the server uses,
// reached on EMBEDDED_PG_PORT when the server (npm start) is running, or started for the
// command and stopped after it. Pending migrations are applied first.
import { Client } from "pg";
import type { Config } from "../config";
import { startConfiguredEmbeddedPostgres, type RunningPostgres } from "../db/embedded-postgres";
import { migrateDeploy, migrationsPending } from "../db/migrate";
import { createPrismaClient, type PrismaClient } from "../db/prisma";
import type { Logger } from "../logger";

export interface CliDatabase {
  prisma: PrismaClient;
  close(): Promise<void>;
}

export async function openDatabase(config: Config, logger: Logger): Promise<CliDatabase> {
  let url = config.DATABASE_URL;
  let embedded: RunningPostgres | null = null;
  if (!url) {
    // The URL startEmbeddedPostgres gives for the server's database (src/main.ts).
    const running = `postgresql://postgres:postgres@127.0.0.1:${config.EMBEDDED_PG_PORT}/claimtrail`;
    if (await isListening(running)) {
      url = running;
    } else {
      embedded = await startConfiguredEmbeddedPostgres(config, logger);
      url = embedded.url;
    }
  }
  try {
    if (await migrationsPending(url)) {
      if (!config.MIGRATE_ON_START) {
        throw new Error("The database lacks migrations (MIGRATE_ON_START=false): run `npm run migrate:deploy` first.");
      }
      logger.info("applying migrations");
      await migrateDeploy(url);
    }
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  const prisma = createPrismaClient({ databaseUrl: url, poolSize: config.DATABASE_POOL_SIZE });
  return {
    prisma,
    close: async () => {
      await prisma.$disconnect();
      await embedded?.stop();
    },
  };
}

/** True when a PostgreSQL server answers at `url`; false when nothing listens on its port. */
async function isListening(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === "ECONNREFUSED") return false;
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}
