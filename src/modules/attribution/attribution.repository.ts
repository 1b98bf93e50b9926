// Data access for attribution hops (Prisma only).
import type { Db } from "../../db/prisma";
import { Prisma } from "../../generated/prisma/client";
import type { HopRelation } from "../../generated/prisma/enums";

export interface NewHop {
  position: number;
  relation: HopRelation;
  actorId: string;
  sourceId: string | null;
  note: string | null;
}

/** How hops are loaded alongside their statement or evidence item: with actor and source. */
export const HOP_GRAPH = {
  orderBy: { position: "asc" },
  include: { actor: true, source: { include: { publisher: true } } },
} as const;

/** A chain as rows `h(position, relation, actor_id, source_id, note)`, for an INSERT ... SELECT. */
export function hopRowsSql(hops: NewHop[]): Prisma.Sql {
  return Prisma.sql`unnest(${hops.map((hop) => hop.position)}::int[], ${hops.map((hop) => hop.relation)}::text[],
    ${hops.map((hop) => hop.actorId)}::uuid[], ${hops.map((hop) => hop.sourceId)}::uuid[],
    ${hops.map((hop) => hop.note)}::text[]) AS h(position, relation, actor_id, source_id, note)`;
}

/** Inserts a chain in one statement (raw SQL with unnest: it runs on every addEvidence with a chain). */
export async function insertHops(db: Db, owner: { statementId: string } | { evidenceId: string }, hops: NewHop[]) {
  const statementId = "statementId" in owner ? owner.statementId : null;
  const evidenceId = "evidenceId" in owner ? owner.evidenceId : null;
  await db.$executeRaw`
    INSERT INTO attribution_hops (statement_id, evidence_id, position, relation, actor_id, source_id, note)
    SELECT ${statementId}::uuid, ${evidenceId}::uuid, h.position, h.relation::"HopRelation", h.actor_id, h.source_id, h.note
    FROM ${hopRowsSql(hops)}`;
}

export function findHopsByStatementIds(db: Db, statementIds: readonly string[]) {
  return db.attributionHop.findMany({
    where: { statementId: { in: [...statementIds] } },
    orderBy: [{ statementId: "asc" }, { position: "asc" }],
    include: HOP_GRAPH.include,
  });
}

export function findHopsByEvidenceIds(db: Db, evidenceIds: readonly string[]) {
  return db.attributionHop.findMany({
    where: { evidenceId: { in: [...evidenceIds] } },
    orderBy: [{ evidenceId: "asc" }, { position: "asc" }],
    include: HOP_GRAPH.include,
  });
}
