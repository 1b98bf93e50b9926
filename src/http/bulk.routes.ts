// NDJSON bulk import and export over HTTP for API-key clients: POST /import/claims streams
// a file in and its per-line report out; GET /export/claims streams every claim out.
// Both run on the services the CLI uses (src/modules/bulk).
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import express, { type Request, type Response, type Router } from "express";
import type { PrismaClient } from "../db/prisma";
import { createServices } from "../modules/services";
import { coalescingWriter } from "../modules/bulk/write-text";
import type { RequestAuthenticator } from "./authentication";
import { authenticated, principalOf, scopeOf } from "./entrance";
import { HttpRequestError } from "./http-errors";

const NDJSON = "application/x-ndjson";
const NDJSON_TYPES = new Set([NDJSON, "application/ndjson", "application/jsonl", "application/x-jsonlines"]);
/** Report bytes buffered for a client that does not read while it sends, before the import waits for it. */
const MAX_BUFFERED_REPORT = 16 * 1024 * 1024;

export function bulkRouter(prisma: PrismaClient, authenticate: RequestAuthenticator): Router {
  const router = express.Router();
  const servicesFor = (res: Response) => {
    const { requestId, log } = scopeOf(res);
    return createServices(prisma, log.child({ module: "bulk-http" }), { principal: principalOf(res), requestId });
  };

  router.post("/import/claims", authenticated(authenticate), async (req: Request, res: Response) => {
    const services = servicesFor(res);
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
      scopeOf(res).log.warn({ err: error }, "bulk import stopped before the end of its input");
      res.destroy();
      return;
    }
    await send({ summary });
    await report.flush();
    res.end();
  });

  router.get("/export/claims", authenticated(authenticate), async (req: Request, res: Response) => {
    const services = servicesFor(res);
    const lines = services.bulkExport.exportClaims({ since: sinceOf(req.query.since) });
    res.status(200).type(NDJSON);
    try {
      await pipeline(Readable.from(withLineBreaks(lines)), res);
    } catch (error) {
      scopeOf(res).log.warn({ err: error }, "bulk export stopped before the end");
      res.destroy();
    }
  });

  return router;
}

/** The request body, refused (415) on first read unless it is NDJSON: after the permission check. */
async function* ndjsonBody(req: Request): AsyncGenerator<Buffer> {
  const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (!NDJSON_TYPES.has(type)) {
    throw new HttpRequestError(
      415,
      `Send the claims as ${NDJSON} (one JSON object per line).`,
      "UNSUPPORTED_MEDIA_TYPE",
    );
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
    throw new HttpRequestError(400, "`since` must be an ISO 8601 date or date-time, such as 2024-06-19T00:00:00Z.");
  }
  return date;
}
