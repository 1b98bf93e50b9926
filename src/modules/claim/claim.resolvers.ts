// GraphQL resolvers for claims: each unpacks its arguments and makes one service call.
import { encodeId } from "../../shared/global-id";
import { toPayload } from "../../shared/mutation-result";
import type { Resolvers } from "../../graphql/resolvers-types.generated";

export const claimResolvers: Resolvers = {
  Query: {
    claim: (_root, { id }, { services }) => services.claims.getClaim(id),
    claims: (_root, args, { services }) => services.claims.listClaims(args),
  },
  Mutation: {
    createClaim: (_root, { input }, { services }) => toPayload(() => services.claims.createClaim(input)),
    updateClaim: (_root, { input }, { services }) => toPayload(() => services.claims.updateClaim(input)),
  },
  Claim: {
    id: (claim) => encodeId("Claim", claim.id),
    statements: (claim, args, { services }) => services.statements.statementsOfClaim(claim.id, args),
    statementCount: (claim, _args, { services }) => services.claims.statementCount(claim),
    evidence: (claim, args, { services }) => services.evidence.evidenceOfClaim(claim.id, args),
    evidenceCount: (claim, _args, { services }) => services.claims.evidenceCount(claim),
    verdicts: (claim, args, { services }) => services.verdicts.verdictsOfClaim(claim.id, args),
    latestVerdict: (claim, _args, { services }) => services.verdicts.latestVerdict(claim.id),
    relations: (claim, args, { services }) => services.relations.relationsOfClaim(claim.id, args),
    provenance: (claim, _args, { services }) => services.provenance.provenanceOf(claim.id),
  },
  CreateClaimPayload: {
    // Empty when the claim was not created (the payload then carries userErrors).
    possibleDuplicates: (payload) => payload.possibleDuplicates ?? [],
  },
  ClaimConnection: {
    totalCount: (connection) => connection.totalCount(),
  },
};
