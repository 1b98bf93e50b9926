// Rows loaded with their related rows (a statement with its actor, source, publisher
// and chain) seed the per-request loaders, so resolvers further down the query find
// them without another round trip.
import type DataLoader from "dataloader";
import type { Actor, AttributionHop, Evidence, Source, Statement, Verdict } from "../generated/prisma/client";
import type { EvidenceGraph, HopGraph, SourceGraph, StatementGraph, VerdictGraph } from "./row-graphs";

/** The key loaders that priming fills (KeyLoaders in key-loaders.ts has them all). */
export interface PrimedLoaders {
  actors: DataLoader<string, Actor | null>;
  sources: DataLoader<string, Source | null>;
  statements: DataLoader<string, Statement | null>;
  evidence: DataLoader<string, Evidence | null>;
  verdicts: DataLoader<string, Verdict | null>;
  hopsByStatement: DataLoader<string, AttributionHop[]>;
  hopsByEvidence: DataLoader<string, AttributionHop[]>;
}
type Loaders = PrimedLoaders;

function primeActor(loaders: Loaders, actor: Actor | null): void {
  if (actor) loaders.actors.prime(actor.id, actor);
}

function primeSource(loaders: Loaders, source: SourceGraph | null): void {
  if (!source) return;
  loaders.sources.prime(source.id, source);
  primeActor(loaders, source.publisher);
}

export function primeHops(loaders: Loaders, hops: HopGraph[]): void {
  for (const hop of hops) {
    primeActor(loaders, hop.actor);
    primeSource(loaders, hop.source);
  }
}

export function primeStatements(loaders: Loaders, statements: StatementGraph[]): void {
  for (const statement of statements) {
    // A row read for a request that selects nothing needing its id comes without one.
    if (statement.id) loaders.statements.prime(statement.id, statement);
    primeActor(loaders, statement.actor);
    primeSource(loaders, statement.source ?? null);
    if (statement.hops) {
      loaders.hopsByStatement.prime(statement.id, statement.hops);
      primeHops(loaders, statement.hops);
    }
  }
}

export function primeEvidence(loaders: Loaders, items: EvidenceGraph[]): void {
  for (const item of items) {
    if (item.id) loaders.evidence.prime(item.id, item);
    primeActor(loaders, item.actor);
    primeSource(loaders, item.source);
    if (item.hops) {
      loaders.hopsByEvidence.prime(item.id, item.hops);
      primeHops(loaders, item.hops);
    }
  }
}

export function primeVerdicts(loaders: Loaders, verdicts: VerdictGraph[]): void {
  for (const verdict of verdicts) {
    if (verdict.id) loaders.verdicts.prime(verdict.id, verdict);
    primeActor(loaders, verdict.reviewer);
  }
}
