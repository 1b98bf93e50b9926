import { encodeCursor, type ClaimEventView, type EventPosition } from "./claim-event";
import type { ClaimEventFeed, FeedBatch, FeedSubscriber, ReadScope } from "./claim-event-feed";
import type { ClaimEventFilter } from "./claim-event-filter";
import { LiveSubscription } from "./live-subscription";

/** A feed that delivers what the test hands it. */
class FakeFeed {
  readonly subscribers = new Set<FeedSubscriber>();
  constructor(readonly position: EventPosition) {}
  subscribe(subscriber: FeedSubscriber): EventPosition {
    this.subscribers.add(subscriber);
    return this.position;
  }
  unsubscribe(subscriber: FeedSubscriber): void {
    this.subscribers.delete(subscriber);
  }
  push(...ids: number[]): void {
    const batch: FeedBatch = { events: ids.map(event), scope: () => ({}) as ReadScope };
    for (const subscriber of this.subscribers) subscriber.deliver(batch);
  }
}

function event(id: number): ClaimEventView {
  const position = { tx: 10n, id: BigInt(id) };
  return {
    position,
    cursor: encodeCursor(position),
    type: "STATEMENT_RECORDED",
    occurredAt: new Date(0),
    entityId: `s${id}`,
    claimId: "c",
    relatedClaimId: null,
    actorIds: [],
    apiKeyId: null,
    apiKeyRole: null,
    actorLabel: "test",
  };
}

const everything: ClaimEventFilter = { matches: () => Promise.resolve(true) };

function open(feed: FakeFeed, options: { maxQueued?: number; after?: EventPosition | null } = {}) {
  const overflows: number[] = [];
  const subscription = new LiveSubscription<string>({
    feed: feed as unknown as ClaimEventFeed,
    filter: everything,
    after: options.after ?? null,
    maxQueued: options.maxQueued ?? 100,
    replayPageSize: 10,
    newScope: () => {
      throw new Error("no replay in these specs");
    },
    render: (events) => Promise.resolve(events.map((item) => item.entityId)),
    onOverflow: (queued) => overflows.push(queued),
  });
  return { subscription, overflows };
}

test("events come out in order, and those at or before the starting position are dropped", async () => {
  const feed = new FakeFeed({ tx: 10n, id: 2n });
  const { subscription } = open(feed, { after: { tx: 10n, id: 3n } });
  feed.push(2, 3, 4);
  feed.push(5);
  expect((await subscription.next()).value).toBe("s4");
  expect((await subscription.next()).value).toBe("s5");
  await subscription.return();
  expect(feed.subscribers.size).toBe(0);
});

test("a subscriber that lets too many of the feed's events wait reads its backlog instead; behind again, it is cut off", async () => {
  const feed = new FakeFeed({ tx: 10n, id: 0n });
  const { subscription, overflows } = open(feed, { maxQueued: 5 });
  // Nobody reads, and the feed delivers faster than the subscription takes its batches.
  for (let id = 1; id <= 6; id += 1) feed.push(id);
  // The first time, it lets the batches go (it would read them from the table).
  expect(overflows).toEqual([]);
  expect(feed.subscribers.size).toBe(1);
  for (let id = 7; id <= 12; id += 1) feed.push(id);
  expect(overflows).toEqual([6]);
  expect(feed.subscribers.size).toBe(0);
  const rest: unknown[] = [];
  for await (const value of subscription) rest.push(value);
  expect(rest).toEqual([]);
});

test("return() ends a subscription that is waiting for events", async () => {
  const feed = new FakeFeed({ tx: 10n, id: 0n });
  const { subscription } = open(feed);
  const pending = subscription.next();
  await subscription.return();
  expect(await pending).toEqual({ value: undefined, done: true });
});
