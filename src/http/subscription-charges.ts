// The rate-limit charges of the events subscriptions deliver: each costs its subscription's
// price, as a query's answer would; summed per client and charged once a second.
import { GraphQLError } from "graphql";
import type { Logger } from "../logger";
import { clientKey, type ClientId, type RateLimits } from "./rate-limits";

/**
 * The rate-limit charges of delivered events: summed per client and charged once a second
 * (one call per client, whatever its number of subscriptions and events). A client whose
 * budget is spent has its subscriptions ended with RATE_LIMITED at their next event.
 */
export class EventCharges {
  private readonly pending = new Map<string, { client: ClientId; points: number }>();
  private readonly spent = new Map<string, { until: number; retryAfterSeconds: number }>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly rateLimits: RateLimits,
    private readonly log: Logger,
  ) {
    this.timer = setInterval(() => void this.flush(), 1_000);
    this.timer.unref();
  }

  /** Adds `points` to the client's next charge; throws RATE_LIMITED while its budget is spent. */
  charge(client: ClientId, points: number): void {
    const key = clientKey(client);
    const spent = this.spent.get(key);
    if (spent && spent.until > Date.now()) {
      throw new GraphQLError(
        "Rate limit exceeded: the events delivered to this client's subscriptions have spent its budget; " +
          `subscribe again after ${spent.retryAfterSeconds} s, with \`after\` set to the last cursor received.`,
        { extensions: { code: "RATE_LIMITED", retryAfterSeconds: spent.retryAfterSeconds } },
      );
    }
    if (spent) this.spent.delete(key);
    const entry = this.pending.get(key);
    if (entry) entry.points += points;
    else this.pending.set(key, { client, points });
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async flush(): Promise<void> {
    const due = [...this.pending.entries()];
    this.pending.clear();
    await Promise.all(
      due.map(async ([key, { client, points }]) => {
        try {
          const charge = await this.rateLimits.charge(client, points);
          if (charge && !charge.allowed) {
            this.spent.set(key, {
              until: Date.now() + charge.retryAfterSeconds * 1_000,
              retryAfterSeconds: charge.retryAfterSeconds,
            });
          }
        } catch (error) {
          this.log.warn({ err: error }, "charging delivered events failed");
        }
      }),
    );
  }
}
