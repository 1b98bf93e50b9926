// One dedicated PostgreSQL connection per server process (not from the pool) that LISTENs
// for changes to API keys, announced by the api_keys trigger at commit (migration
// 20261130150000_api_key_notify), and evicts each changed key from this process's cache.
// While the connection is not LISTENing (before the first LISTEN, after a failure) the cache
// is suspended. The connection, its reconnection and heartbeat are src/db/listening-connection.ts.
import type pg from "pg";
import { ListeningConnection } from "../../db/listening-connection";
import type { Logger } from "../../logger";
import type { ApiKeyCache } from "./api-key-cache";

export const API_KEY_CHANNEL = "claimtrail_api_keys";
/** Its application_name in pg_stat_activity. */
export const API_KEY_LISTENER_NAME = "claimtrail-api-key-listener";
/** The trigger's payload after a TRUNCATE: every key changed. */
const ALL_KEYS = "*";

export interface ApiKeyListenerOptions {
  /** How to connect (the pool's settings: the same server, database and user). */
  connection: pg.ClientConfig;
  cache: ApiKeyCache;
  logger: Logger;
  /** First and longest wait between connection attempts (doubling in between). */
  reconnectMs?: { initial: number; max: number };
  /** How often the connection is checked with `SELECT 1`. */
  heartbeatMs?: number;
}

export interface ApiKeyListener {
  stop(): Promise<void>;
}

/**
 * Starts listening. Resolves after the first attempt to connect, successful or not (on
 * failure it keeps trying in the background; meanwhile the cache is bypassed).
 */
export async function startApiKeyListener(options: ApiKeyListenerOptions): Promise<ApiKeyListener> {
  const { cache } = options;
  const log = options.logger.child({ module: "api-key-listener" });
  const connection = new ListeningConnection({
    connection: options.connection,
    channel: API_KEY_CHANNEL,
    applicationName: API_KEY_LISTENER_NAME,
    logger: log,
    reconnectMs: options.reconnectMs,
    heartbeatMs: options.heartbeatMs,
    onNotification: (payload) => {
      if (!payload || payload === ALL_KEYS) cache.clear();
      else cache.evict(payload);
    },
    onListening: (_client, failures) => {
      cache.resume();
      if (failures > 0) log.info({ attempts: failures + 1 }, "listening for API key changes again");
      else log.debug("listening for API key changes");
    },
    onLost: () => cache.suspend(),
    lostMessage: "API key listener disconnected; keys are read from the database until it is back (retry in %d ms)",
  });
  await connection.connect();
  return connection;
}
