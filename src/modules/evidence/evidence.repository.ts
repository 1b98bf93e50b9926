// Data access for evidence items (Prisma only).
import type { Db } from "../../db/prisma";
import type { Prisma } from "../../generated/prisma/client";
import type { EvidenceDirection } from "../../generated/prisma/enums";
import { HOP_GRAPH } from "../attribution/attribution.repository";

/** An evidence item is loaded with its actor, its source and publisher, and its chain. */
export const EVIDENCE_GRAPH = { actor: true, source: { include: { publisher: true } }, hops: HOP_GRAPH } as const;

export interface EvidenceListOptions {
  take: number;
  skip: number;
  direction?: EvidenceDirection | null;
  includeRetracted?: boolean | null;
}

export function findEvidenceByIds(db: Db, ids: readonly string[]) {
  return db.evidence.findMany({ where: { id: { in: [...ids] } } });
}

/** One page of evidence per claim, in one query. */
export async function findEvidencePagesByClaims(db: Db, claimIds: readonly string[], options: EvidenceListOptions) {
  const rows = await db.claim.findMany({
    where: { id: { in: [...claimIds] } },
    relationLoadStrategy: "join",
    select: {
      id: true,
      evidence: {
        where: {
          ...(options.includeRetracted ? {} : { retractedAt: null }),
          ...(options.direction ? { direction: options.direction } : {}),
        },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: options.take,
        skip: options.skip,
        include: EVIDENCE_GRAPH,
      },
    },
  });
  return rows.map((row) => ({ parentId: row.id, rows: row.evidence }));
}

export function insertEvidence(db: Db, data: Prisma.EvidenceUncheckedCreateInput) {
  return db.evidence.create({ data });
}

export function markEvidenceRetracted(db: Db, id: string, reason: string) {
  return db.evidence.update({ where: { id }, data: { retractedAt: new Date(), retractionReason: reason } });
}
