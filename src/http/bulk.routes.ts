// NDJSON bulk import and export over HTTP for API-key clients: POST /import/claims streams
// a file in and its per-line report out; GET /export/claims streams every claim out.
// Both run on the services the CLI uses (src/modules/bulk).
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import express, { type NextFunction, type Request, type Response, type Router } from "express";
import { isDatabaseUnavailable } from "../db/db-errors";
import type { PrismaClient } from "../db/prisma";
import { createServices } from "../modules/services";
import type { Logger } from "../logger";
import { coalescingWriter } from "../modules/bulk/write-text";
import { requestIdOf } from "./request-id";
import { sendDatabaseUnavailable } from "./unavailable";
import { AuthenticationError, ForbiddenError } from "../shared/errors";
import { AuthThrottledError, sendAuthThrottled, type Authenticator } from "./authentication";

const NDJSON = "application/x-ndjson";
const NDJSON_TYPES = new Set([NDJSON, "application/ndjson", "application/jsonl", "application/x-jsonlines"]);
/** Report bytes buffered for a client that does not read while it sends, before the import waits for it. */
const MAX_BUFFERED_REPORT = 16 * 1024 * 1024;

class BadRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function bulkRouter(prisma: PrismaClient, logger: Logger, authenticate: Authenticator): Router {
  const log = logger.child({ module: "bulk-http" });
  const router = express.Router();
  const servicesFor = async (req: Request, res: Response) =>
    createServices(prisma, log, {
      principal: await authenticate(req),
      requestId: requestIdOf(req, res),
    });

  router.post("/import/claims", async (req: Request, res: Response) => {
    const services = await servicesFor(req, res);
    const report = coalescingWriter(res, MAX_BUFFERED_REPORT);
    const send = (value: unknown) => {
      if (!res.headersSent) res.status(200).type(NDJSON);
      return report.write(`${JSON.stringify(value)}\n`);
    };
    let summary;
    try {
      // Checks BULK_IMPORT before reading: a refusal is a 401/403, not a report.
      summary = await services.bulkImport.importNdjson(ndjsonBody(req), (report) => send(report));
    } catch (error) {
      if (!res.headersSent) throw error;
      log.warn({ err: error }, "bulk import stopped before the end of its input");
      res.destroy();
      return;
    }
    await send({ summary });
    await report.flush();
    res.end();
  });

  router.get("/export/claims", async (req: Request, res: Response) => {
    const services = await servicesFor(req, res);
    const lines = services.bulkExport.exportClaims({ since: sinceOf(req.query.since) });
    res.status(200).type(NDJSON);
    try {
      await pipeline(Readable.from(withLineBreaks(lines)), res);
    } catch (error) {
      log.warn({ err: error }, "bulk export stopped before the end");
      res.destroy();
    }
  });

  router.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    if (error instanceof AuthenticationError) return sendError(res, 401, "UNAUTHENTICATED", error.message);
    if (error instanceof AuthThrottledError) return sendAuthThrottled(res, error);
    if (error instanceof ForbiddenError) return sendError(res, 403, "FORBIDDEN", error.message);
    if (error instanceof BadRequestError) return sendError(res, error.status, "BAD_REQUEST", error.message);
    if (isDatabaseUnavailable(error)) return sendDatabaseUnavailable(res);
    log.error({ err: error }, "unexpected error in a bulk route");
    return sendError(res, 500, "INTERNAL_SERVER_ERROR", "Internal server error");
  });
  return router;
}

/** The request body, refused (415) on first read unless it is NDJSON: after the permission check. */
async function* ndjsonBody(req: Request): AsyncGenerator<Buffer> {
  const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (!NDJSON_TYPES.has(type)) {
    throw new BadRequestError(415, `Send the claims as ${NDJSON} (one JSON object per line).`);
  }
  for await (const chunk of req) yield chunk as Buffer;
}

async function* withLineBreaks(lines: AsyncIterable<string>): AsyncGenerator<string> {
  for await (const line of lines) yield `${line}\n`;
}

function sinceOf(value: unknown): Date | null {
  if (value === undefined) return null;
  const date =
    typeof value === "string" && /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/i.test(value)
      ? new Date(value)
      : null;
  if (!date || Number.isNaN(date.getTime())) {
    throw new BadRequestError(400, "`since` must be an ISO 8601 date or date-time, such as 2024-06-19T00:00:00Z.");
  }
  return date;
}

function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}
