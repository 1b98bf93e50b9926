// GraphQL resolvers for merging claims.
import { encodeId } from "../../shared/global-id";
import { toPayload } from "../../shared/mutation-result";
import type { Resolvers } from "../../graphql/resolvers-types.generated";

export const claimMergeResolvers: Resolvers = {
  Mutation: {
    mergeClaims: (_root, { input }, { services }) => toPayload(() => services.merges.mergeClaims(input)),
  },
  Claim: {
    mergedFrom: (claim, _args, { services }) => services.merges.mergedInto(claim),
  },
  ClaimMergeRecord: {
    mergedClaimId: (merge) => encodeId("Claim", merge.mergedClaimId),
  },
};
