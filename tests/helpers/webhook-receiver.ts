// A real local HTTP server that receives webhook deliveries in the tests: it records each
// request, verifies its Standard Webhooks signature with the endpoint's secret, and
// answers with scripted statuses (default 200).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export interface ReceivedRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
  /** The verified payload, or null when the signature did not verify. */
  payload: any;
  verifyError: string | null;
  /** The status this request was answered with. */
  answeredWith: number;
}

export interface WebhookReceiver {
  /** The URL of one of its paths (one per endpoint under test). */
  url(path: string): string;
  /** Registers the secret that requests to `path` must be signed with. */
  expectSecret(path: string, secret: string): void;
  /** The next requests to `path` are answered with these statuses, in order; then 200. */
  respondWith(path: string, statuses: number[]): void;
  requests(path: string): ReceivedRequest[];
  /** Waits (up to `timeoutMs`) until `path` has received `count` requests. */
  waitForRequests(path: string, count: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedRequest[] = [];
  const secrets = new Map<string, string>();
  const scripted = new Map<string, number[]>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const path = req.url ?? "/";
      const body = Buffer.concat(chunks).toString("utf8");
      const headers = Object.fromEntries(
        Object.entries(req.headers).map(([name, value]) => [
          name,
          Array.isArray(value) ? value.join(", ") : (value ?? ""),
        ]),
      );
      let payload: any = null;
      let verifyError: string | null = null;
      const secret = secrets.get(path);
      try {
        if (!secret) throw new Error(`no secret registered for ${path}`);
        payload = new Webhook(secret).verify(body, headers);
      } catch (error) {
        verifyError = String(error);
      }
      const status = scripted.get(path)?.shift() ?? 200;
      received.push({ path, headers, body, payload, verifyError, answeredWith: status });
      res.writeHead(status, { "content-type": "text/plain" }).end(status === 200 ? "ok" : "receiver failure");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const requests = (path: string) => received.filter((request) => request.path === path);
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    expectSecret: (path, secret) => void secrets.set(path, secret),
    respondWith: (path, statuses) => void scripted.set(path, [...statuses]),
    requests,
    async waitForRequests(path, count, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (requests(path).length < count) {
        if (Date.now() > deadline) {
          throw new Error(`${path} received ${requests(path).length} of ${count} requests within ${timeoutMs} ms`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return requests(path);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
