import http from "node:http";
import type { AddressInfo } from "node:net";
import { postPinned, type PostOptions } from "./webhook-post";

// A receiver on 127.0.0.1 only: every request in this file stays on loopback.
let server: http.Server;
let port: number;
const received: { host: string | undefined; body: string }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ host: req.headers.host, body: Buffer.concat(chunks).toString("utf8") });
      if (req.url === "/fail") res.writeHead(502).end("upstream is down ".repeat(1000));
      // Never answered; closed with the server.
      else if (req.url === "/slow") return;
      else res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const options = (overrides: Partial<PostOptions> = {}): PostOptions => ({
  headers: { "content-type": "application/json" },
  body: '{"hello":"world"}',
  addresses: [{ address: "127.0.0.1", family: 4 }],
  signal: AbortSignal.timeout(5_000),
  errorBodyBytes: 4096,
  ...overrides,
});

test("posts to the pinned address, naming the URL's host in the Host header", async () => {
  const response = await postPinned(new URL(`http://localhost:${port}/ok`), options());
  expect(response).toEqual({ status: 204, body: "" });
  expect(received.at(-1)).toEqual({ host: `localhost:${port}`, body: '{"hello":"world"}' });
});

test("connects only where it is pinned: the name's own address (the receiver) is not used", async () => {
  // localhost resolves to the receiver's 127.0.0.1, but the request is pinned to ::1, where nothing listens.
  const count = received.length;
  await expect(
    postPinned(new URL(`http://localhost:${port}/ok`), options({ addresses: [{ address: "::1", family: 6 }] })),
  ).rejects.toThrow();
  expect(received).toHaveLength(count);
});

test("reads no more of a failed response's body than asked", async () => {
  const response = await postPinned(new URL(`http://localhost:${port}/fail`), options({ errorBodyBytes: 64 }));
  expect(response.status).toBe(502);
  expect(response.body.startsWith("upstream is down")).toBe(true);
  expect(response.body).toHaveLength(64);
});

test("gives up when the signal aborts", async () => {
  await expect(
    postPinned(new URL(`http://localhost:${port}/slow`), options({ signal: AbortSignal.timeout(100) })),
  ).rejects.toThrow();
});
