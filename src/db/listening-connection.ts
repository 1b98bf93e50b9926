// One dedicated PostgreSQL connection (not from the pool) that LISTENs on a channel, for a
// process-wide listener: the API key cache's and the live updates feed's. It reconnects with
// bounded, jittered backoff, and a heartbeat (`SELECT 1`) notices a connection that died
// silently (no FIN, no error) rather than waiting for TCP to give up. Its owner hears when
// the connection LISTENs (it may then run queries on it) and when it is lost.
import pg from "pg";
import type { Logger } from "../logger";

export interface ListeningConnectionOptions {
  /** How to connect (the pool's settings: the same server, database and user). */
  connection: pg.ClientConfig;
  channel: string;
  /** Its application_name in pg_stat_activity. */
  applicationName: string;
  logger: Logger;
  /** First and longest wait between connection attempts (doubling in between). */
  reconnectMs?: { initial: number; max: number };
  /** How often the connection is checked with `SELECT 1`. */
  heartbeatMs?: number;
  /** A notification on the channel. */
  onNotification(payload: string | undefined): void;
  /** The connection LISTENs (at first, or again after `failures` failed attempts); it is usable until onLost. */
  onListening(client: pg.Client, failures: number): void;
  /** The connection is gone or not there (lost, a failed attempt, or stopped). */
  onLost(): void;
  /** The warning logged when the connection is lost, with a `%d` for the wait before the next attempt. */
  lostMessage: string;
}

const DEFAULT_RECONNECT_MS = { initial: 250, max: 5_000 };
const DEFAULT_HEARTBEAT_MS = 30_000;
/** A query (LISTEN, the heartbeat) unanswered for this long counts as a lost connection. */
const QUERY_TIMEOUT_MS = 10_000;

export class ListeningConnection {
  /** The connection in use or being made; null while waiting to retry, and after stop. */
  private client: pg.Client | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private failures = 0;
  private stopped = false;

  constructor(private readonly options: ListeningConnectionOptions) {}

  /** Connects and LISTENs; resolves after the first attempt, successful or not (it keeps trying in the background). */
  async connect(): Promise<void> {
    this.retryTimer = null;
    if (this.stopped) return;
    const { connection, channel } = this.options;
    const client = new pg.Client({
      ...connection,
      application_name: this.options.applicationName,
      connectionTimeoutMillis: connection.connectionTimeoutMillis || QUERY_TIMEOUT_MS,
      query_timeout: QUERY_TIMEOUT_MS,
      keepAlive: true,
    });
    this.client = client;
    client.on("notification", (message) => {
      if (message.channel === channel) this.options.onNotification(message.payload);
    });
    client.on("error", (error) => this.lost(client, error));
    client.on("end", () => this.lost(client, new Error("the connection ended")));
    try {
      await client.connect();
      await client.query(`LISTEN ${channel}`);
    } catch (error) {
      this.lost(client, error);
      return;
    }
    if (this.client !== client) return; // lost or stopped meanwhile
    const failures = this.failures;
    this.failures = 0;
    this.heartbeatTimer = setInterval(() => {
      client.query("SELECT 1").catch((error: unknown) => this.lost(client, error));
    }, this.options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS).unref();
    this.options.onListening(client, failures);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const client = this.client;
    this.drop();
    if (client) await client.end().catch(() => undefined);
  }

  /** The current connection failed: close it, and try again after a while. */
  private lost(client: pg.Client, error: unknown): void {
    if (this.client !== client) return; // an old connection's late events
    this.drop();
    // Errors after this one (the socket closing) must not go unhandled.
    client.on("error", () => undefined);
    client.end().catch(() => undefined);
    if (this.stopped) return;
    const reconnect = this.options.reconnectMs ?? DEFAULT_RECONNECT_MS;
    const backoff = Math.min(reconnect.max, reconnect.initial * 2 ** this.failures);
    const retryInMs = Math.round(backoff * (0.75 + Math.random() * 0.5));
    this.failures += 1;
    this.options.logger.warn({ err: error, attempt: this.failures, retryInMs }, this.options.lostMessage, retryInMs);
    this.retryTimer = setTimeout(() => void this.connect(), retryInMs).unref();
  }

  private drop(): void {
    this.client = null;
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = null;
    this.options.onLost();
  }
}
