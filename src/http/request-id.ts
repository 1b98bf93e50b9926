// The request's ID for logs and the audit trail: the client's X-Request-ID when it is a
// short plain token, else a fresh UUID, echoed in the response's X-Request-ID header.
import { randomUUID } from "node:crypto";
import type { NextFunction, Request, Response } from "express";

/** What a client may choose: the audit log stores it and shows it to anonymous readers. */
const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:@-]{1,128}$/;

/** The client's request ID when acceptable, else a new UUID. */
export function acceptedRequestId(header: string | string[] | undefined): string {
  return typeof header === "string" && CLIENT_REQUEST_ID.test(header) ? header : randomUUID();
}

/** Decides the request's ID once, before any route, and echoes it. */
export function requestIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  requestIdOf(req, res);
  next();
}

/** The ID decided for this request (deciding it now when the middleware did not run). */
export function requestIdOf(req: Request, res: Response): string {
  const decided: unknown = res.locals.requestId;
  if (typeof decided === "string") return decided;
  const requestId = acceptedRequestId(req.headers["x-request-id"]);
  res.locals.requestId = requestId;
  if (!res.headersSent) res.setHeader("X-Request-ID", requestId);
  return requestId;
}
