// The one reader of claim events in a server process. It keeps a high-water mark (how far
// the stream has been read), reads what is new past it once, and hands each batch to every
// local subscriber at once, so the database sees one query per batch however many clients
// listen. It has one dedicated connection (not from the pool, reconnected with backoff) on
// which it LISTENs for the audit_events trigger's NOTIFY at commit (the doorbell) and reads.
// A timer reads too, because an event becomes deliverable only when the horizon (the oldest
// transaction still running) passes it, which rings no bell. While the connection is down
// the feed pauses; the events wait in the audit log, and it reads on from its mark when back.
import type pg from "pg";
import { ListeningConnection } from "../../db/listening-connection";
import type { PrismaClient } from "../../db/prisma";
import type { Loaders } from "../../loaders/loaders";
import type { Logger } from "../../logger";
import type { ClaimEventView, EventPosition } from "./claim-event";
import { currentPosition, onClient, readClaimEvents } from "./live.repository";

export const CLAIM_EVENTS_CHANNEL = "claimtrail_claim_events";
/** Its application_name in pg_stat_activity. */
export const CLAIM_EVENTS_LISTENER_NAME = "claimtrail-claim-events-listener";

/** What resolving a batch of events reads through: loaders shared by every subscriber of the batch. */
export interface ReadScope {
  prisma: PrismaClient;
  loaders: Loaders;
  /** Epoch milliseconds after which its reads fail (the operation deadline it was made with). */
  deadline: number;
  /** Results computed once per batch and shared (identical subscriptions render an event once). */
  memo: Map<string, Promise<unknown>>;
}

/** New events, in stream order, as every subscriber of this process receives them. */
export interface FeedBatch {
  events: readonly ClaimEventView[];
  /** The batch's read scope, made on first use. */
  scope(): ReadScope;
}

export interface FeedSubscriber {
  /** Called synchronously with each batch, in order; every event is after the position `subscribe` returned. */
  deliver(batch: FeedBatch): void;
}

export interface ClaimEventFeedOptions {
  /** How to connect the feed's connection, which listens and reads (the pool's settings). */
  connection: pg.ClientConfig;
  logger: Logger;
  /** A read scope for one batch (its deadline and share of the database). */
  newScope: () => ReadScope;
  /** How often the stream is read without a notification (the horizon moves silently). */
  pollIntervalMs?: number;
  /** Events per read. */
  pageSize?: number;
  reconnectMs?: { initial: number; max: number };
  heartbeatMs?: number;
}

const DEFAULT_POLL_MS = 250;
const DEFAULT_PAGE_SIZE = 500;
/** A batch's read scope is replaced when less than this is left before its deadline. */
const SCOPE_MARGIN_MS = 2_000;

export class ClaimEventFeed {
  private readonly log: Logger;
  private readonly subscribers = new Set<FeedSubscriber>();
  /** The high-water mark: how far the stream has been read and delivered. */
  private mark: EventPosition | null = null;
  private reading: Promise<void> | null = null;
  private readAgain = false;
  private readFailures = 0;
  private pollTimer: NodeJS.Timeout | null = null;
  /** The doorbell: a dedicated connection LISTENing for the trigger's notifications. */
  private readonly connection: ListeningConnection;
  /** The connection once it LISTENs: the feed reads on it (no pooled connection is taken). */
  private listening: pg.Client | null = null;
  private stopped = false;

  constructor(private readonly options: ClaimEventFeedOptions) {
    this.log = options.logger.child({ module: "claim-event-feed" });
    this.connection = new ListeningConnection({
      connection: options.connection,
      channel: CLAIM_EVENTS_CHANNEL,
      applicationName: CLAIM_EVENTS_LISTENER_NAME,
      logger: this.log,
      reconnectMs: options.reconnectMs,
      heartbeatMs: options.heartbeatMs,
      onNotification: () => this.read(),
      onListening: (client, failures) => {
        if (failures > 0) this.log.info({ attempts: failures + 1 }, "listening for claim events again");
        this.listening = client;
        // Where the stream stands (the first time), or whatever was committed while the connection was down.
        this.read();
      },
      onLost: () => {
        this.listening = null;
      },
      lostMessage: "claim event connection lost; live updates pause until it is back (retry in %d ms), nothing is lost",
    });
  }

  /**
   * Starts listening and reading; resolves once the stream's position is known, or after the
   * first failed attempt to connect (it keeps trying; subscriptions are refused meanwhile).
   */
  async start(): Promise<void> {
    await this.connection.connect();
    await this.reading?.catch(() => undefined);
    this.pollTimer = setInterval(() => this.read(), this.options.pollIntervalMs ?? DEFAULT_POLL_MS);
    this.pollTimer.unref();
  }

  /** Whether the feed knows where the stream stands (false only until its first read succeeds). */
  get ready(): boolean {
    return this.mark !== null;
  }

  /** How far the stream has been read (null until the first read): every event up to it has been delivered. */
  get position(): EventPosition | null {
    return this.mark;
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  /**
   * Adds a subscriber; returns the position it starts after: every later batch holds only
   * events after it. Throws when the feed is not ready.
   */
  subscribe(subscriber: FeedSubscriber): EventPosition {
    if (!this.mark) throw new Error("the claim event feed is not ready");
    this.subscribers.add(subscriber);
    return this.mark;
  }

  unsubscribe(subscriber: FeedSubscriber): void {
    this.subscribers.delete(subscriber);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.subscribers.clear();
    await this.reading?.catch(() => undefined);
    await this.connection.stop();
  }

  /** Reads what is new, once at a time: a request while reading makes one more read after it. */
  private read(): void {
    // Without its connection the feed waits: the events stay in the table for when it is back.
    if (this.stopped || !this.listening) return;
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    this.reading = this.readAll()
      .then(() => {
        if (this.readFailures > 0) this.log.info({ failures: this.readFailures }, "reading claim events again");
        this.readFailures = 0;
      })
      .catch((error: unknown) => {
        // Every poll retries; the first failure and then one in a hundred are logged.
        if (this.readFailures % 100 === 0) {
          this.log.warn({ err: error, failures: this.readFailures + 1 }, "reading claim events failed; retrying");
        }
        this.readFailures += 1;
      })
      .finally(() => {
        this.reading = null;
        if (this.readAgain && !this.stopped) {
          this.readAgain = false;
          this.read();
        }
      });
  }

  private async readAll(): Promise<void> {
    const client = this.listening;
    if (!client) return;
    const run = onClient(client);
    if (!this.mark) {
      this.mark = await currentPosition(run);
      return;
    }
    const pageSize = this.options.pageSize ?? DEFAULT_PAGE_SIZE;
    for (;;) {
      const page = await readClaimEvents(run, this.mark, pageSize);
      if (this.stopped) return;
      // Position and delivery in one synchronous step: a subscriber added later starts after this batch.
      this.mark = page.readTo;
      if (page.events.length > 0) this.deliver(page.events);
      // A short page has read up to the horizon (a full one may have more behind it).
      if (page.events.length < pageSize) return;
    }
  }

  private deliver(events: readonly ClaimEventView[]): void {
    let scope: ReadScope | null = null;
    const batch: FeedBatch = {
      events,
      // Shared while it has time left; a subscriber that comes to the batch late gets a fresh one.
      scope: () => {
        if (!scope || Date.now() > scope.deadline - SCOPE_MARGIN_MS) scope = this.options.newScope();
        return scope;
      },
    };
    for (const subscriber of [...this.subscribers]) {
      try {
        subscriber.deliver(batch);
      } catch (error) {
        this.log.error({ err: error }, "a subscriber failed to take a batch of claim events");
      }
    }
  }
}
