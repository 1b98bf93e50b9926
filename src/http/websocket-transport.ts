// The WebSocket side of subscriptions: a `ws` server in noServer mode on the HTTP server's
// `upgrade` (one path only: others get 404, a closing server 503), feeding each socket to a
// graphql-ws server, with a keep-alive (a ping per interval; no pong by the next one and the
// socket is dropped) and a send that closes a socket whose unsent data passes a bound.
import type http from "node:http";
import type { Duplex } from "node:stream";
import { handleProtocols, type Server } from "graphql-ws";
import { WebSocketServer, type WebSocket } from "ws";
import type { Logger } from "../logger";

/** Close codes (graphql-ws's where it has one). */
export const CLOSE = {
  goingAway: 1001,
  tryAgainLater: 1013,
  badRequest: 4400,
  unauthorized: 4401,
  tooManyAuthFailures: 4429,
} as const;

export interface TransportOptions {
  /** The one path that upgrades. */
  path: string;
  maxMessageBytes: number;
  maxBufferedBytes: number;
  keepAliveMs: number;
  logger: Logger;
}

export interface Sockets {
  readonly connections: number;
  /** Stops upgrading, closes every socket with `code` (cutting those that do not answer within a second). */
  close(code: number, reason: string): Promise<void>;
}

export function serveWebSockets<E extends { socket: WebSocket; request: http.IncomingMessage }>(
  httpServer: http.Server,
  server: Server<E>,
  options: TransportOptions,
): Sockets {
  const { path: PATH, logger: log } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes, handleProtocols });
  let closing = false;
  const onUpgrade = (request: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    if (path !== PATH || closing) {
      socket.end(
        path !== PATH
          ? "HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"
          : "HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nRetry-After: 1\r\nContent-Length: 0\r\n\r\n",
      );
      setTimeout(() => socket.destroy(), 1_000).unref();
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => serve(ws, request));
  };
  httpServer.on("upgrade", onUpgrade);

  const serve = (socket: WebSocket, request: http.IncomingMessage): void => {
    socket.on("error", (error) => {
      log.warn({ err: error }, "WebSocket error");
      socket.terminate();
    });
    // Keep-alive: a ping per interval; no pong by the next one and the connection is dropped.
    let alive = true;
    socket.on("pong", () => (alive = true));
    const pings = setInterval(() => {
      if (!alive) {
        socket.terminate();
        return;
      }
      alive = false;
      socket.ping();
    }, options.keepAliveMs);
    pings.unref();
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) =>
          new Promise<void>((resolve, reject) => {
            if (socket.readyState !== socket.OPEN) return resolve();
            if (socket.bufferedAmount > options.maxBufferedBytes) {
              socket.close(
                CLOSE.tryAgainLater,
                closeReason("Slow consumer: send buffer full; reconnect and resume with after"),
              );
              return resolve();
            }
            socket.send(data, (error) => (error ? reject(error) : resolve()));
          }),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) =>
          socket.on("message", (data: Buffer) => {
            handle(data.toString()).catch((error: unknown) => {
              log.error({ err: error }, "unexpected error while handling a WebSocket message");
              socket.close(4500, "Internal server error");
            });
          }),
      },
      { socket, request } as E,
    );
    socket.once("close", (code, reason) => {
      clearInterval(pings);
      closed(code, reason.toString()).catch((error: unknown) => log.warn({ err: error }, "closing a connection"));
    });
  };

  return {
    get connections() {
      return wss.clients.size;
    },
    async close(code, reason) {
      closing = true;
      httpServer.off("upgrade", onUpgrade);
      for (const socket of wss.clients) socket.close(code, closeReason(reason));
      // Clients answer the close at once; those that do not are cut.
      const deadline = Date.now() + 1_000;
      while (wss.clients.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      for (const socket of wss.clients) socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

/** A close reason fits in 123 bytes (a control frame's payload, less the code). */
export function closeReason(reason: string): string {
  const bytes = Buffer.from(reason, "utf8");
  if (bytes.length <= 123) return reason;
  return `${bytes
    .subarray(0, 120)
    .toString("utf8")
    .replace(/\uFFFD$/, "")}...`;
}
