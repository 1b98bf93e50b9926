// GraphQL resolvers for links between claims.
import { encodeId } from "../../shared/global-id";
import { toPayload } from "../../shared/mutation-result";
import type { Resolvers } from "../../graphql/resolvers-types.generated";

export const claimRelationResolvers: Resolvers = {
  Mutation: {
    linkClaims: (_root, { input }, { services }) => toPayload(() => services.relations.linkClaims(input)),
    unlinkClaims: (_root, { input }, { services }) => toPayload(() => services.relations.unlinkClaims(input)),
  },
  ClaimRelation: {
    id: (relation) => encodeId("ClaimRelation", relation.id),
    claim: (relation, _args, { services }) => services.claims.byId(relation.otherClaimId),
    from: (relation, _args, { services }) => services.claims.byId(relation.fromClaimId),
    to: (relation, _args, { services }) => services.claims.byId(relation.toClaimId),
  },
};
