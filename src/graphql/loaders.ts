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
import {
  countChildrenByClaims,
  findClaimsByIds,
  findClaimsWithChildren,
  findMergeTargets,
} from "../modules/claim/claim.repository";
import { findRelationsByIds } from "../modules/claim-relation/claim-relation.repository";
import { findSourcesByIds } from "../modules/source/source.repository";
import { countLiveStatementsByActors, findStatementsByIds } from "../modules/statement/statement.repository";
import { findEvidenceByIds } from "../modules/evidence/evidence.repository";
import { findVerdictsByIds } from "../modules/verdict/verdict.repository";
import { groupsByKey, ParameterizedLoaders, rowsByKey } from "../shared/batch";
import { findClaimChildren, type ChildLimits, type ClaimChildren } from "../modules/claim/claim-children.repository";
import { primeEvidence, primeHops, primeStatements, primeVerdicts } from "./loader-priming";

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

/**
 * What the request's operation can ask of a claim's children, read off its document
 * before execution (see graphql/query-shape.ts). Until it is set, everything is loaded.
 */
export interface ClaimChildrenShape {
  /** Evidence items are asked for (Claim.evidence or provenance). */
  evidence: boolean;
  /** Statement sources are asked for (a `source` or `provenance` field). */
  statementSources: boolean;
  /**
   * A read-only operation asks for claims' children: claims are then loaded together with
   * their children windows, in one statement instead of two.
   */
  prefetchChildren: boolean;
  /** The field names the operation uses, when children rows may carry only those (see ChildLimits). */
  fields: readonly string[] | null;
}

export function createLoaders(prisma: PrismaClient) {
  const shape: ClaimChildrenShape = { evidence: true, statementSources: true, prefetchChildren: false, fields: null };
  // Claims by id come with their children when the operation will ask for them.
  const loaders = createKeyLoaders(prisma, async (ids) => {
    if (!shape.prefetchChildren) return rowsByKey(ids, await findClaimsByIds(prisma, ids), (row) => row.id);
    const claims = adoptClaimsWithChildren(await findClaimsWithChildren(prisma, ids, childLimits()));
    return rowsByKey(ids, claims, (row) => row.id);
  });
  const childLimits = (): ChildLimits => ({
    statements: CLAIM_CHILD_WINDOW,
    evidence: shape.evidence ? CLAIM_CHILD_WINDOW : 0,
    verdicts: VERDICT_WINDOW,
    withSources: shape.statementSources,
    fields: shape.fields,
  });
  /** The related rows of a claim's children prime the key loaders. */
  const adopt = (children: ClaimChildren): ClaimChildren => {
    primeStatements(loaders, children.statements);
    primeEvidence(loaders, children.evidence);
    primeVerdicts(loaders, children.verdicts);
    return children;
  };
  /**
   * Per claim, the first CLAIM_CHILD_WINDOW live statements and evidence items and the
   * first VERDICT_WINDOW live verdicts, with their related rows, in one SQL statement.
   */
  const claimChildren = new DataLoader<string, ClaimChildren>(async (ids) => {
    const rows = await findClaimChildren(prisma, ids, childLimits());
    return rowsByKey(ids, rows, (row) => row.claimId).map((row, index) =>
      adopt(row ?? { claimId: ids[index] ?? "", statements: [], evidence: [], verdicts: [] }),
    );
  });
  /** Claims read with their children prime both loaders; returns the claims. */
  const adoptClaimsWithChildren = (rows: { row: Claim; children: ClaimChildren }[]): Claim[] =>
    rows.map(({ row, children }) => {
      loaders.claims.prime(row.id, row);
      claimChildren.prime(row.id, adopt(children));
      return row;
    });
  return {
    ...loaders,
    claimChildrenShape: shape,
    claimChildren,
    childLimits,
    adoptClaimsWithChildren,
  };
}

/** `loadClaims` is the batch of the claims loader (createLoaders reads children along when asked for). */
function createKeyLoaders(prisma: PrismaClient, loadClaims: (ids: readonly string[]) => Promise<(Claim | null)[]>) {
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

export type Loaders = ReturnType<typeof createLoaders>;
/** The loaders by key, which priming fills. */
export interface KeyLoaders {
  claims: DataLoader<string, Claim | null>;
  actors: DataLoader<string, Actor | null>;
  sources: DataLoader<string, Source | null>;
  statements: DataLoader<string, Statement | null>;
  evidence: DataLoader<string, Evidence | null>;
  verdicts: DataLoader<string, Verdict | null>;
  relations: DataLoader<string, ClaimRelation | null>;
  mergeTargets: DataLoader<string, string | null>;
  aliasesByActor: DataLoader<string, ActorAlias[]>;
  hopsByStatement: DataLoader<string, AttributionHop[]>;
  hopsByEvidence: DataLoader<string, AttributionHop[]>;
  childCountsByClaim: DataLoader<string, { statements: number; evidence: number }>;
  statementCountByActor: DataLoader<string, number>;
  paged: ParameterizedLoaders;
}
