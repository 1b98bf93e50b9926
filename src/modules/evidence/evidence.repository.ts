// Data access for evidence items: Prisma for reads, the SQL function for addEvidence.
import { rowFromJson } from "../../db/json-rows";
import type { Db, PrismaClient } from "../../db/prisma";
import { callWriteFunction } from "../../db/write-functions";
import type { Claim, Evidence } from "../../generated/prisma/client";
import type { EvidenceDirection, EvidenceKind } from "../../generated/prisma/enums";
import type { ActorRefJson } from "../actor/actor-ref-json";
import { HOP_GRAPH } from "../attribution/attribution.repository";
import type { RelayJson } from "../attribution/via-json";
import { claimFromJson } from "../claim/claim-writes.repository";
import type { SourceRefJson } from "../source/source-ref-json";

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

/** An evidence item's own fields (evidenceFields). */
export interface EvidenceFields {
  direction: EvidenceDirection;
  kind: EvidenceKind;
  summary: string;
  excerpt: string | null;
  observedAt: Date | null;
}

const EVIDENCE_TIMES = [
  "observedAt",
  "retractedAt",
  "createdAt",
  "updatedAt",
] as const satisfies readonly (keyof Evidence)[];

/**
 * addEvidence as one statement (claimtrail_add_evidence): the claim locked (a merged claim's
 * ID writes to the survivor), the references resolved, the item with its chain (when it has
 * an actor) and change record, the claim's derived columns refreshed.
 */
export async function addEvidence(
  prisma: PrismaClient,
  input: EvidenceFields & { claimId: string; source: SourceRefJson; actor: ActorRefJson | null; via: RelayJson[] },
  context: string,
): Promise<{ evidence: Evidence; claim: Claim }> {
  const result = await callWriteFunction<{ evidence: unknown; claim: unknown }>(
    prisma,
    "claimtrail_add_evidence",
    input,
    context,
  );
  return { evidence: rowFromJson<Evidence>(result.evidence, EVIDENCE_TIMES), claim: claimFromJson(result.claim) };
}

export function markEvidenceRetracted(db: Db, id: string, reason: string) {
  return db.evidence.update({ where: { id }, data: { retractedAt: new Date(), retractionReason: reason } });
}
