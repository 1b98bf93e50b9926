// One dedicated PostgreSQL connection per server process (not from the pool) that LISTENs
// for changes to API keys, announced by the api_keys trigger at commit (migration
// 20261130150000_api_key_notify), and evicts each changed key from this process's cache.
// While the connection is not LISTENing (before the first LISTEN, after a failure) the cache
// is suspended; the listener reconnects with bounded, jittered backoff. A heartbeat notices a
// connection that died silently (no FIN, no error) rather than waiting for TCP to give up.
import pg from "pg";
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

const DEFAULT_RECONNECT_MS = { initial: 250, max: 5_000 };
const DEFAULT_HEARTBEAT_MS = 30_000;
/** A query (LISTEN, the heartbeat) unanswered for this long counts as a lost connection. */
const QUERY_TIMEOUT_MS = 10_000;

/**
 * Starts listening. Resolves after the first attempt to connect, successful or not (on
 * failure it keeps trying in the background; meanwhile the cache is bypassed).
 */
export async function startApiKeyListener(options: ApiKeyListenerOptions): Promise<ApiKeyListener> {
  const listener = new Listener(options);
  await listener.connect();
  return listener;
}

class Listener implements ApiKeyListener {
  private readonly log: Logger;
  private readonly reconnectMs: { initial: number; max: number };
  private readonly heartbeatMs: number;
  /** The connection in use or being made; null while waiting to retry, and after stop. */
  private client: pg.Client | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private failures = 0;
  private stopped = false;

  constructor(private readonly options: ApiKeyListenerOptions) {
    this.log = options.logger.child({ module: "api-key-listener" });
    this.reconnectMs = options.reconnectMs ?? DEFAULT_RECONNECT_MS;
    this.heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  }

  async connect(): Promise<void> {
    this.retryTimer = null;
    if (this.stopped) return;
    const client = new pg.Client({
      ...this.options.connection,
      application_name: API_KEY_LISTENER_NAME,
      connectionTimeoutMillis: this.options.connection.connectionTimeoutMillis || QUERY_TIMEOUT_MS,
      query_timeout: QUERY_TIMEOUT_MS,
      keepAlive: true,
    });
    this.client = client;
    client.on("notification", (message) => {
      if (message.channel === API_KEY_CHANNEL) this.changed(message.payload);
    });
    client.on("error", (error) => this.lost(client, error));
    client.on("end", () => this.lost(client, new Error("the connection ended")));
    try {
      await client.connect();
      await client.query(`LISTEN ${API_KEY_CHANNEL}`);
    } catch (error) {
      this.lost(client, error);
      return;
    }
    if (this.client !== client) return; // lost or stopped meanwhile
    this.cache.resume();
    if (this.failures > 0) this.log.info({ attempts: this.failures + 1 }, "listening for API key changes again");
    else this.log.debug("listening for API key changes");
    this.failures = 0;
    this.heartbeatTimer = setInterval(() => {
      client.query("SELECT 1").catch((error: unknown) => this.lost(client, error));
    }, this.heartbeatMs).unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const client = this.client;
    this.drop();
    if (client) await client.end().catch(() => undefined);
  }

  private get cache(): ApiKeyCache {
    return this.options.cache;
  }

  private changed(payload: string | undefined): void {
    if (!payload || payload === ALL_KEYS) this.cache.clear();
    else this.cache.evict(payload);
  }

  /** The current connection failed: suspend the cache, close it, and try again after a while. */
  private lost(client: pg.Client, error: unknown): void {
    if (this.client !== client) return; // an old connection's late events
    this.drop();
    // Errors after this one (the socket closing) must not go unhandled.
    client.on("error", () => undefined);
    client.end().catch(() => undefined);
    if (this.stopped) return;
    const backoff = Math.min(this.reconnectMs.max, this.reconnectMs.initial * 2 ** this.failures);
    const retryInMs = Math.round(backoff * (0.75 + Math.random() * 0.5));
    this.failures += 1;
    this.log.warn(
      { err: error, attempt: this.failures, retryInMs },
      "API key listener disconnected; keys are read from the database until it is back (retry in %d ms)",
      retryInMs,
    );
    this.retryTimer = setTimeout(() => void this.connect(), retryInMs).unref();
  }

  private drop(): void {
    this.client = null;
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = null;
    this.cache.suspend();
  }
}
