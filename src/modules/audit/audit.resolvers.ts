// Audit history on the entities that change.
import type { Resolvers } from "../../graphql/resolvers-types.generated";
import { encodeId, globalIdOf, isEntityType } from "../../shared/global-id";
import { snapshotWithGlobalIds } from "./snapshot-ids";

export const auditResolvers: Resolvers = {
  Claim: { history: (claim, args, { services }) => services.audit.history("Claim", claim.id, args) },
  Actor: { history: (actor, args, { services }) => services.audit.history("Actor", actor.id, args) },
  Source: { history: (source, args, { services }) => services.audit.history("Source", source.id, args) },
  Statement: { history: (statement, args, { services }) => services.audit.history("Statement", statement.id, args) },
  Evidence: { history: (evidence, args, { services }) => services.audit.history("Evidence", evidence.id, args) },
  Verdict: { history: (verdict, args, { services }) => services.audit.history("Verdict", verdict.id, args) },
  AuditEvent: {
    id: (event) => globalIdOf("AuditEvent", event.id.toString()),
    entityId: (event) => (isEntityType(event.entityType) ? encodeId(event.entityType, event.entityId) : event.entityId),
    claimId: (event) => (event.claimId ? encodeId("Claim", event.claimId) : null),
    changedBy: (event) => event.actorLabel,
    apiKeyId: (event) => (event.apiKeyId ? encodeId("ApiKey", event.apiKeyId) : null),
    before: (event) => snapshotWithGlobalIds(event.entityType, event.before),
    after: (event) => snapshotWithGlobalIds(event.entityType, event.after),
  },
};
