// The `deliver_webhook` task: one attempt at POSTing one delivery, signed the Standard
// Webhooks way, logged in webhook_attempts. A failed attempt throws, so graphile-worker
// retries the job with its exponential backoff; the last one marks the delivery FAILED.
// A target the guard refuses (its name now resolves to a private address, say) is logged
// as a failed attempt and ends the delivery FAILED at once: retrying cannot make it allowed
// short of a change of DNS or settings, and each retry would probe the inside again.
import type { JobHelpers, Task } from "graphile-worker";
import type { PrismaClient } from "../../db/prisma";
import { encodeId } from "../../shared/global-id";
import * as repo from "./webhook.repository";
import { checkTarget, PUBLIC_TARGETS_ONLY, TargetRefusedError, type TargetPolicy } from "./target-guard";
import { postPinned } from "./webhook-post";
import { signedHeaders } from "./webhook-signing";

export const DEFAULT_DELIVERY_TIMEOUT_MS = 10_000;
/** How much of a failed response's body is kept in the log. */
const ERROR_BODY_CHARS = 300;
const ERROR_BODY_BYTES = 4096;

export interface DeliveryTaskOptions {
  prisma: PrismaClient;
  /** Per attempt: the receiver must answer within this time. */
  timeoutMs?: number;
  /** Which addresses deliveries may reach (default: public only). */
  targets?: TargetPolicy;
}

export class WebhookAttemptError extends Error {
  override name = "WebhookAttemptError";
}

export function deliverWebhookTask(options: DeliveryTaskOptions): Task {
  const timeoutMs = options.timeoutMs ?? DEFAULT_DELIVERY_TIMEOUT_MS;
  return async (payload, helpers) => {
    const deliveryId = deliveryIdOf(payload);
    const delivery = await repo.findDeliveryToSend(options.prisma, deliveryId);
    // Deleted with its endpoint: nothing to send, nowhere to log it.
    if (!delivery) {
      helpers.logger.info(`webhook delivery ${deliveryId} no longer exists (endpoint deleted); not sent`);
      return;
    }
    if (delivery.status !== "PENDING") return;
    // A paused endpoint gets nothing, not even the deliveries queued before the pause.
    if (!delivery.endpoint.active) {
      await repo.markNotSent(options.prisma, delivery.id, "Not sent: the endpoint is paused.");
      return;
    }
    const { refused, ...outcome } = await attempt(delivery, timeoutMs, options.targets ?? PUBLIC_TARGETS_ONLY, helpers);
    const final = refused || (!outcome.succeeded && helpers.job.attempts >= helpers.job.max_attempts);
    await repo.recordAttempt(options.prisma, { deliveryId: delivery.id, ...outcome, final });
    if (refused) {
      helpers.logger.warn(`webhook delivery ${delivery.id} not sent: ${outcome.error}`);
      return;
    }
    if (!outcome.succeeded) {
      throw new WebhookAttemptError(`delivery ${delivery.id} to ${delivery.endpoint.url} failed: ${outcome.error}`);
    }
  };
}

interface Outcome {
  startedAt: Date;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
  succeeded: boolean;
  /** The target guard refused the address: no request was made, and none will be. */
  refused: boolean;
}

async function attempt(
  delivery: repo.DeliveryToSend,
  timeoutMs: number,
  targets: TargetPolicy,
  helpers: JobHelpers,
): Promise<Outcome> {
  const body = JSON.stringify(delivery.payload);
  const startedAt = new Date();
  const headers = signedHeaders(delivery.endpoint.secret, encodeId("WebhookDelivery", delivery.id), body, startedAt);
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const timeout = AbortSignal.timeout(timeoutMs);
  const failed = (error: string, refused = false): Outcome => ({
    startedAt,
    durationMs: elapsed(),
    statusCode: null,
    error,
    succeeded: false,
    refused,
  });
  try {
    const url = new URL(delivery.endpoint.url);
    // Checked now, not only at registration: the name may resolve elsewhere since.
    const addresses = await checkTarget(url, targets);
    const response = await postPinned(url, {
      headers: { ...headers, "user-agent": "claimtrail-webhooks" },
      body,
      addresses,
      signal: AbortSignal.any([timeout, helpers.abortSignal]),
      errorBodyBytes: ERROR_BODY_BYTES,
    });
    const succeeded = response.status >= 200 && response.status < 300;
    const text = response.body.trim().slice(0, ERROR_BODY_CHARS);
    return {
      startedAt,
      durationMs: elapsed(),
      statusCode: response.status,
      error: succeeded ? null : `HTTP ${response.status}${text ? `: ${text}` : ""}`,
      succeeded,
      refused: false,
    };
  } catch (error) {
    if (error instanceof TargetRefusedError) {
      return failed(
        `Refused: ${error.message}; webhooks may not reach loopback, private or other special-use addresses ` +
          "(WEBHOOK_ALLOW_PRIVATE_TARGETS).",
        true,
      );
    }
    if (timeout.aborted) return failed(`no response within ${timeoutMs} ms`);
    if (helpers.abortSignal.aborted) return failed("aborted: the worker is shutting down");
    return failed(describe(error));
  }
}

function deliveryIdOf(payload: unknown): string {
  const id = (payload as { deliveryId?: unknown } | null)?.deliveryId;
  if (typeof id !== "string") throw new Error(`deliver_webhook job without a deliveryId: ${JSON.stringify(payload)}`);
  return id;
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error.cause as { code?: string; message?: string } | undefined) ?? undefined;
    return cause?.code
      ? `${error.message} (${cause.code})`
      : cause?.message
        ? `${error.message}: ${cause.message}`
        : error.message;
  }
  return String(error);
}
