// Opening a claimEvents subscription: the cursor checked (known, and not older than the
// replay window), the filter compiled, then a LiveSubscription on this process's feed. The
// GraphQL adapter (src/http/subscriptions.ts) hands each subscription's context a
// ClaimEventSource; the resolver only calls it.
import { GraphQLError } from "graphql";
import { BadQueryArgumentError } from "../../shared/errors";
import { decodeCursor, type ClaimEventView } from "./claim-event";
import { compileClaimEventFilter } from "./claim-event-filter";
import type { ClaimEventFeed, ReadScope } from "./claim-event-feed";
import { eventAge, onPrisma } from "./live.repository";
import { LiveSubscription } from "./live-subscription";

export interface ClaimEventsArgs {
  filter?: unknown;
  after?: string | null;
}

/** What the resolver of Subscription.claimEvents calls: an iterator of the subscription's results. */
export type ClaimEventSource = (args: ClaimEventsArgs) => Promise<AsyncIterableIterator<unknown>>;

export interface LiveSettings {
  /**
   * The feed's events a subscription may leave waiting: past it, it reads its backlog from the
   * audit log instead; past it again before it has caught up, it is cut off (1013).
   */
  maxQueuedEvents: number;
  /** Events read per replay page. */
  replayPageSize: number;
  /** How far back `after` may point (the replay window). */
  replayWindowMs: number;
}

export const DEFAULT_LIVE_SETTINGS: LiveSettings = {
  maxQueuedEvents: 10_000,
  replayPageSize: 200,
  replayWindowMs: 7 * 24 * 3_600_000,
};

/** The cursor is older than the replay window: the client must read afresh, then subscribe without `after`. */
export class CursorExpiredError extends GraphQLError {
  constructor(windowMs: number) {
    super(
      `The cursor is older than the replay window (${Math.round(windowMs / 3_600_000)} hours): the events after it ` +
        "are no longer replayed. Read the claims again with a query, then subscribe without `after`.",
      { extensions: { code: "CURSOR_EXPIRED", replayWindowSeconds: Math.round(windowMs / 1000) } },
    );
  }
}

/** The feed has not read the stream's position yet (the database was unreachable at start-up). */
export class FeedNotReadyError extends GraphQLError {
  constructor() {
    super("Live updates are not available yet (the database is unreachable); retry shortly.", {
      extensions: { code: "SERVICE_UNAVAILABLE", retryable: true },
    });
  }
}

export interface OpenOptions<T> {
  feed: ClaimEventFeed;
  settings: LiveSettings;
  /** The subscribing request's read scope (its loaders, its share of the database). */
  scope: ReadScope;
  /** A read scope for each replay page. */
  newScope: () => ReadScope;
  render: (events: readonly ClaimEventView[], scope: ReadScope) => Promise<T[]>;
  onOverflow: (queued: number) => void;
}

export async function openClaimEvents<T>(args: ClaimEventsArgs, options: OpenOptions<T>): Promise<LiveSubscription<T>> {
  const { settings, scope } = options;
  const after = args.after ? decodeCursor(args.after) : null;
  if (after) {
    const age = await eventAge(onPrisma(scope.prisma), after, settings.replayWindowMs);
    if (!age) throw new BadQueryArgumentError("after", "`after` names no claim event of this service.");
    if (age.expired) throw new CursorExpiredError(settings.replayWindowMs);
  }
  const filter = await compileClaimEventFilter(args.filter, scope.loaders);
  if (!options.feed.ready) throw new FeedNotReadyError();
  return new LiveSubscription<T>({
    feed: options.feed,
    filter,
    after,
    maxQueued: settings.maxQueuedEvents,
    replayPageSize: settings.replayPageSize,
    newScope: options.newScope,
    render: options.render,
    onOverflow: options.onOverflow,
  });
}

const CLAIM_EVENTS = Symbol("claimtrail.claimEvents");

/** `context` with the claim event source of its subscription. */
export function withClaimEvents<C extends object>(context: C, source: ClaimEventSource): C {
  Object.defineProperty(context, CLAIM_EVENTS, { value: source, enumerable: false });
  return context;
}

/** The context's claim event source; over HTTP there is none (subscriptions are served over WebSocket only). */
export function claimEventsOf(context: object): ClaimEventSource {
  const source = (context as { [CLAIM_EVENTS]?: ClaimEventSource })[CLAIM_EVENTS];
  if (!source) {
    throw new GraphQLError("Subscriptions are served over WebSocket (graphql-ws) at /graphql.", {
      extensions: { code: "BAD_REQUEST" },
    });
  }
  return source;
}
