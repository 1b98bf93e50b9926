// Reading the audit log (writing is ChangeLog's). One statement for a whole batch of
// entities: a LATERAL page per entity.
import type { AuditEvent, Role } from "../../generated/prisma/client";
import type { Db } from "../../db/prisma";
import { Prisma } from "../../generated/prisma/client";

export interface HistoryPageOptions {
  /** Events after this id (exclusive); 0 for the start. */
  afterId: bigint;
  /** Events before this id (exclusive); null for the end. */
  beforeId: bigint | null;
  /** Rows per entity (one more than the page, to tell whether there is another page). */
  limit: number;
  /** Newest first (a backward page, read from its end). */
  backward: boolean;
}

/** The id bounds of a page, for events aliased `alias`. */
function bounds(alias: string, options: HistoryPageOptions): Prisma.Sql {
  const id = Prisma.raw(`${alias}.id`);
  return options.beforeId === null
    ? Prisma.sql`${id} > ${options.afterId}`
    : Prisma.sql`${id} > ${options.afterId} AND ${id} < ${options.beforeId}`;
}

const direction = (options: HistoryPageOptions) => Prisma.raw(options.backward ? "DESC" : "ASC");

const COLUMNS = Prisma.sql`e.id, e.occurred_at AS "occurredAt", e.action, e.entity_type AS "entityType",
  e.entity_id::text AS "entityId", e.claim_id::text AS "claimId",
  e.related_claim_id::text AS "relatedClaimId", e.api_key_id::text AS "apiKeyId",
  e.actor_label AS "actorLabel", e.request_id AS "requestId", e.before, e.after, author.role::text AS "apiKeyRole"`;

/**
 * The events with the role of the key that made each (keys are revoked, never deleted; their
 * role never changes). Not aliased `k`: the batch queries below name their key list so.
 */
const EVENTS = Prisma.sql`audit_events e LEFT JOIN api_keys author ON author.id = e.api_key_id`;

/** An event with its author's role, which readers who may not see the key's name are shown instead. */
export type AuditEventWithRole = AuditEvent & { apiKeyRole: Role | null };

type Row = AuditEventWithRole & { parentId: string };

/** Events of each entity of `entityType`, oldest first. */
export function findEntityHistories(
  db: Db,
  entityType: string,
  entityIds: readonly string[],
  options: HistoryPageOptions,
): Promise<Row[]> {
  return db.$queryRaw<Row[]>`
    SELECT k.id AS "parentId", h.*
    FROM unnest(${entityIds}::text[]) AS k(id)
    CROSS JOIN LATERAL (
      SELECT ${COLUMNS} FROM ${EVENTS}
      WHERE e.entity_type = ${entityType} AND e.entity_id = k.id::uuid AND ${bounds("e", options)}
      ORDER BY e.id ${direction(options)} LIMIT ${options.limit}
    ) h`;
}

/**
 * Events bearing on each claim (the claim itself, its statements, evidence, verdicts, and
 * links from or to it) and on every claim merged into it, directly or through a chain of merges.
 */
export function findClaimHistories(db: Db, claimIds: readonly string[], options: HistoryPageOptions): Promise<Row[]> {
  return db.$queryRaw<Row[]>`
    SELECT k.id AS "parentId", h.*
    FROM unnest(${claimIds}::text[]) AS k(id)
    CROSS JOIN LATERAL (
      WITH RECURSIVE folded(id) AS (
        SELECT k.id::uuid
        UNION
        SELECT m.merged_claim_id FROM claim_merges m JOIN folded f ON m.into_claim_id = f.id
      )
      SELECT * FROM (
        SELECT ${COLUMNS} FROM ${EVENTS}
        WHERE e.claim_id IN (SELECT id FROM folded) AND ${bounds("e", options)}
        UNION
        SELECT ${COLUMNS} FROM ${EVENTS}
        WHERE e.related_claim_id IN (SELECT id FROM folded) AND ${bounds("e", options)}
      ) u
      ORDER BY u.id ${direction(options)} LIMIT ${options.limit}
    ) h`;
}
