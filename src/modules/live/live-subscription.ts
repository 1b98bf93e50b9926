// One claimEvents subscription: an async iterator of rendered events. With `after`, it first
// replays the events between the cursor and the position where it joined the feed (read
// from the audit log a page at a time, only as fast as the client takes them), while the
// feed's batches wait in its inbox; then it takes the inbox. Every event at or before the
// last one handled is dropped, so the seam has no gap and no duplicate.
//
// Memory is bounded per subscriber: events are filtered and rendered a chunk at a time, and
// only while fewer than READY_HIGH_WATER rendered events wait for the client. The feed's
// batches are shared by every subscriber; one that lets more than `maxQueued` of their events
// pile up stops holding them and reads its backlog from the audit log at its own pace (a
// burst, such as a bulk import, costs it queries rather than memory); if it falls that far
// behind again before it has caught up, it is cut off (onOverflow) and resumes with its last
// cursor. `return()` ends it at once, even while it waits.
import type { ClaimEventView, EventPosition } from "./claim-event";
import { comparePositions } from "./claim-event";
import type { ClaimEventFilter } from "./claim-event-filter";
import type { ClaimEventFeed, FeedBatch, FeedSubscriber, ReadScope } from "./claim-event-feed";
import { onPrisma, readClaimEvents } from "./live.repository";

export interface LiveSubscriptionOptions<T> {
  feed: ClaimEventFeed;
  filter: ClaimEventFilter;
  /** Resume after this position (null: start with the next live event). */
  after: EventPosition | null;
  /** The feed's events a subscriber may leave waiting before it reads its backlog from the table instead. */
  maxQueued: number;
  /** Events per replay read. */
  replayPageSize: number;
  /** A read scope for one replay page (the subscriber's own share of the database). */
  newScope: () => ReadScope;
  /** Renders matching events, in order, with the batch's read scope. */
  render: (events: readonly ClaimEventView[], scope: ReadScope) => Promise<T[]>;
  /** The subscriber fell `queued` events behind; the subscription has ended. */
  onOverflow: (queued: number) => void;
}

/** Rendered events held for a client before the subscription stops rendering more. */
const READY_HIGH_WATER = 64;
/** Events filtered and rendered at once. */
const RENDER_CHUNK = 32;
/** A read scope is replaced when less than this is left before its deadline. */
const SCOPE_MARGIN_MS = 2_000;

export class LiveSubscription<T> implements AsyncIterableIterator<T>, FeedSubscriber {
  private readonly inbox: FeedBatch[] = [];
  private inboxEvents = 0;
  private readonly ready: T[] = [];
  private last: EventPosition;
  private replayTo: EventPosition | null;
  private closed = false;
  private failure: { error: unknown } | null = null;
  private consumerWaiting: (() => void) | null = null;
  private pumpWaiting: (() => void) | null = null;

  constructor(private readonly options: LiveSubscriptionOptions<T>) {
    const joined = options.feed.subscribe(this);
    const after = options.after;
    // Behind the feed: replay up to where it joined. Ahead of it (a cursor this instance has
    // not read up to yet): the feed's events up to the cursor are dropped as they come.
    this.last = after ?? joined;
    this.replayTo = after && comparePositions(after, joined) < 0 ? joined : null;
    void this.pump();
  }

  deliver(batch: FeedBatch): void {
    if (this.closed) return;
    this.inbox.push(batch);
    this.inboxEvents += batch.events.length;
    if (this.inboxEvents > this.options.maxQueued) {
      const queued = this.inboxEvents;
      this.inbox.length = 0;
      this.inboxEvents = 0;
      if (this.replayTo) {
        // Behind again before it caught up: cut off.
        this.close();
        this.options.onOverflow(queued);
        return;
      }
      // Everything delivered so far is in the table, final: read it from there at its own pace.
      this.replayTo = this.options.feed.position ?? null;
    }
    this.wakePump();
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  async next(): Promise<IteratorResult<T>> {
    for (;;) {
      const value = this.ready.shift();
      if (value !== undefined) {
        this.wakePump();
        return { value, done: false };
      }
      if (this.failure) {
        const { error } = this.failure;
        this.failure = null;
        this.close();
        throw error;
      }
      if (this.closed) return { value: undefined, done: true };
      await new Promise<void>((resolve) => (this.consumerWaiting = resolve));
    }
  }

  return(): Promise<IteratorResult<T>> {
    this.close();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<T>> {
    this.close();
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.options.feed.unsubscribe(this);
    this.inbox.length = 0;
    this.inboxEvents = 0;
    this.wakeConsumer();
    this.wakePump();
  }

  private async pump(): Promise<void> {
    try {
      while (!this.closed) {
        if (this.replayTo && comparePositions(this.last, this.replayTo) >= 0) this.replayTo = null;
        if (this.replayTo) {
          await this.replayPage(this.replayTo);
          continue;
        }
        const batch = this.inbox.shift();
        if (!batch) {
          await this.pumpWait();
          continue;
        }
        this.inboxEvents -= batch.events.length;
        const fresh = batch.events.filter((event) => comparePositions(event.position, this.last) > 0);
        const lastFresh = fresh.at(-1);
        if (!lastFresh) continue;
        this.last = lastFresh.position;
        await this.take(fresh, () => batch.scope());
      }
    } catch (error) {
      if (!this.closed) this.failure = { error };
      this.wakeConsumer();
    }
  }

  private async replayPage(upTo: EventPosition): Promise<void> {
    let scope = this.options.newScope();
    const page = await readClaimEvents(onPrisma(scope.prisma), this.last, this.options.replayPageSize, upTo);
    if (this.closed) return;
    this.last = page.readTo;
    if (this.replayTo && comparePositions(this.last, this.replayTo) >= 0) this.replayTo = null;
    await this.take(page.events, () => {
      if (Date.now() > scope.deadline - SCOPE_MARGIN_MS) scope = this.options.newScope();
      return scope;
    });
  }

  /**
   * Filters and renders events in order, a chunk at a time, each chunk once fewer than
   * READY_HIGH_WATER rendered events wait for the client.
   */
  private async take(events: readonly ClaimEventView[], scopeOf: () => ReadScope): Promise<void> {
    for (let start = 0; start < events.length; start += RENDER_CHUNK) {
      while (this.ready.length >= READY_HIGH_WATER && !this.closed) await this.pumpWait();
      if (this.closed) return;
      const chunk = events.slice(start, start + RENDER_CHUNK);
      const scope = scopeOf();
      const passes = await Promise.all(chunk.map((event) => this.options.filter.matches(event, scope.loaders)));
      const matching = chunk.filter((_, index) => passes[index]);
      if (matching.length === 0) continue;
      const rendered = await this.options.render(matching, scope);
      if (this.closed) return;
      this.ready.push(...rendered);
      this.wakeConsumer();
    }
  }

  private pumpWait(): Promise<void> {
    return new Promise<void>((resolve) => (this.pumpWaiting = resolve));
  }

  private wakePump(): void {
    const wake = this.pumpWaiting;
    this.pumpWaiting = null;
    wake?.();
  }

  private wakeConsumer(): void {
    const wake = this.consumerWaiting;
    this.consumerWaiting = null;
    wake?.();
  }
}
