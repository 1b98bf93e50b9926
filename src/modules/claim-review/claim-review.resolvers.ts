// GraphQL resolvers for schema.org ClaimReview: Claim.claimReview and importClaimReview.
import { toPayload } from "../../shared/mutation-result";
import type { Resolvers } from "../../graphql/resolvers-types.generated";

export const claimReviewResolvers: Resolvers = {
  Claim: {
    claimReview: (claim, _args, { services }) => services.claimReviews.claimReviewOf(claim),
  },
  Mutation: {
    importClaimReview: (_root, { input }, { services }) =>
      toPayload(() => services.claimReviews.importClaimReview(input)),
  },
};
