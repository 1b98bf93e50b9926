// Query.node: any object by its global ID, through the service that owns its type.
import type { Actor, Claim, Evidence, Source, Statement, Verdict } from "../../generated/prisma/client";
import { BadQueryArgumentError } from "../../shared/errors";
import { decodeId, type NodeType } from "../../shared/global-id";
import { MAX_PAGE_SIZE } from "../../shared/pagination";
import type { ClaimRelationView } from "../claim-relation/claim-relation.types";
import type { OwnerServices } from "../owner-services";

type NodeRow = Claim | Actor | Source | Statement | Evidence | Verdict | ClaimRelationView;

export interface TypedNode {
  __typename: NodeType;
}

export class NodeService {
  constructor(private readonly services: OwnerServices) {}

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
