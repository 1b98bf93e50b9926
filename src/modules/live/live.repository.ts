// Reading claim events from the audit log, in stream order: by the writing transaction's ID,
// then the event's ID, and only below the horizon (the oldest transaction still running,
// pg_snapshot_xmin of the statement's snapshot), where no event can appear any more. One
// statement reads the horizon and the events together, so both come from one snapshot.
import type pg from "pg";
import type { PrismaClient } from "../../db/prisma";
import { queryRows, rowCount, type TypedQuery } from "../../db/sql";
import { Prisma } from "../../generated/prisma/client";
import type { AuditAction } from "../../generated/prisma/client";
import { claimEventType, encodeCursor, type ClaimEventView, type EventPosition } from "./claim-event";

/** Where the statements run: a request's (gated) Prisma client, or the feed's own connection. */
export type RunSql = <Row>(query: TypedQuery<Row>) => Promise<Row[]>;

export function onPrisma(prisma: PrismaClient): RunSql {
  return (query) => queryRows(prisma, query);
}

/**
 * On one dedicated connection (the feed's, which also LISTENs): its reads take no pooled
 * connection and no request's share of the pool.
 */
export function onClient(client: pg.Client): RunSql {
  return async <Row>(query: TypedQuery<Row>) => {
    const result = await client.query({ text: query.sql.text, values: query.sql.values });
    return result.rows as Row[];
  };
}

/** The largest event ID: a position after every event of its transaction. */
const MAX_ID = 9_223_372_036_854_775_807n;

interface EventRow {
  horizon: string;
  tx: string | null;
  id: string | null;
  occurredAt: Date | null;
  action: AuditAction | null;
  entityType: string | null;
  entityId: string | null;
  claimId: string | null;
  relatedClaimId: string | null;
  apiKeyId: string | null;
  apiKeyRole: string | null;
  actorLabel: string | null;
  actorIds: string[] | null;
}

const COLUMNS = [
  "horizon",
  "tx",
  "id",
  "occurredAt",
  "action",
  "entityType",
  "entityId",
  "claimId",
  "relatedClaimId",
  "apiKeyId",
  "apiKeyRole",
  "actorLabel",
  "actorIds",
] as const satisfies readonly (keyof EventRow)[];

export interface EventPage {
  events: ClaimEventView[];
  /** How far the stream has been read: the last event's position, or just below the horizon when the page is not full. */
  readTo: EventPosition;
}

/**
 * The claim events after `after` (exclusive), at most `limit`, up to `upTo` (inclusive) when
 * given, below the horizon. Rows that are no claim events (API keys, webhooks, actors,
 * sources) are skipped in SQL; a page shorter than `limit` means everything below the
 * horizon has been read, so `readTo` moves up to it.
 */
export async function readClaimEvents(
  run: RunSql,
  after: EventPosition,
  limit: number,
  upTo: EventPosition | null = null,
): Promise<EventPage> {
  const bound = upTo
    ? Prisma.sql`AND (e.tx_id, e.id) <= (${upTo.tx.toString()}::xid8, ${upTo.id}::bigint)`
    : Prisma.empty;
  const rows = await run<EventRow>({
    sql: Prisma.sql`
      WITH h AS MATERIALIZED (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin)
      SELECT h.xmin::text AS horizon, ev.* FROM h LEFT JOIN LATERAL (
        SELECT e.tx_id::text AS tx, e.id::text AS id, e.occurred_at AS "occurredAt", e.action::text AS action,
               e.entity_type AS "entityType", e.entity_id::text AS "entityId", e.claim_id::text AS "claimId",
               CASE WHEN e.action = 'MERGED' THEN e.after->>'intoClaimId' ELSE e.related_claim_id::text END
                 AS "relatedClaimId",
               e.api_key_id::text AS "apiKeyId", k.role::text AS "apiKeyRole", e.actor_label AS "actorLabel",
               ARRAY(SELECT DISTINCT a FROM (
                 SELECT e.after->>'actorId' UNION ALL SELECT e.after->>'reviewerId'
                 UNION ALL SELECT hop->>'actorId' FROM jsonb_array_elements(
                   CASE WHEN jsonb_typeof(e.after->'hops') = 'array' THEN e.after->'hops' ELSE '[]'::jsonb END) hop
               ) x(a) WHERE a IS NOT NULL) AS "actorIds"
        FROM audit_events e LEFT JOIN api_keys k ON k.id = e.api_key_id
        WHERE (e.tx_id, e.id) > (${after.tx.toString()}::xid8, ${after.id}::bigint) AND e.tx_id < h.xmin ${bound}
          AND e.claim_id IS NOT NULL
          -- An expression, not the column: nearly every event passes this filter, and with
          -- statistics older than a bulk import PostgreSQL took the entity_type index for a
          -- selective one and bitmap-scanned the whole log (20 ms a poll instead of 0.05).
          AND e.entity_type || '' IN ('Claim', 'Statement', 'Evidence', 'Verdict', 'ClaimRelation')
        ORDER BY e.tx_id, e.id
        LIMIT ${rowCount(limit)}
      ) ev ON true`,
    columns: COLUMNS,
    prepare: !upTo,
  });
  const horizon = BigInt(rows[0]?.horizon ?? "0");
  const events: ClaimEventView[] = [];
  let last: EventPosition | null = null;
  // In stream order (the outer query does not promise the subquery's order).
  const positioned = rows.flatMap((row) =>
    row.tx === null || row.id === null ? [] : [{ row, position: { tx: BigInt(row.tx), id: BigInt(row.id) } }],
  );
  positioned.sort((a, b) => (less(a.position, b.position) ? -1 : less(b.position, a.position) ? 1 : 0));
  for (const { row, position } of positioned) {
    last = position;
    const type = row.action && row.entityType ? claimEventType(row.entityType, row.action) : null;
    if (!type || !row.claimId || !row.entityId || !row.occurredAt) continue;
    events.push({
      position,
      cursor: encodeCursor(position),
      type,
      occurredAt: row.occurredAt,
      entityId: row.entityId,
      claimId: row.claimId,
      relatedClaimId: row.relatedClaimId,
      actorIds: row.actorIds ?? [],
      apiKeyId: row.apiKeyId,
      apiKeyRole: row.apiKeyRole,
      actorLabel: row.actorLabel ?? "",
    });
  }
  const full = positioned.length >= limit;
  let readTo: EventPosition = last ?? after;
  if (!full) {
    // Everything below the horizon (and up to `upTo`) has been read.
    const belowHorizon = { tx: horizon - 1n, id: MAX_ID };
    const ceiling = upTo && less(upTo, belowHorizon) ? upTo : belowHorizon;
    if (less(readTo, ceiling)) readTo = ceiling;
  }
  return { events, readTo };
}

function less(a: EventPosition, b: EventPosition): boolean {
  return a.tx < b.tx || (a.tx === b.tx && a.id < b.id);
}

/** The position just below the horizon: where a stream that starts now begins. */
export async function currentPosition(run: RunSql): Promise<EventPosition> {
  const [row] = await run<{ horizon: string }>({
    sql: Prisma.sql`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon`,
    columns: ["horizon"],
  });
  return { tx: BigInt(row?.horizon ?? "1") - 1n, id: MAX_ID };
}

/** Whether an event is at `position`, and whether it is older than `windowMs` (null: no such event). */
export async function eventAge(
  run: RunSql,
  position: EventPosition,
  windowMs: number,
): Promise<{ expired: boolean } | null> {
  const [row] = await run<{ expired: boolean }>({
    sql: Prisma.sql`
      SELECT e.occurred_at < now() - make_interval(secs => ${windowMs / 1000}) AS expired
      FROM audit_events e WHERE e.id = ${position.id}::bigint AND e.tx_id = ${position.tx.toString()}::xid8`,
    columns: ["expired"],
  });
  return row ? { expired: row.expired } : null;
}
