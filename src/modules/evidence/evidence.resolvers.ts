// GraphQL resolvers for evidence items.
import { encodeId } from "../../shared/global-id";
import { toPayload } from "../../shared/mutation-result";
import type { Resolvers } from "../../graphql/resolvers-types.generated";

export const evidenceResolvers: Resolvers = {
  Mutation: {
    addEvidence: (_root, { input }, { services }) => toPayload(() => services.evidence.addEvidence(input)),
    retractEvidence: (_root, { input }, { services }) => toPayload(() => services.evidence.retractEvidence(input)),
  },
  Evidence: {
    id: (evidence) => encodeId("Evidence", evidence.id),
    claim: (evidence, _args, { services }) => services.claims.byId(evidence.claimId),
    source: (evidence, _args, { services }) => services.sources.relatedTo(evidence, evidence.sourceId),
    actor: (evidence, _args, { services }) =>
      evidence.actorId ? services.actors.relatedTo(evidence, "actor", evidence.actorId) : null,
    attribution: (evidence, _args, { services }) => services.evidence.attribution(evidence),
  },
};
