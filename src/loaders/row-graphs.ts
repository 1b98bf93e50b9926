// Rows read together with their related rows (a statement with its actor, source and
// publisher), as the claim-children query returns them and the loaders are primed with.
import type { Actor, AttributionHop, Evidence, Source, Statement, Verdict } from "../generated/prisma/client";

export type SourceGraph = Source & { publisher: Actor | null };
export type HopGraph = AttributionHop & { actor: Actor; source: SourceGraph | null };
/** A statement with its related rows; `source` and `hops` only when they were loaded with it. */
export type StatementGraph = Statement & { actor: Actor; source?: SourceGraph | null; hops?: HopGraph[] };
export type EvidenceGraph = Evidence & { actor: Actor | null; source: SourceGraph; hops?: HopGraph[] };
export type VerdictGraph = Verdict & { reviewer: Actor };
