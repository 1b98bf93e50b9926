// The per-request loaders by key (a claim, an actor, a statement's attribution chain...):
// every lookup by key within one request is batched into one query per kind.
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
import { countChildrenByClaims, findMergeTargets } from "../modules/claim/claim.repository";
import { findRelationsByIds } from "../modules/claim-relation/claim-relation.repository";
import { findEvidenceByIds } from "../modules/evidence/evidence.repository";
import { findSourcesByIds } from "../modules/source/source.repository";
import { countLiveStatementsByActors, findStatementsByIds } from "../modules/statement/statement.repository";
import { findVerdictsByIds } from "../modules/verdict/verdict.repository";
import { groupsByKey, ParameterizedLoaders, rowsByKey } from "../shared/batch";
import { primeHops, type PrimedLoaders } from "./priming";

function byId<R extends { id: string }>(
  find: (db: PrismaClient, ids: readonly string[]) => Promise<R[]>,
  prisma: PrismaClient,
) {
  return new DataLoader<string, R | null>(async (ids) => rowsByKey(ids, await find(prisma, ids), (row) => row.id));
}

/** `loadClaims` is the batch of the claims loader (createLoaders reads children along when asked for). */
export function createKeyLoaders(
  prisma: PrismaClient,
  loadClaims: (ids: readonly string[]) => Promise<(Claim | null)[]>,
) {
  // The hop loaders prime the actor and source loaders of this same object.
  const keyLoaders: KeyLoaders = {
    claims: new DataLoader<string, Claim | null>(loadClaims),
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
    hopsByStatement: new DataLoader<string, AttributionHop[]>(async (ids) => {
      const hops = await findHopsByStatementIds(prisma, ids);
      primeHops(keyLoaders, hops);
      return groupsByKey(ids, hops, (row) => row.statementId ?? "");
    }),
    hopsByEvidence: new DataLoader<string, AttributionHop[]>(async (ids) => {
      const hops = await findHopsByEvidenceIds(prisma, ids);
      primeHops(keyLoaders, hops);
      return groupsByKey(ids, hops, (row) => row.evidenceId ?? "");
    }),
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
  return keyLoaders;
}

/** The loaders by key (those that priming fills, and the rest). */
export interface KeyLoaders extends PrimedLoaders {
  claims: DataLoader<string, Claim | null>;
  relations: DataLoader<string, ClaimRelation | null>;
  mergeTargets: DataLoader<string, string | null>;
  aliasesByActor: DataLoader<string, ActorAlias[]>;
  childCountsByClaim: DataLoader<string, { statements: number; evidence: number }>;
  statementCountByActor: DataLoader<string, number>;
  paged: ParameterizedLoaders;
}
