// The `deliver_webhook` task: one attempt at POSTing one delivery, signed the Standard
// Webhooks way, logged in webhook_attempts. A failed attempt throws, so graphile-worker
// retries the job with its exponential backoff; the last one marks the delivery FAILED.
import type { JobHelpers, Task } from "graphile-worker";
import type { PrismaClient } from "../../db/prisma";
import { encodeId } from "../../shared/global-id";
import * as repo from "./webhook.repository";
import { signedHeaders } from "./webhook-signing";

export const DEFAULT_DELIVERY_TIMEOUT_MS = 10_000;
/** How much of a failed response's body is kept in the log. */
const ERROR_BODY_CHARS = 300;
const ERROR_BODY_BYTES = 4096;

export interface DeliveryTaskOptions {
  prisma: PrismaClient;
  /** Per attempt: the receiver must answer within this time. */
  timeoutMs?: number;
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
    const outcome = await attempt(delivery, timeoutMs, helpers);
    const final = !outcome.succeeded && helpers.job.attempts >= helpers.job.max_attempts;
    await repo.recordAttempt(options.prisma, { deliveryId: delivery.id, ...outcome, final });
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
}

async function attempt(delivery: repo.DeliveryToSend, timeoutMs: number, helpers: JobHelpers): Promise<Outcome> {
  const body = JSON.stringify(delivery.payload);
  const startedAt = new Date();
  const headers = signedHeaders(delivery.endpoint.secret, encodeId("WebhookDelivery", delivery.id), body, startedAt);
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const response = await fetch(delivery.endpoint.url, {
      method: "POST",
      headers: { ...headers, "user-agent": "claimtrail-webhooks" },
      body,
      // Redirects are not followed: a receiver that moved is a failure until the URL is updated.
      redirect: "manual",
      signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), helpers.abortSignal]),
    });
    const succeeded = response.status >= 200 && response.status < 300;
    const text = succeeded ? "" : await bodySnippet(response);
    if (succeeded) await response.body?.cancel();
    return {
      startedAt,
      durationMs: elapsed(),
      statusCode: response.status,
      error: succeeded ? null : `HTTP ${response.status}${text ? `: ${text}` : ""}`,
      succeeded,
    };
  } catch (error) {
    return { startedAt, durationMs: elapsed(), statusCode: null, error: describe(error, timeoutMs), succeeded: false };
  }
}

function deliveryIdOf(payload: unknown): string {
  const id = (payload as { deliveryId?: unknown } | null)?.deliveryId;
  if (typeof id !== "string") throw new Error(`deliver_webhook job without a deliveryId: ${JSON.stringify(payload)}`);
  return id;
}

/** The start of a failed response's body (receivers often say why there), read no further. */
async function bodySnippet(response: Response): Promise<string> {
  if (!response.body) return "";
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < ERROR_BODY_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } catch {
    // A body cut short still tells what it had.
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).toString("utf8").trim().slice(0, ERROR_BODY_CHARS);
}

function describe(error: unknown, timeoutMs: number): string {
  if (error instanceof DOMException && error.name === "TimeoutError") return `no response within ${timeoutMs} ms`;
  if (error instanceof DOMException && error.name === "AbortError") return "aborted: the worker is shutting down";
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
