// The plain-HTTP answer when the database is unavailable: 503 JSON with Retry-After,
// the same code and Retry-After as GraphQL responses (src/graphql/http-status.ts).
import type { Response } from "express";
import { DATABASE_UNAVAILABLE } from "../graphql/errors";
import { httpHeadForCode } from "../graphql/http-status";

export function sendDatabaseUnavailable(res: Response, body?: object): void {
  const head = httpHeadForCode(DATABASE_UNAVAILABLE.extensions.code);
  for (const [name, value] of head.headers) res.setHeader(name, value);
  res
    .status(head.status)
    .json(body ?? { error: { code: DATABASE_UNAVAILABLE.extensions.code, message: DATABASE_UNAVAILABLE.message } });
}
