// The one place changes are recorded: each mutation calls `record` inside its
// transaction, which appends the audit event and, in the same SQL statement, writes a
// webhook delivery for every active endpoint subscribed to the event and queues its
// graphile-worker job. Commit and outbox are therefore one: no change without its
// deliveries, no delivery of a change that rolled back.
import type { AuditAction, WebhookEventType } from "../../generated/prisma/client";
import { encodeId, type EntityType } from "../../shared/global-id";
import type { Tx } from "../../shared/transaction";
import { principalKeyId, principalLabel, type Principal } from "../auth/permissions";

export const DELIVER_WEBHOOK_TASK = "deliver_webhook";
/** graphile-worker retries a failed delivery with exponential backoff up to this many attempts. */
export const WEBHOOK_MAX_ATTEMPTS = 12;

export interface Change {
  action: AuditAction;
  entityType: EntityType;
  entityId: string;
  /** The claim the change bears on (history and webhook payloads name it). */
  claimId?: string | null;
  /** A second claim it bears on (the other end of a link): it shows in that claim's history too. */
  relatedClaimId?: string | null;
  before?: unknown;
  after?: unknown;
  /** The webhook event this change is, if any. */
  event?: WebhookEventType;
}

/** Webhook event names on the wire, Standard Webhooks style (`type` of the payload). */
export const WEBHOOK_EVENT_NAMES: Record<WebhookEventType, string> = {
  CLAIM_CREATED: "claim.created",
  CLAIM_UPDATED: "claim.updated",
  STATEMENT_RECORDED: "statement.recorded",
  VERDICT_PUBLISHED: "verdict.published",
};

export class ChangeLog {
  constructor(
    private readonly principal: Principal,
    private readonly requestId: string | null,
  ) {}

  async record(tx: Tx, change: Change): Promise<void> {
    const before = change.before === undefined || change.before === null ? null : toJson(change.before);
    const after = change.after === undefined || change.after === null ? null : toJson(change.after);
    const event = change.event ?? null;
    const data = event ? webhookData(change, after) : null;
    await tx.$queryRaw`
      WITH ev AS (
        INSERT INTO audit_events (action, entity_type, entity_id, claim_id, related_claim_id, api_key_id, actor_label,
                                  request_id, before, after)
        VALUES (${change.action}::"AuditAction", ${change.entityType}, ${change.entityId}::uuid,
                ${change.claimId ?? null}::uuid, ${change.relatedClaimId ?? null}::uuid, ${principalKeyId(this.principal)}::uuid,
                ${principalLabel(this.principal)}, ${this.requestId}, ${before}::jsonb, ${after}::jsonb)
        RETURNING id, occurred_at
      ), deliveries AS (
        INSERT INTO webhook_deliveries (endpoint_id, event_type, audit_event_id, payload)
        SELECT e.id, ${event}::"WebhookEventType", ev.id,
               jsonb_build_object('type', ${event ? WEBHOOK_EVENT_NAMES[event] : null}::text,
                                  'timestamp', to_char(ev.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                                  'data', ${data}::jsonb)
        FROM webhook_endpoints e, ev
        WHERE ${event}::"WebhookEventType" IS NOT NULL AND e.active
          AND ${event}::"WebhookEventType" = ANY (e.event_types)
        RETURNING id
      )
      SELECT ev.id,
             ARRAY(SELECT (graphile_worker.add_job(${DELIVER_WEBHOOK_TASK}::text,
                                                  json_build_object('deliveryId', d.id),
                                                  max_attempts := ${WEBHOOK_MAX_ATTEMPTS}::int,
                                                  job_key := d.id::text)).id
                   FROM deliveries d) AS jobs
      FROM ev`;
  }
}

function webhookData(change: Change, after: string | null): string {
  const entityId = encodeId(change.entityType, change.entityId);
  return JSON.stringify({
    action: change.action,
    entity: { type: change.entityType, id: entityId },
    claimId: change.claimId ? encodeId("Claim", change.claimId) : null,
    after: after === null ? null : (JSON.parse(after) as unknown),
  });
}

/** A row as JSON: dates as ISO strings, bigints as strings, the search vector left out. */
export function toJson(row: unknown): string {
  return JSON.stringify(row, (key, value: unknown) => {
    if (key === "searchVector" || key === "search_vector" || key === "secretHash" || key === "secret") return undefined;
    if (typeof value === "bigint") return value.toString();
    return value;
  });
}
