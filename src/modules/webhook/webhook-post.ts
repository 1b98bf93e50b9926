// One webhook POST over node's http/https, connected only to addresses the target guard
// checked. Not fetch: its connection cannot be given a lookup without undici's Agent,
// which is not a dependency.
import http from "node:http";
import https from "node:https";
import { pinnedLookup, type ResolvedAddress } from "./target-guard";

export interface PostOptions {
  headers: Record<string, string>;
  body: string;
  /** Where to connect (from checkTarget); the URL's host still names the server (Host header, TLS). */
  addresses: readonly ResolvedAddress[];
  /** Aborts the request, the response's body included. */
  signal: AbortSignal;
  /** How much of a failed response's body to read. */
  errorBodyBytes: number;
}

export interface PostResponse {
  status: number;
  /** The start of the body of a non-2xx answer (receivers often say why there); empty for 2xx. */
  body: string;
}

/** Redirects are not followed: a receiver that moved is a failure until the URL is updated. */
export function postPinned(url: URL, options: PostOptions): Promise<PostResponse> {
  const client = url.protocol === "https:" ? https : http;
  return new Promise<PostResponse>((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: "POST",
        headers: { ...options.headers, "content-length": Buffer.byteLength(options.body).toString() },
        lookup: pinnedLookup(options.addresses),
        // A fresh connection per attempt: a pooled socket would have been connected after some earlier check.
        agent: false,
        signal: options.signal,
      },
      (response) => {
        const status = response.statusCode ?? 0;
        // A body cut short (abort, reset) still tells what it had.
        response.on("error", () => undefined);
        if (status >= 200 && status < 300) {
          response.resume();
          resolve({ status, body: "" });
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        const done = () =>
          resolve({ status, body: Buffer.concat(chunks).subarray(0, options.errorBodyBytes).toString("utf8") });
        response.on("data", (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.byteLength;
          if (size >= options.errorBodyBytes) response.destroy();
        });
        response.on("end", done);
        response.on("close", done);
      },
    );
    request.on("error", reject);
    request.end(options.body);
  });
}
