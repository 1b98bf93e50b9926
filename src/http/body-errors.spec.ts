import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import pino from "pino";
import { jsonErrorHandler } from "./body-errors";

/** An app whose routes fail the way real ones can, behind the handler under test. */
async function withApp(run: (origin: string) => Promise<void>): Promise<void> {
  const app = express();
  app.post("/graphql", express.json({ limit: "100b" }), (_req, res) => {
    res.json({ data: {} });
  });
  app.get("/graphql/fault", () => {
    throw new Error("SELECT secret FROM somewhere");
  });
  app.get("/fault", () => {
    throw new Error("boom at /srv/app.ts:12");
  });
  app.use(jsonErrorHandler(pino({ level: "silent" })));
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

describe("jsonErrorHandler", () => {
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
