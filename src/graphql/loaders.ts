// Per-request DataLoaders: every lookup by key within one request is batched into one
// query per kind, so no resolver path does N+1. Built fresh for each request.
import DataLoader from "dataloader";
import type { PrismaClient } from "../db/prisma";
import type {
  Actor,
  ActorAlias,
  AttributionHop,
  Claim,
  ClaimRelation,
  Evidence,
  Source,
  Statement,
  Verdict,
} from "../generated/prisma/client";
import { findActorsByIds, findAliasesByActorIds } from "../modules/actor/actor.repository";
import { findHopsByEvidenceIds, findHopsByStatementIds } from "../modules/attribution/attribution.repository";
import { countChildrenByClaims, findClaimsByIds, findMergeTargets } from "../modules/claim/claim.repository";
import { findRelationsByIds } from "../modules/claim-relation/claim-relation.repository";
import { findSourcesByIds } from "../modules/source/source.repository";
import { countLiveStatementsByActors, findStatementsByIds } from "../modules/statement/statement.repository";
import { findEvidenceByIds } from "../modules/evidence/evidence.repository";
import { findVerdictsByIds } from "../modules/verdict/verdict.repository";
import { groupsByKey, pagesByKey, ParameterizedLoaders, rowsByKey } from "../shared/batch";
import { findEvidencePagesByClaims } from "../modules/evidence/evidence.repository";
import { findStatementPagesByClaims } from "../modules/statement/statement.repository";
import { findVerdictPagesByClaims } from "../modules/verdict/verdict.repository";
import {
  primeEvidence,
  primeStatements,
  primeVerdicts,
  type EvidenceGraph,
  type StatementGraph,
  type VerdictGraph,
} from "./loader-priming";

function byId<R extends { id: string }>(
  find: (db: PrismaClient, ids: readonly string[]) => Promise<R[]>,
  prisma: PrismaClient,
) {
  return new DataLoader<string, R | null>(async (ids) => rowsByKey(ids, await find(prisma, ids), (row) => row.id));
}

/**
 * How many live statements (and evidence items) per claim one window load fetches: the
 * provenance limit plus one (to tell truncation). Pages within it are sliced from it.
 */
export const CLAIM_CHILD_WINDOW = 501;
/** Live verdicts per claim in one window load: every page of the verdict history up to the cap. */
export const VERDICT_WINDOW = 100;

export function createLoaders(prisma: PrismaClient) {
  const loaders = createKeyLoaders(prisma);
  return {
    ...loaders,
    /** The first CLAIM_CHILD_WINDOW live statements of each claim, with their graphs. */
    liveStatementsByClaim: new DataLoader<string, StatementGraph[]>(async (ids) => {
      const pages = pagesByKey(
        ids,
        await findStatementPagesByClaims(prisma, ids, { take: CLAIM_CHILD_WINDOW, skip: 0 }),
      );
      primeStatements(loaders, pages.flat());
      return pages;
    }),
    liveEvidenceByClaim: new DataLoader<string, EvidenceGraph[]>(async (ids) => {
      const pages = pagesByKey(
        ids,
        await findEvidencePagesByClaims(prisma, ids, { take: CLAIM_CHILD_WINDOW, skip: 0 }),
      );
      primeEvidence(loaders, pages.flat());
      return pages;
    }),
    liveVerdictsByClaim: new DataLoader<string, VerdictGraph[]>(async (ids) => {
      const pages = pagesByKey(ids, await findVerdictPagesByClaims(prisma, ids, { take: VERDICT_WINDOW, skip: 0 }));
      primeVerdicts(loaders, pages.flat());
      return pages;
    }),
  };
}

function createKeyLoaders(prisma: PrismaClient) {
  return {
    claims: byId<Claim>(findClaimsByIds, prisma),
    actors: byId<Actor>(findActorsByIds, prisma),
    sources: byId<Source>(findSourcesByIds, prisma),
    statements: byId<Statement>(findStatementsByIds, prisma),
    evidence: byId<Evidence>(findEvidenceByIds, prisma),
    verdicts: byId<Verdict>(findVerdictsByIds, prisma),
    relations: byId<ClaimRelation>(findRelationsByIds, prisma),
    /** Where a merged claim's ID now points (null for a claim that was never merged). */
    mergeTargets: new DataLoader<string, string | null>(async (ids) =>
      rowsByKey(ids, await findMergeTargets(prisma, ids), (row) => row.mergedClaimId).map(
        (row) => row?.intoClaimId ?? null,
      ),
    ),
    aliasesByActor: new DataLoader<string, ActorAlias[]>(async (ids) =>
      groupsByKey(ids, await findAliasesByActorIds(prisma, ids), (row) => row.actorId),
    ),
    hopsByStatement: new DataLoader<string, AttributionHop[]>(async (ids) =>
      groupsByKey(ids, await findHopsByStatementIds(prisma, ids), (row) => row.statementId ?? ""),
    ),
    hopsByEvidence: new DataLoader<string, AttributionHop[]>(async (ids) =>
      groupsByKey(ids, await findHopsByEvidenceIds(prisma, ids), (row) => row.evidenceId ?? ""),
    ),
    childCountsByClaim: new DataLoader<string, { statements: number; evidence: number }>(async (ids) => {
      const rows = await countChildrenByClaims(prisma, ids);
      return rowsByKey(ids, rows, (row) => row.id).map((row) => row?._count ?? { statements: 0, evidence: 0 });
    }),
    statementCountByActor: new DataLoader<string, number>(async (ids) => {
      const rows = await countLiveStatementsByActors(prisma, ids);
      return rowsByKey(ids, rows, (row) => row.actorId).map((row) => row?._count._all ?? 0);
    }),
    /** Loaders of pages whose batch depends on arguments (page size, filters). */
    paged: new ParameterizedLoaders(),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
/** The loaders by key, which priming fills. */
export type KeyLoaders = ReturnType<typeof createKeyLoaders>;
