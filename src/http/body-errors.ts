// JSON answers for errors that reach Express instead of a route's own handling: a body
// that is not JSON or is too large, and anything unexpected. Express's default handler
// answers HTML, with the stack trace in development; no client of this API reads HTML.
import type { ErrorRequestHandler, Response } from "express";
import type { Logger } from "../logger";

export interface HttpError {
  status: number;
  code: "BAD_REQUEST" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "INTERNAL_SERVER_ERROR";
  message: string;
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

/** The last error handler of the app: `/graphql` gets GraphQL's error shape, other routes theirs. */
export function jsonErrorHandler(logger: Logger): ErrorRequestHandler {
  const log = logger.child({ module: "http-errors" });
  return (error: unknown, req, res, next) => {
    // The answer is under way: all that is left is to cut it short (Express does).
    if (res.headersSent) return next(error);
    let answer = bodyErrorOf(error);
    if (!answer) {
      log.error({ err: error, path: req.path }, "unexpected error reaching Express on %s", req.path);
      answer = { status: 500, code: "INTERNAL_SERVER_ERROR", message: "Internal server error" };
    }
    sendJsonError(res, answer, req.baseUrl.startsWith("/graphql") || req.path.startsWith("/graphql"));
  };
}

function sendJsonError(res: Response, { status, code, message }: HttpError, graphql: boolean): void {
  res
    .status(status)
    .type("application/json")
    .send(JSON.stringify(graphql ? { errors: [{ message, extensions: { code } }] } : { error: { code, message } }));
}
