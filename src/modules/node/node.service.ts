// Query.node: any object by its global ID, through the service that owns its type.
import type { Actor, Claim, Evidence, Source, Statement, Verdict } from "../../generated/prisma/client";
import { BadQueryArgumentError } from "../../shared/errors";
import { decodeId, type NodeType } from "../../shared/global-id";
import { MAX_PAGE_SIZE } from "../../shared/pagination";
import type { ActorService } from "../actor/actor.service";
import type { ClaimRelationService } from "../claim-relation/claim-relation.service";
import type { ClaimRelationView } from "../claim-relation/claim-relation.types";
import type { ClaimService } from "../claim/claim.service";
import type { EvidenceService } from "../evidence/evidence.service";
import type { SourceService } from "../source/source.service";
import type { StatementService } from "../statement/statement.service";
import type { VerdictService } from "../verdict/verdict.service";

type NodeRow = Claim | Actor | Source | Statement | Evidence | Verdict | ClaimRelationView;

export interface TypedNode {
  __typename: NodeType;
}

/** The services that own the node types. */
export interface NodeOwners {
  claims: ClaimService;
  actors: ActorService;
  sources: SourceService;
  statements: StatementService;
  evidence: EvidenceService;
  verdicts: VerdictService;
  relations: ClaimRelationService;
}

export class NodeService {
  constructor(private readonly services: NodeOwners) {}

  async getNodes(globalIds: readonly string[]): Promise<((NodeRow & TypedNode) | null)[]> {
    if (globalIds.length > MAX_PAGE_SIZE) {
      throw new BadQueryArgumentError("ids", `at most ${MAX_PAGE_SIZE} IDs at once, got ${globalIds.length}.`);
    }
    return Promise.all(globalIds.map((id) => this.getNode(id)));
  }

  async getNode(globalId: string): Promise<(NodeRow & TypedNode) | null> {
    const decoded = decodeId(globalId);
    if (!decoded) return null;
    const row = await this.fetch(decoded.type, globalId);
    return row ? { ...row, __typename: decoded.type } : null;
  }

  private fetch(type: NodeType, globalId: string): Promise<NodeRow | null> {
    const { services } = this;
    switch (type) {
      case "Claim":
        return services.claims.getClaim(globalId);
      case "Actor":
        return services.actors.getActor(globalId);
      case "Source":
        return services.sources.getSource(globalId);
      case "Statement":
        return services.statements.getStatement(globalId);
      case "Evidence":
        return services.evidence.getEvidence(globalId);
      case "Verdict":
        return services.verdicts.getVerdict(globalId);
      case "ClaimRelation":
        return services.relations.getRelation(globalId);
    }
  }
}
