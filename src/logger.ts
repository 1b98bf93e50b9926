// One structured logger (pino); modules take a child with their name.
import pino, { type Logger } from "pino";

export type { Logger };

export function createLogger(level: string, nodeEnv: string): Logger {
  return pino({
    level,
    base: { service: "claimtrail" },
    redact: { paths: ["req.headers.authorization"], remove: true },
    serializers: { err: serializeError, error: serializeError },
    ...(nodeEnv === "test" ? {} : { timestamp: pino.stdTimeFunctions.isoTime }),
  });
}

/**
 * pino's error serializer, without the objects some errors carry: pg-pool puts the failed
 * `client` on its errors (with its connection parameters and the server's secret key), and
 * a log line must never print a client or a connection.
 */
export function serializeError(error: unknown): unknown {
  const serialized = pino.stdSerializers.err(error as Error) as unknown;
  if (serialized && typeof serialized === "object") {
    const record = serialized as Record<string, unknown>;
    for (const key of ["client", "connection", "socket"]) delete record[key];
  }
  return serialized;
}
