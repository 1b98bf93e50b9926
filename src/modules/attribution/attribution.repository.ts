// Data access for attribution hops (Prisma only).
import type { Db } from "../../db/prisma";
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
