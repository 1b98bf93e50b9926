// A claim's provenance: its live statements and evidence with their attribution
// chains, and every source and actor involved, gathered through the request's loaders
// (a fixed number of queries, however many statements the claim has).
import type { AttributionHop } from "../../generated/prisma/client";
import { CLAIM_CHILD_WINDOW } from "../../loaders/loaders";
import type { ServiceDeps } from "../../shared/service-deps";
import type { EvidenceService } from "../evidence/evidence.service";
import type { StatementService } from "../statement/statement.service";
import type { VerdictService } from "../verdict/verdict.service";
import type { AttributionChainView, ProvenanceRole, ProvenanceView } from "./provenance.types";

/** Statements plus evidence items in one provenance answer, at most (the loaders fetch one more). */
export const PROVENANCE_LIMIT = CLAIM_CHILD_WINDOW - 1;

export class ProvenanceService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly statements: StatementService,
    private readonly evidence: EvidenceService,
    private readonly verdicts: VerdictService,
  ) {}

  async provenanceOf(claimId: string): Promise<ProvenanceView> {
    const [statements, evidence, verdicts] = await Promise.all([
      this.statements.liveStatementsOfClaim(claimId),
      this.evidence.liveEvidenceOfClaim(claimId),
      this.verdicts.verdictsOfClaim(claimId, { first: 100 }),
    ]);
    const truncated = statements.length + evidence.length > PROVENANCE_LIMIT;
    const keptStatements = statements.slice(0, PROVENANCE_LIMIT);
    const keptEvidence = evidence.slice(0, PROVENANCE_LIMIT - keptStatements.length);

    const [statementHops, evidenceHops] = await Promise.all([
      this.deps.loaders.hopsByStatement.loadMany(keptStatements.map((statement) => statement.id)),
      this.deps.loaders.hopsByEvidence.loadMany(keptEvidence.map((item) => item.id)),
    ]);
    const hopsAt = (list: (AttributionHop[] | Error)[], index: number): AttributionHop[] => {
      const hops = list[index];
      if (hops instanceof Error) throw hops;
      return hops ?? [];
    };
    const chains: AttributionChainView[] = [
      ...keptStatements.map((statement, index) => ({
        statement,
        evidence: null,
        sourceId: statement.sourceId,
        hops: hopsAt(statementHops, index),
      })),
      ...keptEvidence.map((item, index) => ({
        statement: null,
        evidence: item,
        sourceId: item.sourceId,
        hops: hopsAt(evidenceHops, index),
      })),
    ];

    const roles = new RoleBook();
    const sourceIds = new Set<string>();
    for (const statement of keptStatements) roles.add(statement.actorId, "SPEAKER");
    for (const item of keptEvidence) if (item.actorId) roles.add(item.actorId, "EVIDENCE_AUTHOR");
    for (const chain of chains) {
      sourceIds.add(chain.sourceId);
      for (const hop of chain.hops) {
        if (hop.position > 0) roles.add(hop.actorId, "RELAY");
        if (hop.sourceId) sourceIds.add(hop.sourceId);
      }
    }
    const sources = await this.deps.loaders.sources.loadMany([...sourceIds]);
    for (const source of sources) {
      if (source && !(source instanceof Error) && source.publisherId) roles.add(source.publisherId, "PUBLISHER");
    }
    for (const verdict of verdicts) roles.add(verdict.reviewerId, "REVIEWER");

    return { sourceIds: [...sourceIds], actors: roles.list(), chains, truncated };
  }
}

/** Actors in order of first appearance, each with its distinct roles. */
class RoleBook {
  private readonly roles = new Map<string, ProvenanceRole[]>();

  add(actorId: string, role: ProvenanceRole): void {
    const list = this.roles.get(actorId);
    if (!list) this.roles.set(actorId, [role]);
    else if (!list.includes(role)) list.push(role);
  }

  list() {
    return [...this.roles].map(([actorId, roles]) => ({ actorId, roles }));
  }
}
