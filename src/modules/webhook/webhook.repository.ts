// Webhook endpoints, deliveries and attempts in the database. Deliveries are written by
// ChangeLog (audit/change-log.ts) with the change; here they are read and, by the
// worker, updated after each attempt.
import type {
  WebhookAttempt,
  WebhookDelivery,
  WebhookDeliveryStatus,
  WebhookEndpoint,
  WebhookEventType,
} from "../../generated/prisma/client";
import type { Db } from "../../db/prisma";

export function insertEndpoint(
  db: Db,
  data: {
    url: string;
    description: string | null;
    eventTypes: WebhookEventType[];
    secret: string;
    createdById: string | null;
  },
): Promise<WebhookEndpoint> {
  return db.webhookEndpoint.create({ data });
}

export function findEndpoints(db: Db): Promise<WebhookEndpoint[]> {
  return db.webhookEndpoint.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

export function findEndpointsByIds(db: Db, ids: readonly string[]): Promise<WebhookEndpoint[]> {
  return db.webhookEndpoint.findMany({ where: { id: { in: [...ids] } } });
}

export function findEndpointForUpdate(db: Db, id: string): Promise<WebhookEndpoint[]> {
  return db.$queryRaw<WebhookEndpoint[]>`
    SELECT id, url, description, event_types::text[] AS "eventTypes", secret, active,
           created_by_id AS "createdById", created_at AS "createdAt", updated_at AS "updatedAt"
    FROM webhook_endpoints WHERE id = ${id}::uuid FOR UPDATE`;
}

export function updateEndpoint(
  db: Db,
  id: string,
  data: { url?: string; description?: string | null; eventTypes?: WebhookEventType[]; active?: boolean },
): Promise<WebhookEndpoint> {
  return db.webhookEndpoint.update({ where: { id }, data });
}

/** Deletes the endpoint; its deliveries and their attempts go with it (ON DELETE CASCADE). */
export async function deleteEndpoint(db: Db, id: string): Promise<void> {
  await db.webhookEndpoint.delete({ where: { id } });
}

export interface DeliveryFilter {
  endpointId?: string | null;
  status?: WebhookDeliveryStatus | null;
}

export function findDeliveries(db: Db, filter: DeliveryFilter, take: number): Promise<WebhookDelivery[]> {
  return db.webhookDelivery.findMany({
    where: {
      ...(filter.endpointId ? { endpointId: filter.endpointId } : {}),
      ...(filter.status ? { status: filter.status } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
}

/** The newest `take` deliveries of each endpoint (optionally of one status), in one statement. */
export function findDeliveryPagesByEndpoints(
  db: Db,
  endpointIds: readonly string[],
  options: { status: WebhookDeliveryStatus | null; take: number },
): Promise<(WebhookDelivery & { parentId: string })[]> {
  return db.$queryRaw<(WebhookDelivery & { parentId: string })[]>`
    SELECT k.id AS "parentId", d.*
    FROM unnest(${endpointIds}::text[]) AS k(id)
    CROSS JOIN LATERAL (
      SELECT id, endpoint_id AS "endpointId", event_type::text AS "eventType", audit_event_id AS "auditEventId",
             payload, status::text AS status, attempt_count AS "attemptCount", last_status_code AS "lastStatusCode",
             last_error AS "lastError", last_attempt_at AS "lastAttemptAt", delivered_at AS "deliveredAt",
             created_at AS "createdAt"
      FROM webhook_deliveries
      WHERE endpoint_id = k.id::uuid AND (${options.status}::text IS NULL OR status::text = ${options.status}::text)
      ORDER BY created_at DESC, id DESC
      LIMIT ${options.take}
    ) d`;
}

export function findAttemptsByDeliveries(db: Db, deliveryIds: readonly string[]): Promise<WebhookAttempt[]> {
  return db.webhookAttempt.findMany({
    where: { deliveryId: { in: [...deliveryIds] } },
    orderBy: [{ deliveryId: "asc" }, { number: "asc" }],
  });
}

// --- The worker's side -------------------------------------------------------------

export type DeliveryToSend = WebhookDelivery & { endpoint: WebhookEndpoint };

export function findDeliveryToSend(db: Db, id: string): Promise<DeliveryToSend | null> {
  return db.webhookDelivery.findUnique({ where: { id }, include: { endpoint: true } });
}

export interface AttemptRecord {
  deliveryId: string;
  startedAt: Date;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
  succeeded: boolean;
  /** The last attempt graphile-worker will make: a failure makes the delivery FAILED. */
  final: boolean;
}

/**
 * Logs one attempt and updates the delivery, in one statement: the attempt's number is the
 * delivery's new attempt count, so numbers stay dense even if a job ran and died unlogged.
 */
export async function recordAttempt(db: Db, attempt: AttemptRecord): Promise<void> {
  const status = attempt.succeeded ? "SUCCEEDED" : attempt.final ? "FAILED" : "PENDING";
  await db.$executeRaw`
    WITH d AS (
      UPDATE webhook_deliveries
      SET attempt_count = attempt_count + 1, last_status_code = ${attempt.statusCode}::int,
          last_error = ${attempt.error}, last_attempt_at = ${attempt.startedAt},
          status = ${status}::"WebhookDeliveryStatus",
          delivered_at = CASE WHEN ${attempt.succeeded} THEN now() ELSE delivered_at END
      WHERE id = ${attempt.deliveryId}::uuid
      RETURNING id, attempt_count
    )
    INSERT INTO webhook_attempts (delivery_id, number, started_at, duration_ms, status_code, error, succeeded)
    SELECT id, attempt_count, ${attempt.startedAt}, ${attempt.durationMs}::int, ${attempt.statusCode}::int,
           ${attempt.error}, ${attempt.succeeded}
    FROM d`;
}

/** Ends a delivery that will not be sent (its endpoint was paused) without logging an attempt. */
export async function markNotSent(db: Db, id: string, reason: string): Promise<void> {
  await db.webhookDelivery.update({ where: { id }, data: { status: "FAILED", lastError: reason } });
}
