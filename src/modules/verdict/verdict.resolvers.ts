// GraphQL resolvers for verdicts.
import { encodeId } from "../../shared/global-id";
import { toPayload } from "../../shared/mutation-result";
import type { Resolvers } from "../../graphql/resolvers-types.generated";

export const verdictResolvers: Resolvers = {
  Mutation: {
    addVerdict: (_root, { input }, { services }) => toPayload(() => services.verdicts.addVerdict(input)),
    retractVerdict: (_root, { input }, { services }) => toPayload(() => services.verdicts.retractVerdict(input)),
  },
  Verdict: {
    id: (verdict) => encodeId("Verdict", verdict.id),
    claim: (verdict, _args, { services }) => services.claims.byId(verdict.claimId),
    reviewer: (verdict, _args, { services }) => services.actors.relatedTo(verdict, "reviewer", verdict.reviewerId),
  },
};
