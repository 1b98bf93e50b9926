// The busiest route without Express: a GraphQL POST with a JSON body of a known length
// goes from Node's HTTP server straight to Apollo Server. Express's router, body parser
// and response helpers cost about as much CPU per request as the rest of a claim page
// (docs/ARCHITECTURE.md, "Performance notes"), so this route takes the plain case and
// leaves every other request to Express, unchanged: other paths and methods, other
// content types or charsets, compressed or chunked bodies.
//
// What Express's `express.json({ limit })` would do here, it does the same way: a body
// over the limit is a 413, one that is not a JSON object or array a 400, an empty body
// `{}`; every failure is answered by http-errors.ts in GraphQL's error shape.
import type { IncomingMessage, ServerResponse } from "node:http";
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLResponse } from "@apollo/server";
import type { Logger } from "../logger";
import { enter, type RequestScope } from "./entrance";
import { answerToError, HttpRequestError, sendJsonError } from "./http-errors";

export interface GraphQLPostOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  /** The operation's context, from the request and the scope the entrance gave it. */
  context: (req: IncomingMessage, scope: RequestScope) => Promise<TContext>;
  logger: Logger;
  drain: { readonly isDraining: boolean };
  /** Largest body read, in bytes (Express's route has the same). */
  bodyLimit: number;
}

/**
 * A request handler that answers what it takes and returns true, or returns false without
 * touching the request, for the caller to hand it on (to Express).
 */
export function graphqlPostRoute<TContext extends BaseContext>(
  options: GraphQLPostOptions<TContext>,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  const { apollo, logger, drain, bodyLimit } = options;
  return (req, res) => {
    if (!takes(req)) return false;
    const scope = enter(logger, drain, req, res);
    serve(req, res, scope).catch((error: unknown) => {
      if (res.headersSent) {
        scope.log.warn({ err: error }, "GraphQL response cut short");
        res.destroy();
        return;
      }
      sendJsonError(res, answerToError(error, scope.log, { method: req.method, path: "/graphql" }), true);
    });
    return true;
  };

  async function serve(req: IncomingMessage, res: ServerResponse, scope: RequestScope): Promise<void> {
    const body = parseBody(await readBody(req, bodyLimit));
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    const url = req.url ?? "";
    const query = url.indexOf("?");
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: "POST", headers, search: query < 0 ? "" : url.slice(query), body },
      context: () => options.context(req, scope),
    });
    await send(res, response);
  }
}

/** A POST to /graphql (any query string) with a JSON body in UTF-8, uncompressed, of a declared length. */
function takes(req: IncomingMessage): boolean {
  if (req.method !== "POST") return false;
  const url = req.url ?? "";
  if (!(url === "/graphql" || url.startsWith("/graphql?"))) return false;
  const { headers } = req;
  if (headers["content-length"] === undefined || headers["transfer-encoding"] !== undefined) return false;
  const encoding = headers["content-encoding"];
  if (encoding !== undefined && encoding.toLowerCase() !== "identity") return false;
  return isJsonInUtf8(headers["content-type"]);
}

/** `application/json`, with no parameter or only `charset=utf-8` (any case, quoted or not). */
function isJsonInUtf8(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const [type = "", ...parameters] = contentType.split(";");
  if (type.trim().toLowerCase() !== "application/json") return false;
  return parameters.every((parameter) => {
    const [name = "", value = ""] = parameter.split("=");
    return name.trim().toLowerCase() === "charset" && /^"?utf-8"?$/i.test(value.trim());
  });
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"]);
  if (!Number.isSafeInteger(declared) || declared < 0) {
    return Promise.reject(new HttpRequestError(400, "The request body could not be read."));
  }
  if (declared > limit) {
    // Not read: the connection cannot be reused for a next request.
    req.resume();
    return Promise.reject(
      new HttpRequestError(413, `The request body is too large (at most ${limit} bytes).`, "PAYLOAD_TOO_LARGE"),
    );
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.once("end", () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.once("error", reject);
    // The client hung up before the whole body arrived: there is no one to answer.
    req.once("close", () => {
      if (!req.complete) reject(new HttpRequestError(400, "The request body could not be read."));
    });
  });
}

/** JSON as body-parser's strict mode reads it: an object or an array, `{}` when empty, a byte-order mark skipped. */
function parseBody(bytes: Buffer): unknown {
  if (bytes.length === 0) return {};
  const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
  const first = /^[ \t\n\r]*(.)/.exec(text)?.[1];
  if (first === "{" || first === "[") {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // answered below
    }
  }
  throw new HttpRequestError(400, "The request body is not valid JSON.");
}

async function send(res: ServerResponse, response: HTTPGraphQLResponse): Promise<void> {
  for (const [name, value] of response.headers) res.setHeader(name, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === "complete") {
    res.setHeader("Content-Length", Buffer.byteLength(response.body.string));
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}
