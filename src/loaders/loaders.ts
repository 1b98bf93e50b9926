// Per-request DataLoaders: every lookup by key within one request is batched into one
// query per kind, so no resolver path does N+1. Built fresh for each request: the key
// loaders (key-loaders.ts) plus claims' children windows, read as the operation needs them.
import DataLoader from "dataloader";
import type { PrismaClient } from "../db/prisma";
import type { Claim } from "../generated/prisma/client";
import { findClaimsByIds, findClaimsWithChildren } from "../modules/claim/claim.repository";
import { findClaimChildren, type ChildLimits, type ClaimChildren } from "../modules/claim/claim-children.repository";
import type { ChildFields } from "../modules/claim/child-fields";
import { rowsByKey } from "../shared/batch";
import { createKeyLoaders } from "./key-loaders";
import { primeEvidence, primeStatements, primeVerdicts } from "./priming";

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
  /** Whether verdicts are read a window at a time (Claim.verdicts), or only the newest (latestVerdict). */
  verdictWindow: boolean;
  /** Per type, the fields the operation selects, when children rows may carry only those (see ChildLimits). */
  fields: ChildFields | null;
  /** The Claim fields the operation selects, when claim rows may carry only their columns (claimColumns). */
  claimFields: readonly string[] | null;
}

export function createLoaders(prisma: PrismaClient) {
  const shape: ClaimChildrenShape = {
    evidence: true,
    statementSources: true,
    verdictWindow: true,
    prefetchChildren: false,
    fields: null,
    claimFields: null,
  };
  // Claims by id come with their children when the operation will ask for them.
  const loaders = createKeyLoaders(prisma, async (ids) => {
    if (!shape.prefetchChildren) return rowsByKey(ids, await findClaimsByIds(prisma, ids), (row) => row.id);
    const claims = adoptClaimsWithChildren(await findClaimsWithChildren(prisma, ids, childLimits()));
    return rowsByKey(ids, claims, (row) => row.id);
  });
  const childLimits = (): ChildLimits => ({
    statements: CLAIM_CHILD_WINDOW,
    evidence: shape.evidence ? CLAIM_CHILD_WINDOW : 0,
    verdicts: shape.verdictWindow ? VERDICT_WINDOW : 1,
    withSources: shape.statementSources,
    fields: shape.fields,
    claimFields: shape.claimFields,
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

export type Loaders = ReturnType<typeof createLoaders>;
