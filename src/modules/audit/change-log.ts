// The one place changes are recorded: each mutation calls `record` inside its
// transaction, which appends the audit event and, in the same SQL statement, writes a
// webhook delivery for every active endpoint subscribed to the event and queues its
// graphile-worker job. Commit and outbox are therefore one: no change without its
// deliveries, no delivery of a change that rolled back.
import type { SqlClient } from "../../db/sql";
import { Prisma, type AuditAction, type WebhookEventType } from "../../generated/prisma/client";
import { encodeId, type EntityType } from "../../shared/global-id";
import type { Tx } from "../../shared/transaction";
import { principalKeyId, principalLabel, type Principal } from "../auth/permissions";
import { snapshotWithGlobalIds } from "./snapshot-ids";

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
    // One change: its webhook payload is built whether or not an endpoint wants it (no
    // extra round trip to ask).
    await tx.$queryRaw(this.changesSql([change], () => true));
  }

  /**
   * `record` for many changes in one statement (bulk import writes a batch's changes at
   * once), with the webhook payloads built only for the events some active endpoint
   * subscribes to.
   */
  async recordMany(sql: SqlClient, changes: readonly Change[]): Promise<void> {
    if (changes.length === 0) return;
    const subscribed = await subscribedEvents(sql);
    await sql.rows({ sql: this.changesSql(changes, (event) => subscribed.has(event)), columns: [] });
  }

  /**
   * The statement that records `changes`: the audit events in the given order, then each
   * event's deliveries, and their jobs queued with one graphile_worker.add_jobs call
   * (add_job per delivery cost 2 ms each). The changes travel as one JSON document (rather
   * than an array parameter per column, which the driver would escape element by element).
   * Webhook payloads carry `after` with global IDs, as history shows it (`withPayload`: for
   * which events to build it).
   */
  private changesSql(changes: readonly Change[], withPayload: (event: WebhookEventType) => boolean): Prisma.Sql {
    const input = changes.map((change, index) => ({
      n: index,
      action: change.action,
      entity_type: change.entityType,
      entity_id: change.entityId,
      entity_gid: encodeId(change.entityType, change.entityId),
      claim_id: change.claimId ?? null,
      claim_gid: change.claimId ? encodeId("Claim", change.claimId) : null,
      related_claim_id: change.relatedClaimId ?? null,
      before: change.before ?? null,
      after: change.after ?? null,
      event: change.event ?? null,
      event_name: change.event ? WEBHOOK_EVENT_NAMES[change.event] : null,
      payload_after:
        change.event && withPayload(change.event) && change.after != null
          ? snapshotWithGlobalIds(change.entityType, JSON.parse(toJson(change.after)))
          : null,
    }));
    return Prisma.sql`
      WITH input AS MATERIALIZED (
        SELECT nextval('audit_events_id_seq') AS audit_id, i.*
        FROM jsonb_to_recordset(${JSON.stringify(input, rowJson)}::jsonb)
          AS i(n int, action text, entity_type text, entity_id uuid, entity_gid text, claim_id uuid, claim_gid text,
               related_claim_id uuid, before jsonb, after jsonb, event text, event_name text, payload_after jsonb)
        ORDER BY i.n
      ), ev AS (
        INSERT INTO audit_events (id, action, entity_type, entity_id, claim_id, related_claim_id, api_key_id, actor_label,
                                  request_id, before, after)
        SELECT i.audit_id, i.action::"AuditAction", i.entity_type, i.entity_id, i.claim_id, i.related_claim_id,
               ${principalKeyId(this.principal)}::uuid, ${principalLabel(this.principal)}, ${this.requestId},
               nullif(i.before, 'null'), nullif(i.after, 'null')
        FROM input i ORDER BY i.audit_id
        RETURNING id, occurred_at
      ), deliveries AS (
        INSERT INTO webhook_deliveries (endpoint_id, event_type, audit_event_id, payload)
        SELECT e.id, i.event::"WebhookEventType", ev.id,
               jsonb_build_object('type', i.event_name,
                                  'timestamp', to_char(ev.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                                  'data', jsonb_build_object('action', i.action,
                                                             'entity', jsonb_build_object('type', i.entity_type, 'id', i.entity_gid),
                                                             'claimId', i.claim_gid,
                                                             -- (raw only if an endpoint was created since subscribedEvents read them)
                                                             'after', coalesce(i.payload_after, i.after)))
        FROM input i JOIN ev ON ev.id = i.audit_id
        JOIN webhook_endpoints e ON e.active AND i.event::"WebhookEventType" = ANY (e.event_types)
        WHERE i.event IS NOT NULL
        ORDER BY ev.id, e.id
        RETURNING id
      )
      SELECT count(*)::int AS jobs FROM graphile_worker.add_jobs(ARRAY(
        SELECT (${DELIVER_WEBHOOK_TASK}::text, json_build_object('deliveryId', d.id), NULL, NULL,
                ${WEBHOOK_MAX_ATTEMPTS}::smallint, d.id::text, NULL, NULL)::graphile_worker.job_spec
        FROM deliveries d))`;
  }
}

/** The events some active webhook endpoint subscribes to. */
async function subscribedEvents(sql: SqlClient): Promise<Set<WebhookEventType>> {
  const rows = await sql.rows<{ event: string }>({
    sql: Prisma.sql`SELECT DISTINCT unnest(event_types)::text AS event FROM webhook_endpoints WHERE active`,
    columns: ["event"],
  });
  return new Set(rows.map((row) => row.event as WebhookEventType));
}

/** A row as JSON: dates as ISO strings, bigints as strings, the search vector left out. */
export function toJson(row: unknown): string {
  return JSON.stringify(row, rowJson);
}

/** JSON.stringify's replacer for rows: the search vector and secrets left out, bigints as strings. */
function rowJson(key: string, value: unknown): unknown {
  if (key === "searchVector" || key === "search_vector" || key === "secretHash" || key === "secret") return undefined;
  if (typeof value === "bigint") return value.toString();
  return value;
}
