// Aggregates over the claims matching a filter (`claims c` conditions from claim-filter.ts).
import type { Db } from "../../db/prisma";
import { Prisma, type Claim, type Statement } from "../../generated/prisma/client";
import type { ClaimStatus, Stance } from "../../generated/prisma/enums";
import { CLAIM_COLUMNS } from "../claim/claim-filter";

export function countByStatus(db: Db, where: Prisma.Sql) {
  return db.$queryRaw<{ status: ClaimStatus; count: number }[]>`
    SELECT c.status::text AS status, count(*)::int AS count FROM claims c WHERE ${where}
    GROUP BY c.status ORDER BY count DESC, status`;
}

export function countByTopic(db: Db, where: Prisma.Sql, limit: number) {
  return db.$queryRaw<{ topic: string; count: number }[]>`
    SELECT t.topic, count(*)::int AS count FROM claims c CROSS JOIN LATERAL unnest(c.topics) AS t(topic)
    WHERE ${where} GROUP BY t.topic ORDER BY count DESC, t.topic LIMIT ${limit}`;
}

/** Actors by the number of distinct claims they have live statements on. */
export function countBySpeaker(db: Db, where: Prisma.Sql, stance: Stance | null, limit: number) {
  const byStance = stance ? Prisma.sql`AND s.stance = ${stance}::"Stance"` : Prisma.empty;
  return db.$queryRaw<{ actor_id: string; count: number }[]>`
    SELECT s.actor_id, count(DISTINCT s.claim_id)::int AS count
    FROM statements s JOIN claims c ON c.id = s.claim_id
    WHERE s.retracted_at IS NULL ${byStance} AND ${where}
    GROUP BY s.actor_id ORDER BY count DESC, s.actor_id LIMIT ${limit}`;
}

/** Publishers by the number of distinct claims their sources carry (through statements). */
export function countByPublisher(db: Db, where: Prisma.Sql, limit: number) {
  return db.$queryRaw<{ actor_id: string; count: number }[]>`
    SELECT so.publisher_id AS actor_id, count(DISTINCT s.claim_id)::int AS count
    FROM statements s JOIN sources so ON so.id = s.source_id JOIN claims c ON c.id = s.claim_id
    WHERE s.retracted_at IS NULL AND so.publisher_id IS NOT NULL AND ${where}
    GROUP BY so.publisher_id ORDER BY count DESC, so.publisher_id LIMIT ${limit}`;
}

const DATE_COLUMN = {
  FIRST_SEEN_AT: Prisma.raw("c.first_seen_at"),
  CREATED_AT: Prisma.raw("c.created_at"),
  UPDATED_AT: Prisma.raw("c.updated_at"),
} as const;

/** Claims per UTC day in [from, to), zero days included. */
export function countPerDay(db: Db, where: Prisma.Sql, field: keyof typeof DATE_COLUMN, from: Date, to: Date) {
  const column = DATE_COLUMN[field];
  return db.$queryRaw<{ day: string; count: number }[]>`
    WITH counts AS (
      SELECT (${column} AT TIME ZONE 'UTC')::date AS day, count(*)::int AS count
      FROM claims c WHERE ${column} >= ${from} AND ${column} < ${to} AND ${where}
      GROUP BY 1
    )
    SELECT to_char(d.day, 'YYYY-MM-DD') AS day, coalesce(counts.count, 0)::int AS count
    FROM generate_series((${from}::timestamptz AT TIME ZONE 'UTC')::date,
                         ((${to}::timestamptz - interval '1 microsecond') AT TIME ZONE 'UTC')::date,
                         interval '1 day') AS d(day)
    LEFT JOIN counts ON counts.day = d.day::date
    ORDER BY d.day`;
}

export function mostDisputed(db: Db, where: Prisma.Sql, limit: number) {
  return db.$queryRaw<Claim[]>`
    SELECT ${CLAIM_COLUMNS} FROM claims c WHERE c.dispute_score > 0 AND ${where}
    ORDER BY c.dispute_score DESC, c.id DESC LIMIT ${limit}`;
}

/** The newest live denials, on claims matching the filter. */
export function newestDenials(db: Db, where: Prisma.Sql, limit: number) {
  return db.$queryRaw<Statement[]>`
    SELECT s.id, s.claim_id AS "claimId", s.actor_id AS "actorId", s.source_id AS "sourceId", s.stance::text AS stance,
           s.quote, s.paraphrase, s.language, s.stated_at AS "statedAt", s.retracted_at AS "retractedAt",
           s.retraction_reason AS "retractionReason", s.created_at AS "createdAt", s.updated_at AS "updatedAt"
    FROM statements s JOIN claims c ON c.id = s.claim_id
    WHERE s.stance = 'DENIES' AND s.retracted_at IS NULL AND ${where}
    ORDER BY s.created_at DESC, s.id DESC LIMIT ${limit}`;
}
