// The one place changes are recorded: each mutation calls `record` inside its transaction
// (or a write function in SQL records them itself), which appends the audit event and, in
// the same SQL statement, writes a webhook delivery for every active endpoint subscribed to
// the event and queues its graphile-worker job: claimtrail_record_changes in the migrations,
// which this module calls. Commit and outbox are therefore one: no change without its
// deliveries, no delivery of a change that rolled back.
import type { SqlClient } from "../../db/sql";
import { Prisma, type AuditAction, type WebhookEventType } from "../../generated/prisma/client";
import type { EntityType } from "../../shared/global-id";
import type { Tx } from "../../shared/transaction";
import { principalKeyId, principalLabel, type Principal } from "../auth/permissions";
import { REFERENCE_TYPES } from "./snapshot-ids";

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

/**
 * How claimtrail_record_changes queues webhooks: the job, its attempts, the event names, and
 * which snapshot keys name which types (payloads carry `after` with global IDs, as history
 * shows it).
 */
const WEBHOOKS = {
  task: DELIVER_WEBHOOK_TASK,
  maxAttempts: WEBHOOK_MAX_ATTEMPTS,
  eventNames: WEBHOOK_EVENT_NAMES,
  references: REFERENCE_TYPES,
};

export class ChangeLog {
  private contextJson: string | null = null;

  constructor(
    private readonly principal: Principal,
    private readonly requestId: string | null,
  ) {}

  /**
   * Who makes the changes (key, label, request) and how webhooks are queued, as the JSON
   * the SQL functions that record changes take (`p_context`).
   */
  context(): string {
    this.contextJson ??= JSON.stringify({
      apiKeyId: principalKeyId(this.principal),
      actorLabel: principalLabel(this.principal),
      requestId: this.requestId,
      webhooks: WEBHOOKS,
    });
    return this.contextJson;
  }

  async record(tx: Tx, change: Change): Promise<void> {
    await tx.$queryRaw(this.changesSql([change]));
  }

  /** `record` for many changes in one statement (bulk import writes a batch's changes at once). */
  async recordMany(sql: SqlClient, changes: readonly Change[]): Promise<void> {
    if (changes.length === 0) return;
    await sql.rows({ sql: this.changesSql(changes), columns: ["deliveries"] });
  }

  /**
   * The statement that records `changes`, in the given order. They travel as one JSON
   * document (rather than an array parameter per column, which the driver would escape
   * element by element).
   */
  private changesSql(changes: readonly Change[]): Prisma.Sql {
    return Prisma.sql`SELECT claimtrail_record_changes(${toJson(changes)}::jsonb, ${this.context()}::jsonb) AS deliveries`;
  }
}

/** A row as JSON: dates as ISO strings, bigints as strings, the search vector left out. */
export function toJson(row: unknown): string {
  // JSON.stringify is several times faster without a replacer (bulk import records
  // megabytes of rows per batch), and gives the same text when no key needs leaving out
  // and no value is a bigint: that is tried first, and the replacer used otherwise.
  let plain: string | undefined;
  try {
    plain = JSON.stringify(row);
  } catch {
    plain = undefined; // a bigint
  }
  if (plain !== undefined && !OMITTED_KEY.test(plain)) return plain;
  return JSON.stringify(row, rowJson);
}

/** A key rowJson leaves out, as it appears in JSON text. */
const OMITTED_KEY = /"(?:searchVector|search_vector|secretHash|secret)":/;

/** JSON.stringify's replacer for rows: the search vector and secrets left out, bigints as strings. */
function rowJson(key: string, value: unknown): unknown {
  if (key === "searchVector" || key === "search_vector" || key === "secretHash" || key === "secret") return undefined;
  if (typeof value === "bigint") return value.toString();
  return value;
}
