// One structured logger (pino); modules take a child with their name.
import pino, { type Logger } from "pino";

export type { Logger };

export function createLogger(level: string, nodeEnv: string): Logger {
  return pino({
    level,
    base: { service: "claimtrail" },
    redact: { paths: ["req.headers.authorization"], remove: true },
    ...(nodeEnv === "test" ? {} : { timestamp: pino.stdTimeFunctions.isoTime }),
  });
}
