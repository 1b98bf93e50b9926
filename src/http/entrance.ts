// One entrance for every HTTP request, GraphQL or plain: the first middleware decides the
// request's ID (echoed in X-Request-ID) and gives it a logger that carries it, and, while
// the server drains, tells the client not to reuse its connection. Plain routes that need
// a caller mount `authenticated`, which authenticates the bearer key once and hands
// failures to the one error handler (http-errors.ts), like every other failure.
import { randomUUID } from "node:crypto";
import type { Request, RequestHandler, Response } from "express";
import type { Logger } from "../logger";
import type { Principal } from "../modules/auth/permissions";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestAuthenticator } from "./authentication";

/** What a client may choose: the audit log stores it and shows it to anonymous readers. */
const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:@-]{1,128}$/;

/** The client's request ID when acceptable, else a new UUID. */
export function acceptedRequestId(header: string | string[] | undefined): string {
  return typeof header === "string" && CLIENT_REQUEST_ID.test(header) ? header : randomUUID();
}

/** What the entrance decided for a request. */
export interface RequestScope {
  readonly requestId: string;
  /** The server's logger with the request's ID on every line (made when first used). */
  readonly log: Logger;
}

interface EntranceLocals {
  scope?: RequestScope;
  principal?: Principal;
}

const localsOf = (res: Response) => res.locals as EntranceLocals;

/**
 * The entrance itself, for Express's middleware and for the GraphQL POST route that
 * bypasses Express (graphql-post.ts): answers `Connection: close` while draining, decides
 * the request ID and echoes it, and returns the request's scope.
 */
export function enter(
  logger: Logger,
  shutdown: { readonly isDraining: boolean },
  req: IncomingMessage,
  res: ServerResponse,
): RequestScope {
  if (shutdown.isDraining) res.setHeader("Connection", "close");
  const requestId = acceptedRequestId(req.headers["x-request-id"]);
  res.setHeader("X-Request-ID", requestId);
  let log: Logger | undefined;
  return {
    requestId,
    get log() {
      return (log ??= logger.child({ requestId }));
    },
  };
}

export function entrance(logger: Logger, shutdown: { readonly isDraining: boolean }): RequestHandler {
  return (req, res, next) => {
    localsOf(res).scope = enter(logger, shutdown, req, res);
    next();
  };
}

/** The request's scope; the entrance mounts first, so every route has one. */
export function scopeOf(res: Response): RequestScope {
  const { scope } = localsOf(res);
  if (!scope) throw new Error("the request did not pass the entrance middleware");
  return scope;
}

/** Authenticates the bearer key (anonymous without one) before the route; failures go to the error handler. */
export function authenticated(authenticate: RequestAuthenticator): RequestHandler {
  return (req: Request, res: Response, next) => {
    authenticate(req).then((principal) => {
      localsOf(res).principal = principal;
      next();
    }, next);
  };
}

/** The caller `authenticated` found. */
export function principalOf(res: Response): Principal {
  const { principal } = localsOf(res);
  if (!principal) throw new Error("the route is not behind the authenticated middleware");
  return principal;
}
