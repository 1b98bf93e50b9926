// A claim relation as seen from one of its claims (the GraphQL ClaimRelation parent).
import type { ClaimRelation } from "../../generated/prisma/client";

export interface ClaimRelationView extends ClaimRelation {
  direction: "OUTGOING" | "INCOMING";
  /** The claim at the other end, seen from the claim asked about. */
  otherClaimId: string;
}

export function viewFrom(relation: ClaimRelation, claimId: string): ClaimRelationView {
  const outgoing = relation.fromClaimId === claimId;
  return {
    ...relation,
    direction: outgoing ? "OUTGOING" : "INCOMING",
    otherClaimId: outgoing ? relation.toClaimId : relation.fromClaimId,
  };
}
