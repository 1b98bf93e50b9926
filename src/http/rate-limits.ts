// Rate limits: each client's budget of cost points per time window, and the throttle on
// failed authentication, held by rate-limiter-flexible in a store that every instance of
// the API shares (PostgreSQL or Redis), or in this process only (memory).
import { Redis } from "ioredis";
import type { Pool } from "pg";
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import type { Logger } from "../logger";

export type RateLimitStore = "postgres" | "redis" | "memory" | "off";

export interface RateLimitSettings {
  store: RateLimitStore;
  redisUrl: string;
  windowSeconds: number;
  keyPoints: number;
  anonymousPoints: number;
  authFailures: number;
}

export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  store: "memory",
  redisUrl: "redis://127.0.0.1:6379",
  windowSeconds: 60,
  keyPoints: 1_000_000,
  anonymousPoints: 100_000,
  authFailures: 20,
};

/** Who is charged: an API key, or (without one) the client's address. */
export type ClientId = { kind: "key"; id: string } | { kind: "address"; address: string };

export function clientKey(client: ClientId): string {
  return client.kind === "key" ? `key:${client.id}` : `ip:${client.address}`;
}

export interface Budget {
  /** Points the client may spend per window. */
  limit: number;
  remaining: number;
  windowSeconds: number;
  /** Milliseconds until the window starts over. */
  resetInMs: number;
}

export type Charge = { allowed: true; budget: Budget } | { allowed: false; budget: Budget; retryAfterSeconds: number };

export interface RateLimits {
  /** Charges `points` to the client's budget; refused (nothing charged) when not enough is left. */
  charge(client: ClientId, points: number): Promise<Charge | null>;
  /** Seconds this address must wait because of failed authentications, or 0. */
  authBlockedFor(address: string): number;
  /** Records a failed authentication; the seconds to wait if that was one too many, else 0. */
  authFailed(address: string): Promise<number>;
  close(): Promise<void>;
}

/** The table the PostgreSQL store uses (created by a migration; see prisma/schema.prisma `RateLimitBucket`). */
const POSTGRES_TABLE = "rate_limit_buckets";

export function createRateLimits(settings: RateLimitSettings, pool: Pool, logger: Logger): RateLimits {
  if (settings.store === "off") return unlimited;
  // Auto-pipelining: the requests that charge their budgets in the same turn of the event
  // loop share one write to Redis and one read of its replies, instead of one each.
  const redis =
    settings.store === "redis"
      ? new Redis(settings.redisUrl, {
          enableOfflineQueue: false,
          maxRetriesPerRequest: 1,
          lazyConnect: false,
          enableAutoPipelining: true,
        })
      : null;
  redis?.on("error", (error: Error) => logger.warn({ err: error }, "rate-limit store (Redis) error"));

  const limiter = (keyPrefix: string, points: number): RateLimiterAbstract => {
    const options = { keyPrefix, points, duration: settings.windowSeconds };
    // Should the shared store fail, this process keeps counting on its own rather than
    // letting everything through or refusing everything.
    const insuranceLimiter = new RateLimiterMemory(options);
    switch (settings.store) {
      case "memory":
      case "off":
        return new RateLimiterMemory(options);
      case "redis":
        return new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter });
      case "postgres":
        return new RateLimiterPostgres({
          ...options,
          storeClient: pool,
          storeType: "pool",
          tableName: POSTGRES_TABLE,
          tableCreated: true,
          insuranceLimiter,
        });
    }
  };
  const budgets = { key: limiter("cost:key", settings.keyPoints), ip: limiter("cost:ip", settings.anonymousPoints) };
  const authFailures = limiter("auth-failures", settings.authFailures);
  // Addresses refused for failed authentication, known to this instance: checked before the
  // key lookup, so a blocked address costs no database round trip.
  const blocked = new Map<string, number>();

  const budgetOf = (limit: number, res: RateLimiterRes): Budget => ({
    limit,
    remaining: Math.max(0, res.remainingPoints),
    windowSeconds: settings.windowSeconds,
    resetInMs: res.msBeforeNext,
  });

  return {
    async charge(client, points) {
      const [target, limit] =
        client.kind === "key" ? [budgets.key, settings.keyPoints] : [budgets.ip, settings.anonymousPoints];
      const key = clientKey(client);
      try {
        const res = await target.consume(key, points);
        return { allowed: true, budget: budgetOf(limit, res) };
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        // consume() counted the points even though they were refused; give them back, so a
        // client that asks for too much at once is not locked out by asking.
        await target.reward(key, points).catch(() => undefined);
        const remaining = Math.max(0, limit - (rejection.consumedPoints - points));
        return {
          allowed: false,
          budget: { ...budgetOf(limit, rejection), remaining },
          retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)),
        };
      }
    },
    authBlockedFor(address) {
      const until = blocked.get(address);
      if (until === undefined) return 0;
      const left = until - Date.now();
      if (left <= 0) {
        blocked.delete(address);
        return 0;
      }
      return Math.ceil(left / 1000);
    },
    async authFailed(address) {
      try {
        await authFailures.consume(address, 1);
        return 0;
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        blocked.set(address, Date.now() + rejection.msBeforeNext);
        return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      }
    },
    async close() {
      await redis?.quit().catch(() => undefined);
    },
  };
}

const unlimited: RateLimits = {
  charge: () => Promise.resolve(null),
  authBlockedFor: () => 0,
  authFailed: () => Promise.resolve(0),
  close: () => Promise.resolve(),
};
