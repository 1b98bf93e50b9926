// The one error handler of the app, last after every route: whatever a route or a body
// parser throws is answered in JSON here, in GraphQL's error shape under /graphql and as
// `{ error: { code, message } }` elsewhere. A client's mistake or a refusal gets its
// status; anything unexpected is logged with the request's ID and answered 500 without
// a word about it. Express's default handler answers HTML, with the stack trace in
// development; no client of this API reads HTML.
import type { ServerResponse } from "node:http";
import type { ErrorRequestHandler } from "express";
import { isDatabaseUnavailable } from "../db/db-errors";
import { DATABASE_UNAVAILABLE } from "../graphql/errors";
import { httpHeadForCode } from "../graphql/http-status";
import type { Logger } from "../logger";
import { AuthenticationError, ForbiddenError } from "../shared/errors";
import { AuthThrottledError } from "./authentication";
import { scopeOf } from "./entrance";

export interface HttpError {
  status: number;
  code: string;
  message: string;
  headers?: Iterable<[string, string]>;
}

/** A request a route refuses as it is (a bad parameter, a body of the wrong type). */
export class HttpRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code = "BAD_REQUEST",
  ) {
    super(message);
  }
}

/**
 * The client's mistake a body parser reported (body-parser errors carry `status` and
 * `type`), with a message of our own: theirs may quote the body back. Null for anything else.
 */
export function bodyErrorOf(error: unknown): HttpError | null {
  const { status, type, limit } = (error ?? {}) as { status?: unknown; type?: unknown; limit?: unknown };
  if (typeof status !== "number" || status < 400 || status >= 500) return null;
  if (status === 413) {
    const size = typeof limit === "number" ? ` (at most ${limit} bytes)` : "";
    return { status, code: "PAYLOAD_TOO_LARGE", message: `The request body is too large${size}.` };
  }
  if (status === 415) {
    return {
      status,
      code: "UNSUPPORTED_MEDIA_TYPE",
      message: "The request body's charset or encoding is not supported.",
    };
  }
  if (type === "entity.parse.failed") {
    return { status: 400, code: "BAD_REQUEST", message: "The request body is not valid JSON." };
  }
  return { status, code: "BAD_REQUEST", message: "The request body could not be read." };
}

/** The answer to an expected failure; null for an unexpected one. */
export function httpErrorOf(error: unknown): HttpError | null {
  if (error instanceof AuthenticationError) return { status: 401, code: "UNAUTHENTICATED", message: error.message };
  if (error instanceof AuthThrottledError) {
    return {
      status: 429,
      code: "RATE_LIMITED",
      message: error.message,
      headers: [["retry-after", String(error.retryAfterSeconds)]],
    };
  }
  if (error instanceof ForbiddenError) return { status: 403, code: "FORBIDDEN", message: error.message };
  if (error instanceof HttpRequestError) return { status: error.status, code: error.code, message: error.message };
  if (isDatabaseUnavailable(error)) {
    const { code } = DATABASE_UNAVAILABLE.extensions;
    const head = httpHeadForCode(code);
    return { status: head.status, code, message: DATABASE_UNAVAILABLE.message, headers: head.headers };
  }
  return bodyErrorOf(error);
}

/** The answer to any failure: an expected one's, else a 500 that says nothing, logged with the request. */
export function answerToError(error: unknown, log: Logger, request: { method?: string; path: string }): HttpError {
  const answer = httpErrorOf(error);
  if (answer) return answer;
  log.error({ err: error, path: request.path }, "unexpected error on %s %s", request.method, request.path);
  return { status: 500, code: "INTERNAL_SERVER_ERROR", message: "Internal server error" };
}

export function httpErrorHandler(logger: Logger): ErrorRequestHandler {
  const fallback = logger.child({ module: "http-errors" });
  return (error: unknown, req, res, next) => {
    // The answer is under way: all that is left is to cut it short (Express does).
    if (res.headersSent) return next(error);
    const answer = answerToError(error, res.locals.scope ? scopeOf(res).log : fallback, req);
    sendJsonError(res, answer, req.baseUrl.startsWith("/graphql") || req.path.startsWith("/graphql"));
  };
}

/** Answers `error` in JSON: GraphQL's error shape under /graphql, `{ error: { code, message } }` elsewhere. */
export function sendJsonError(
  res: ServerResponse,
  { status, code, message, headers }: HttpError,
  graphql: boolean,
): void {
  const body = JSON.stringify(graphql ? { errors: [{ message, extensions: { code } }] } : { error: { code, message } });
  for (const [name, value] of headers ?? []) res.setHeader(name, value);
  res.statusCode = status;
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  res.setHeader("Content-Length", Buffer.byteLength(body));
  res.end(body);
}
