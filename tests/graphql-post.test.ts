// A GraphQL POST with a JSON body of a declared length bypasses Express
// (src/http/graphql-post.ts); the same body sent chunked still goes through Express's
// `express.json`. Every request below is sent both ways, and both answers must be the
// same: status, content type and body, whether it succeeds or is refused.
import http from "node:http";
import { startTestServer, type TestServer } from "./helpers/test-server";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ rateLimits: { store: "off" } });
});

afterAll(async () => {
  await server?.close();
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** POSTs `body` to /graphql, with a Content-Length (the fast route) or chunked (Express's route). */
function post(body: Buffer, headers: Record<string, string>, framing: "length" | "chunked", path = "/graphql") {
  return new Promise<Answer>((resolve, reject) => {
    const req = http.request(
      `${server.origin}${path}`,
      {
        method: "POST",
        headers: {
          ...headers,
          ...(framing === "length" ? { "content-length": String(body.length) } : { "transfer-encoding": "chunked" }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }),
        );
      },
    );
    req.on("error", reject);
    // Chunked: the body in two writes, so it really arrives in chunks.
    if (framing === "chunked" && body.length > 1) {
      req.write(body.subarray(0, 1));
      req.end(body.subarray(1));
    } else req.end(body);
  });
}

const JSON_TYPE = { "content-type": "application/json" };
const claimsQuery = Buffer.from(JSON.stringify({ query: "{ claims(first: 1) { totalCount } }" }));

const cases: [string, Buffer, Record<string, string>, string?][] = [
  ["a query", claimsQuery, JSON_TYPE],
  ["a query, charset=utf-8", claimsQuery, { "content-type": "application/json; charset=utf-8" }],
  ["a query, charset quoted and in capitals", claimsQuery, { "content-type": 'Application/JSON; charset="UTF-8"' }],
  ["a query after a byte-order mark", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), claimsQuery]), JSON_TYPE],
  ["a query with a query string", claimsQuery, JSON_TYPE, "/graphql?x=1"],
  ["a query as graphql-response+json", claimsQuery, { ...JSON_TYPE, accept: "application/graphql-response+json" }],
  ["a syntax error", Buffer.from(JSON.stringify({ query: "{ claims(" })), JSON_TYPE],
  [
    "variables",
    Buffer.from(JSON.stringify({ query: "query($n: Int) { claims(first: $n) { totalCount } }", variables: { n: 2 } })),
    JSON_TYPE,
  ],
  [
    "a mutation without a key",
    Buffer.from(JSON.stringify({ query: 'mutation { createClaim(input: { text: "x" }) { claim { id } } }' })),
    JSON_TYPE,
  ],
  ["a bad key", claimsQuery, { ...JSON_TYPE, authorization: "Bearer ct_nope" }],
  ["invalid JSON", Buffer.from('{"query": '), JSON_TYPE],
  ["JSON that is not an object", Buffer.from('"{ claims { totalCount } }"'), JSON_TYPE],
  ["a JSON array", Buffer.from("[]"), JSON_TYPE],
  ["JSON null", Buffer.from("null"), JSON_TYPE],
  ["an empty body", Buffer.alloc(0), JSON_TYPE],
  ["an object without a query", Buffer.from('{"variables": {}}'), JSON_TYPE],
  [
    "a body over 1 MB",
    Buffer.from(JSON.stringify({ query: `{ claims(first: 1) { totalCount } }${" ".repeat(1024 * 1024)}` })),
    JSON_TYPE,
  ],
];

// (Rows as objects: a row shorter than the function's parameters would make jest pass `done`.)
test.each(cases.map(([name, body, headers, path]) => ({ name, body, headers, path })))(
  "$name: the same answer with and without Express",
  async ({ body, headers, path }) => {
    const fast = await post(body, headers, "length", path);
    const viaExpress = await post(body, headers, "chunked", path);
    expect(fast.status).toBe(viaExpress.status);
    expect(fast.headers["content-type"]).toBe(viaExpress.headers["content-type"]);
    expect(fast.body).toBe(viaExpress.body);
    // Both passed the one entrance, and neither names its framework.
    for (const answer of [fast, viaExpress]) {
      expect(answer.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
      expect(answer.headers["x-powered-by"]).toBeUndefined();
    }
  },
);

test("the fast route answers what it should: data, a 400 for bad JSON, a 413 over the limit", async () => {
  const ok = await post(claimsQuery, JSON_TYPE, "length");
  expect(ok.status).toBe(200);
  expect(JSON.parse(ok.body)).toMatchObject({ data: { claims: { totalCount: expect.any(Number) } } });
  // Which route answered: Express's `res.send` adds an ETag, the fast route does not.
  expect(ok.headers.etag).toBeUndefined();
  expect((await post(claimsQuery, JSON_TYPE, "chunked")).headers.etag).toBeDefined();
  const bad = await post(Buffer.from("{"), JSON_TYPE, "length");
  expect(bad.status).toBe(400);
  expect(JSON.parse(bad.body)).toEqual({
    errors: [{ message: "The request body is not valid JSON.", extensions: { code: "BAD_REQUEST" } }],
  });
  const large = await post(Buffer.alloc(1024 * 1024 + 1, " "), JSON_TYPE, "length");
  expect(large.status).toBe(413);
  expect(JSON.parse(large.body).errors[0].extensions.code).toBe("PAYLOAD_TOO_LARGE");
});

test("a client's request ID is echoed, and the connection is kept alive for the next request", async () => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const ports = new Set<number>();
  for (let i = 0; i < 3; i += 1) {
    const answer = await new Promise<{ id?: string; port?: number }>((resolve, reject) => {
      const req = http.request(
        `${server.origin}/graphql`,
        {
          method: "POST",
          agent,
          headers: { ...JSON_TYPE, "content-length": String(claimsQuery.length), "x-request-id": `client-${i}` },
        },
        (res) => {
          res.resume();
          res.on("end", () => resolve({ id: res.headers["x-request-id"] as string, port: req.socket?.localPort }));
        },
      );
      req.on("error", reject);
      req.end(claimsQuery);
    });
    expect(answer.id).toBe(`client-${i}`);
    if (answer.port) ports.add(answer.port);
  }
  agent.destroy();
  expect(ports.size).toBe(1);
});
