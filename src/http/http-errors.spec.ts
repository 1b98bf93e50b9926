import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import pino from "pino";
import { AuthenticationError, ForbiddenError } from "../shared/errors";
import { AuthThrottledError } from "./authentication";
import { entrance } from "./entrance";
import { httpErrorHandler, HttpRequestError } from "./http-errors";

/** What the app logged, one parsed line each. */
const logged: Record<string, unknown>[] = [];
const logger = pino(
  { level: "info" },
  { write: (line: string) => logged.push(JSON.parse(line) as Record<string, unknown>) },
);

/** An app whose routes fail the way real ones can, behind the handler under test. */
async function withApp(run: (origin: string) => Promise<void>): Promise<void> {
  const app = express();
  app.use(entrance(logger, { isDraining: false }));
  app.get("/refused/:kind", (req) => {
    const kind = req.params.kind;
    if (kind === "auth") throw new AuthenticationError("The API key is not valid.");
    if (kind === "throttled") throw new AuthThrottledError(7);
    if (kind === "forbidden") throw new ForbiddenError("WRITE_CLAIMS", "This key may not do that.");
    throw new HttpRequestError(404, "No such thing.", "NOT_FOUND");
  });
  app.post("/graphql", express.json({ limit: "100b" }), (_req, res) => {
    res.json({ data: {} });
  });
  app.get("/graphql/fault", () => {
    throw new Error("SELECT secret FROM somewhere");
  });
  app.get("/fault", () => {
    throw new Error("boom at /srv/app.ts:12");
  });
  app.use(httpErrorHandler(logger));
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

const postJson = (url: string, body: string) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });

describe("httpErrorHandler", () => {
  it("answers a malformed or over-size /graphql body with a GraphQL error in JSON", () =>
    withApp(async (origin) => {
      const malformed = await postJson(`${origin}/graphql`, "{nope");
      expect(malformed.status).toBe(400);
      expect(malformed.headers.get("content-type")).toMatch(/^application\/json/);
      expect(await malformed.json()).toEqual({
        errors: [{ message: "The request body is not valid JSON.", extensions: { code: "BAD_REQUEST" } }],
      });
      const large = await postJson(`${origin}/graphql`, JSON.stringify({ query: "x".repeat(200) }));
      expect(large.status).toBe(413);
      expect(await large.json()).toMatchObject({ errors: [{ extensions: { code: "PAYLOAD_TOO_LARGE" } }] });
    }));

  it("answers an unexpected error with a JSON 500 that says nothing of it", () =>
    withApp(async (origin) => {
      const graphql = await fetch(`${origin}/graphql/fault`);
      expect(graphql.status).toBe(500);
      expect(await graphql.json()).toEqual({
        errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } }],
      });
      const other = await fetch(`${origin}/fault`);
      expect(other.status).toBe(500);
      expect(await other.text()).toBe('{"error":{"code":"INTERNAL_SERVER_ERROR","message":"Internal server error"}}');
    }));
});

describe("one error handler for every route", () => {
  it("answers each refusal with its status and code (and Retry-After when throttled)", () =>
    withApp(async (origin) => {
      const answers = await Promise.all(
        ["auth", "throttled", "forbidden", "missing"].map(async (kind) => {
          const response = await fetch(`${origin}/refused/${kind}`);
          const body = (await response.json()) as { error: { code: string } };
          return [response.status, body.error.code, response.headers.get("retry-after")];
        }),
      );
      expect(answers).toEqual([
        [401, "UNAUTHENTICATED", null],
        [429, "RATE_LIMITED", "7"],
        [403, "FORBIDDEN", null],
        [404, "NOT_FOUND", null],
      ]);
    }));

  it("logs an unexpected error once, with the request's ID, which the answer echoes", () =>
    withApp(async (origin) => {
      logged.length = 0;
      const response = await fetch(`${origin}/fault`, { headers: { "x-request-id": "trace-7" } });
      expect(response.status).toBe(500);
      expect(response.headers.get("x-request-id")).toBe("trace-7");
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({ level: 50, requestId: "trace-7", path: "/fault" });
    }));
});
