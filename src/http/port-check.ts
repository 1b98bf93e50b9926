// Start-up's first step: is the port free? Asked before the embedded database starts (which
// takes seconds), so that a busy port is a one-line answer naming the setting to change,
// not a stack trace after the database is up.
import net from "node:net";

export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    readonly host: string | undefined,
  ) {
    super(
      `Port ${port}${host ? ` on ${host}` : ""} is already in use (another claimtrail, or another program). ` +
        `Stop it, or start claimtrail on another port with PORT, e.g. PORT=${port + 1} npm start.`,
    );
    this.name = "PortInUseError";
  }
}

/** Resolves when `port` can be listened on (the probe is closed again); rejects with PortInUseError when it is taken. */
export function assertPortFree(port: number, host?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "EADDRINUSE" ? new PortInUseError(port, host) : error),
    );
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}
