// Graceful HTTP shutdown on Node's built-ins: once draining, the server takes no new
// connections, every response says `Connection: close`, idle keep-alive sockets are
// destroyed, and requests in flight finish.
//
// Why not `socket.end()` on idle sockets (Apollo's drain plugin does that): ending only
// half-closes the socket, so a request a keep-alive client sent at that moment is still
// read and run, and a write commits while its response has nowhere to go. A destroyed
// socket drops such a request unread (the client sees a connection error and nothing
// was written); a request that was read is served in full, with `Connection: close`.
import type http from "node:http";
import type { Socket } from "node:net";

export class HttpDrain {
  private draining = false;
  /** Requests read and not yet answered, per socket. */
  private readonly inFlight = new Map<Socket, number>();
  private readonly responses = new Set<http.ServerResponse>();

  constructor(private readonly server: http.Server) {
    server.on("request", (req: http.IncomingMessage, res: http.ServerResponse) => {
      const socket = req.socket;
      this.inFlight.set(socket, (this.inFlight.get(socket) ?? 0) + 1);
      this.responses.add(res);
      // "close" follows "finish" (the response handed to the socket) or an abort.
      res.once("close", () => {
        this.responses.delete(res);
        const left = (this.inFlight.get(socket) ?? 1) - 1;
        if (left > 0) {
          this.inFlight.set(socket, left);
          return;
        }
        this.inFlight.delete(socket);
        // A response begun before draining kept the socket alive: close it before the
        // client reuses it.
        if (this.draining) socket.destroy();
      });
    });
  }

  get isDraining(): boolean {
    return this.draining;
  }

  /**
   * Stops accepting connections, closes idle ones, and waits for requests in flight;
   * after `timeoutMs` the rest are cut. Resolves true when everything finished in time.
   */
  async drain(timeoutMs: number): Promise<boolean> {
    this.draining = true;
    // Requests under way whose answer has not begun say `Connection: close` too.
    for (const res of this.responses) if (!res.headersSent) res.setHeader("Connection", "close");
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeIdleConnections();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const inTime = await Promise.race([closed.then(() => true), timedOut]);
    clearTimeout(timer);
    if (!inTime) this.server.closeAllConnections();
    return inTime;
  }
}
