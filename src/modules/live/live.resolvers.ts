// Subscription.claimEvents and the fields of ClaimEvent: the claim and the item an event is
// about resolve through the request's loaders, like any query's.
import type { Resolvers } from "../../graphql/resolvers-types.generated";
import { NotFoundError } from "../../shared/errors";
import { encodeId, globalIdOf } from "../../shared/global-id";
import { seesChangeAuthors } from "../audit/change-author";
import { subjectClaimId, type ClaimEventView } from "./claim-event";
import { claimEventsOf } from "./claim-events.service";

const LINKS = new Set(["CLAIMS_LINKED", "CLAIMS_UNLINKED"]);

export const liveResolvers: Resolvers = {
  Subscription: {
    claimEvents: {
      subscribe: (_root, args, context) => claimEventsOf(context)(args),
      // Each event is executed with the event itself as the root value.
      resolve: (event: ClaimEventView) => event,
    },
  },
  ClaimEvent: {
    id: (event) => globalIdOf("AuditEvent", event.position.id.toString()),
    claimId: (event) => encodeId("Claim", event.claimId),
    claim: async (event, _args, { services }) => {
      const claim = await services.claims.getClaim(encodeId("Claim", subjectClaimId(event)));
      if (!claim) throw new NotFoundError(`claim ${subjectClaimId(event)} of a claim event is missing`);
      return claim;
    },
    mergedClaimId: (event) => (event.type === "CLAIMS_MERGED" ? encodeId("Claim", event.claimId) : null),
    relatedClaim: (event, _args, { services }) =>
      LINKS.has(event.type) && event.relatedClaimId
        ? services.claims.getClaim(encodeId("Claim", event.relatedClaimId))
        : null,
    statement: (event, _args, { services }) =>
      event.type === "STATEMENT_RECORDED" || event.type === "STATEMENT_RETRACTED"
        ? services.statements.getStatement(encodeId("Statement", event.entityId))
        : null,
    evidence: (event, _args, { services }) =>
      event.type === "EVIDENCE_ADDED" || event.type === "EVIDENCE_RETRACTED"
        ? services.evidence.getEvidence(encodeId("Evidence", event.entityId))
        : null,
    verdict: (event, _args, { services }) =>
      event.type === "VERDICT_PUBLISHED" || event.type === "VERDICT_RETRACTED"
        ? services.verdicts.getVerdict(encodeId("Verdict", event.entityId))
        : null,
    // As AuditEvent.changedBy: the key's name only for those who manage keys.
    changedBy: (event, _args, { principal }) => {
      if (seesChangeAuthors(principal)) return event.actorLabel;
      if (!event.apiKeyId) return "system";
      return event.apiKeyRole ? `api-key (${event.apiKeyRole})` : "api-key";
    },
  },
};
