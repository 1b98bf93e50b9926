// Data access for statements (Prisma only).
import type { Db } from "../../db/prisma";
import type { Prisma, Statement } from "../../generated/prisma/client";
import type { Stance } from "../../generated/prisma/enums";
import { HOP_GRAPH, hopRowsSql, type NewHop } from "../attribution/attribution.repository";

export interface StatementListOptions {
  take: number;
  skip: number;
  stance?: Stance | null;
  includeRetracted?: boolean | null;
}

function listWhere(options: StatementListOptions): Prisma.StatementWhereInput {
  return {
    ...(options.includeRetracted ? {} : { retractedAt: null }),
    ...(options.stance ? { stance: options.stance } : {}),
  };
}

const OLDEST_FIRST = [{ createdAt: "asc" }, { id: "asc" }] satisfies Prisma.StatementOrderByWithRelationInput[];
const NEWEST_FIRST = [{ createdAt: "desc" }, { id: "desc" }] satisfies Prisma.StatementOrderByWithRelationInput[];

/** A statement is loaded with its speaker, its source and publisher, and its chain. */
export const STATEMENT_GRAPH = {
  actor: true,
  source: { include: { publisher: true } },
  hops: HOP_GRAPH,
} as const;

export function findStatementsByIds(db: Db, ids: readonly string[]) {
  return db.statement.findMany({ where: { id: { in: [...ids] } } });
}

/** One page of statements per claim, in one query (LATERAL join with a per-claim limit). */
export async function findStatementPagesByClaims(db: Db, claimIds: readonly string[], options: StatementListOptions) {
  const rows = await db.claim.findMany({
    where: { id: { in: [...claimIds] } },
    relationLoadStrategy: "join",
    select: {
      id: true,
      statements: {
        where: listWhere(options),
        orderBy: OLDEST_FIRST,
        take: options.take,
        skip: options.skip,
        include: STATEMENT_GRAPH,
      },
    },
  });
  return rows.map((row) => ({ parentId: row.id, rows: row.statements }));
}

export async function findStatementPagesByActors(db: Db, actorIds: readonly string[], options: StatementListOptions) {
  const rows = await db.actor.findMany({
    where: { id: { in: [...actorIds] } },
    relationLoadStrategy: "join",
    select: {
      id: true,
      statements: {
        where: listWhere(options),
        orderBy: NEWEST_FIRST,
        take: options.take,
        skip: options.skip,
        include: STATEMENT_GRAPH,
      },
    },
  });
  return rows.map((row) => ({ parentId: row.id, rows: row.statements }));
}

export async function findStatementPagesBySources(db: Db, sourceIds: readonly string[], options: StatementListOptions) {
  const rows = await db.source.findMany({
    where: { id: { in: [...sourceIds] } },
    relationLoadStrategy: "join",
    select: {
      id: true,
      statements: {
        where: listWhere(options),
        orderBy: OLDEST_FIRST,
        take: options.take,
        skip: options.skip,
        include: STATEMENT_GRAPH,
      },
    },
  });
  return rows.map((row) => ({ parentId: row.id, rows: row.statements }));
}

export function countLiveStatementsByActors(db: Db, actorIds: readonly string[]) {
  return db.statement.groupBy({
    by: ["actorId"],
    where: { actorId: { in: [...actorIds] }, retractedAt: null },
    _count: { _all: true },
  });
}

export interface NewStatement {
  claimId: string;
  actorId: string;
  sourceId: string;
  stance: Stance;
  quote: string | null;
  paraphrase: string | null;
  language: string | null;
  statedAt: Date | null;
}

/** Inserts a statement (raw SQL: recordStatement is the hottest write). */
/** Inserts a statement and its attribution chain in one statement (it runs on every recordStatement). */
export async function insertStatement(db: Db, data: NewStatement, hops: NewHop[]): Promise<Statement> {
  const [row] = await db.$queryRaw<Statement[]>`
    WITH s AS (
      INSERT INTO statements (claim_id, actor_id, source_id, stance, quote, paraphrase, language, stated_at, updated_at)
      VALUES (${data.claimId}::uuid, ${data.actorId}::uuid, ${data.sourceId}::uuid, ${data.stance}::"Stance",
              ${data.quote}, ${data.paraphrase}, ${data.language}, ${data.statedAt}::timestamptz, now())
      RETURNING *),
    chain AS (
      INSERT INTO attribution_hops (statement_id, position, relation, actor_id, source_id, note)
      SELECT s.id, h.position, h.relation::"HopRelation", h.actor_id, h.source_id, h.note FROM s, ${hopRowsSql(hops)})
    SELECT id, claim_id AS "claimId", actor_id AS "actorId", source_id AS "sourceId", stance::text AS stance,
           quote, paraphrase, language, stated_at AS "statedAt", retracted_at AS "retractedAt",
           retraction_reason AS "retractionReason", created_at AS "createdAt", updated_at AS "updatedAt"
    FROM s`;
  if (!row) throw new Error("INSERT ... RETURNING returned no row");
  return row;
}

export function markStatementRetracted(db: Db, id: string, reason: string) {
  return db.statement.update({ where: { id }, data: { retractedAt: new Date(), retractionReason: reason } });
}
