// GraphQL resolvers for statements and their attribution hops.
import { encodeId } from "../../shared/global-id";
import { toPayload } from "../../shared/mutation-result";
import type { Resolvers } from "../../graphql/resolvers-types.generated";

export const statementResolvers: Resolvers = {
  Mutation: {
    recordStatement: (_root, { input }, { services }) => toPayload(() => services.statements.recordStatement(input)),
    retractStatement: (_root, { input }, { services }) => toPayload(() => services.statements.retractStatement(input)),
  },
  Statement: {
    id: (statement) => encodeId("Statement", statement.id),
    claim: (statement, _args, { services }) => services.claims.byId(statement.claimId),
    actor: (statement, _args, { services }) => services.actors.relatedTo(statement, "actor", statement.actorId),
    source: (statement, _args, { services }) => services.sources.relatedTo(statement, statement.sourceId),
    attribution: (statement, _args, { services }) => services.statements.attribution(statement),
  },
  AttributionHop: {
    actor: (hop, _args, { services }) => services.actors.byId(hop.actorId),
    source: (hop, _args, { services }) => (hop.sourceId ? services.sources.byId(hop.sourceId) : null),
  },
};
