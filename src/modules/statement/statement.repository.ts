// Data access for statements: Prisma for reads, the SQL functions for writes.
import { rowFromJson } from "../../db/json-rows";
import type { Db, PrismaClient } from "../../db/prisma";
import { withUserErrors } from "../../db/user-errors";
import { callWriteFunction } from "../../db/write-functions";
import type { Claim, Prisma, Statement } from "../../generated/prisma/client";
import type { Stance } from "../../generated/prisma/enums";
import type { ActorRefJson } from "../actor/actor-ref-json";
import { HOP_GRAPH } from "../attribution/attribution.repository";
import type { RelayJson } from "../attribution/via-json";
import { claimFromJson } from "../claim/claim-writes.repository";
import type { SourceRefJson } from "../source/source-ref-json";

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

/** A statement's fields as the SQL functions that write it take them (claimtrail_insert_statement's p_data). */
export interface StatementJson {
  stance: Stance;
  quote: string | null;
  paraphrase: string | null;
  language: string | null;
  statedAt: Date | null;
  via: RelayJson[];
}

const STATEMENT_TIMES = [
  "statedAt",
  "retractedAt",
  "createdAt",
  "updatedAt",
] as const satisfies readonly (keyof Statement)[];

/** A statement as the SQL functions return it (claimtrail_statement_json). */
function statementFromJson(json: unknown): Statement {
  return rowFromJson<Statement>(json, STATEMENT_TIMES);
}

/**
 * recordStatement as one statement (claimtrail_record_statement): the claim locked (a merged
 * claim's ID writes to the survivor), the references resolved, the statement with its chain
 * and change record, the claim's derived columns refreshed.
 */
export async function recordStatement(
  prisma: PrismaClient,
  input: StatementJson & { claimId: string; actor: ActorRefJson; source: SourceRefJson },
  context: string,
): Promise<{ statement: Statement; claim: Claim }> {
  const result = await callWriteFunction<{ statement: unknown; claim: unknown }>(
    prisma,
    "claimtrail_record_statement",
    input,
    context,
  );
  return { statement: statementFromJson(result.statement), claim: claimFromJson(result.claim) };
}

/**
 * claimtrail_insert_statement inside the caller's transaction, on a claim it has locked: the
 * statement by a resolved speaker in a resolved source, its chain (relays resolved on
 * `${field}.via`) and its change record.
 */
export async function insertStatement(
  db: Db,
  target: { claimId: string; actorId: string; sourceId: string },
  data: StatementJson,
  field: string,
  context: string,
): Promise<Statement> {
  const [row] = await withUserErrors(
    () => db.$queryRaw<{ statement: unknown }[]>`
      SELECT claimtrail_insert_statement(${target.claimId}::uuid, ${target.actorId}::uuid, ${target.sourceId}::uuid,
        ${JSON.stringify(data)}::jsonb, ${field}, ${context}::jsonb) - 'hops' AS statement`,
  );
  if (!row) throw new Error("claimtrail_insert_statement returned no row");
  return statementFromJson(row.statement);
}

export function markStatementRetracted(db: Db, id: string, reason: string) {
  return db.statement.update({ where: { id }, data: { retractedAt: new Date(), retractionReason: reason } });
}
