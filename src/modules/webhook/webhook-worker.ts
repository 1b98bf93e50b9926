// The webhook sender: a graphile-worker runner with one task, `deliver_webhook`, queued by
// ChangeLog in the transaction of each change. The queue lives in PostgreSQL, so jobs
// queued while no worker runs (or left by a restart) are picked up when one starts.
import { Logger as WorkerLogger, run } from "graphile-worker";
import { Pool } from "pg";
import type { PrismaClient } from "../../db/prisma";
import type { Logger } from "../../logger";
import { DELIVER_WEBHOOK_TASK } from "../audit/change-log";
import { deliverWebhookTask } from "./webhook-delivery";
import type { TargetPolicy } from "./target-guard";

export interface WebhookWorkerOptions {
  databaseUrl: string;
  prisma: PrismaClient;
  logger: Logger;
  /** Deliveries sent at the same time (default 4). */
  concurrency?: number;
  /** How often to look for retries that have come due, in ms (default 2000; new jobs arrive by LISTEN/NOTIFY). */
  pollInterval?: number;
  /** Per attempt: the receiver must answer within this time (default 10 s). */
  timeoutMs?: number;
  /** Which addresses deliveries may reach (default: public only; WEBHOOK_ALLOW_PRIVATE_TARGETS). */
  targets?: TargetPolicy;
}

export interface WebhookWorker {
  /** Lets running deliveries finish (aborting them after 3 s), then closes the worker's connections. */
  stop(): Promise<void>;
}

export async function startWebhookWorker(options: WebhookWorkerOptions): Promise<WebhookWorker> {
  const concurrency = options.concurrency ?? 4;
  const logger = options.logger.child({ module: "webhook-worker" });
  // graphile-worker holds one connection for LISTEN and takes one per job it fetches or completes.
  const pgPool = new Pool({ connectionString: options.databaseUrl, max: concurrency + 2 });
  // An idle or checked-out connection that breaks must be logged, not crash the process.
  // The server ending it (shutting down: Ctrl-C stops an embedded PostgreSQL with us, or
  // an administrator) is no failure of ours, and while the worker stops, nothing is.
  let stopping = false;
  const onError = (error: Error) => {
    const code = (error as { code?: unknown }).code;
    if (stopping || code === "57P01" || code === "57P02" || code === "57P03") {
      logger.info({ code }, "webhook worker's database connection closed by the server");
    } else {
      logger.error({ err: error }, "webhook worker database connection failed");
    }
  };
  pgPool.on("error", onError);
  pgPool.on("connect", (client) => client.on("error", onError));
  try {
    const runner = await run({
      pgPool,
      concurrency,
      pollInterval: options.pollInterval ?? 2000,
      noHandleSignals: true,
      gracefulShutdownAbortTimeout: 3000,
      logger: workerLogger(logger),
      // No cron jobs: without this, graphile-worker looks for a `crontab` file in the working directory.
      parsedCronItems: [],
      taskList: {
        [DELIVER_WEBHOOK_TASK]: deliverWebhookTask({
          prisma: options.prisma,
          timeoutMs: options.timeoutMs,
          targets: options.targets,
        }),
      },
    });
    runner.promise.catch((error: unknown) => logger.error({ err: error }, "webhook worker stopped unexpectedly"));
    logger.info({ concurrency }, "webhook worker started with concurrency %d", concurrency);
    let stopped: Promise<void> | null = null;
    return {
      stop: () =>
        (stopped ??= (async () => {
          stopping = true;
          try {
            await runner.stop();
          } finally {
            await pgPool.end();
          }
        })()),
    };
  } catch (error) {
    await pgPool.end();
    throw error;
  }
}

/** graphile-worker's log calls, through pino (its `warning` is pino's `warn`). */
function workerLogger(logger: Logger): WorkerLogger {
  return new WorkerLogger((scope) => {
    const scoped = logger.child(scope);
    return (level, message, meta) => {
      const fields = meta ?? {};
      switch (level as string) {
        case "error":
          scoped.error(fields, message);
          break;
        case "warning":
          scoped.warn(fields, message);
          break;
        case "info":
          scoped.info(fields, message);
          break;
        default:
          scoped.debug(fields, message);
      }
    };
  });
}
