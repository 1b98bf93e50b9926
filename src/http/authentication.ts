// Authentication of an HTTP request's bearer key, with failed attempts throttled per
// client address: past RATE_LIMIT_AUTH_FAILURES in a window the address is refused
// (RATE_LIMITED) before its keys are even looked up. Keys are read through this process's
// key cache when there is one (src/modules/auth/api-key-cache.ts).
import type { IncomingMessage } from "node:http";
import proxyAddress from "proxy-addr";
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

/** What a request presents: its Authorization header (HTTP) or connection payload (WebSocket), and its address. */
export interface Credentials {
  authorization: string | undefined;
  /** The client's address (clientAddressOf), charged for failed attempts. */
  address: string;
}

/** A request's client address. */
export type ClientAddress = (req: IncomingMessage) => string;

/**
 * The client's address as Express's `req.ip` has it: behind a proxy, from X-Forwarded-For
 * as far as `trust` (Express's compiled `trust proxy fn`, set from TRUST_PROXY) allows.
 * For requests that do not pass through Express (the GraphQL POST route).
 */
export function clientAddressOf(trust: (address: string, hop: number) => boolean): ClientAddress {
  return (req) => proxyAddress(req, trust) || req.socket.remoteAddress || "unknown";
}

export function createAuthenticator(prisma: PrismaClient, rateLimits: RateLimits, keys: ApiKeyCache | null = null) {
  return async ({ authorization: header, address }: Credentials): Promise<Principal> => {
    if (header === undefined) return authenticate(prisma, header);
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

/** An HTTP request's caller: its bearer key's principal (anonymous without one). */
export type RequestAuthenticator = (req: IncomingMessage) => Promise<Principal>;

export function requestAuthenticator(authenticate: Authenticator, addressOf: ClientAddress): RequestAuthenticator {
  return (req) => authenticate({ authorization: req.headers.authorization, address: addressOf(req) });
}
