// Authentication of an HTTP request's bearer key, with failed attempts throttled per
// client address: past RATE_LIMIT_AUTH_FAILURES in a window the address is refused
// (RATE_LIMITED) before its keys are even looked up. Keys are read through this process's
// key cache when there is one (src/modules/auth/api-key-cache.ts).
import type { Request } from "express";
import type { PrismaClient } from "../db/prisma";
import type { ApiKeyCache } from "../modules/auth/api-key-cache";
import { authenticate } from "../modules/auth/api-key.service";
import type { Principal } from "../modules/auth/permissions";
import { AuthenticationError } from "../shared/errors";
import type { RateLimits } from "./rate-limits";

/** Too many failed authentications from one address. */
export class AuthThrottledError extends Error {
  override name = "AuthThrottledError";
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many failed authentications from this address; retry after ${retryAfterSeconds} s.`);
  }
}

/** The client's address (behind a proxy, from X-Forwarded-For when TRUST_PROXY says so). */
export function clientAddress(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? "unknown";
}

export function createAuthenticator(prisma: PrismaClient, rateLimits: RateLimits, keys: ApiKeyCache | null = null) {
  return async (req: Request): Promise<Principal> => {
    const header = req.headers.authorization;
    if (header === undefined) return authenticate(prisma, header);
    const address = clientAddress(req);
    const blockedFor = rateLimits.authBlockedFor(address);
    if (blockedFor > 0) throw new AuthThrottledError(blockedFor);
    try {
      return await authenticate(prisma, header, keys);
    } catch (error) {
      if (error instanceof AuthenticationError) {
        const retryAfter = await rateLimits.authFailed(address);
        if (retryAfter > 0) throw new AuthThrottledError(retryAfter);
      }
      throw error;
    }
  };
}

export type Authenticator = ReturnType<typeof createAuthenticator>;
