// Rows read together with their related rows (a statement with its actor, source and
// publisher), as the claim-children query returns them and the loaders are primed with.
import type { Actor, AttributionHop, Evidence, Source, Statement, Verdict } from "../generated/prisma/client";

export type SourceGraph = Source & { publisher: Actor | null };
export type HopGraph = AttributionHop & { actor: Actor; source: SourceGraph | null };
/** A statement with its related rows; `source` and `hops` only when they were loaded with it. */
export type StatementGraph = Statement & { actor: Actor; source?: SourceGraph | null; hops?: HopGraph[] };
export type EvidenceGraph = Evidence & { actor: Actor | null; source: SourceGraph; hops?: HopGraph[] };
export type VerdictGraph = Verdict & { reviewer: Actor };

/** The relations a row may carry when it was read with them (see the graphs above). */
export type CarriedRelation = "actor" | "source" | "publisher" | "reviewer";

/**
 * The related row `row` was read together with (a claim's children carry their speaker,
 * source, publisher and reviewer), or undefined when it came without it. The same row the
 * loaders were primed with, so reading it here saves a loader call, not a query.
 */
export function carried<T>(row: object, relation: CarriedRelation): T | undefined {
  const value = (row as Record<string, unknown>)[relation];
  return value === null || value === undefined ? undefined : (value as T);
}
