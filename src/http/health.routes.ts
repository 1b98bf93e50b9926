// Liveness and readiness: GET /health says the process is up and serving (no database
// query, so a database outage never gets a healthy process restarted); GET /ready says
// whether to send it traffic (the database answers, and shutdown has not begun).
import express, { type Router } from "express";
import type { PrismaClient } from "../db/prisma";
import type { Logger } from "../logger";
import { sendDatabaseUnavailable } from "./unavailable";

/** How long /ready waits for `SELECT 1`: a probe must answer before its own timeout. */
const READY_TIMEOUT_MS = 2_000;

export interface ShutdownState {
  readonly isDraining: boolean;
}

export function healthRouter(prisma: PrismaClient, logger: Logger, shutdown: ShutdownState): Router {
  const log = logger.child({ module: "health" });
  const router = express.Router();

  router.get("/health", (_req, res) => {
    res.json({ status: "ok" });
  });

  router.get("/ready", async (_req, res) => {
    if (shutdown.isDraining) return sendDatabaseUnavailable(res, { status: "shutting-down" });
    try {
      await withTimeout(prisma.$queryRaw`SELECT 1`, READY_TIMEOUT_MS);
      res.json({ status: "ready" });
    } catch (error) {
      log.warn({ reason: error instanceof Error ? error.message : String(error) }, "readiness check failed");
      sendDatabaseUnavailable(res, { status: "unavailable" });
    }
  });
  return router;
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from the database within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
