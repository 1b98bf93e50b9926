// GraphQL resolvers for sources.
import { encodeId } from "../../shared/global-id";
import { toPayload } from "../../shared/mutation-result";
import type { Resolvers } from "../../graphql/resolvers-types.generated";

export const sourceResolvers: Resolvers = {
  Query: {
    source: (_root, { id }, { services }) => services.sources.getSource(id),
    sourceByUrl: (_root, { url }, { services }) => services.sources.findByUrl(url),
    sources: (_root, args, { services }) => services.sources.listSources(args),
  },
  Mutation: {
    updateSource: (_root, { input }, { services }) => toPayload(() => services.sources.updateSource(input)),
  },
  Source: {
    id: (source) => encodeId("Source", source.id),
    publisher: (source, _args, { services }) =>
      source.publisherId ? services.actors.relatedTo(source, "publisher", source.publisherId) : null,
    statements: (source, args, { services }) => services.statements.statementsOfSource(source.id, args),
    claims: (source, args, { services }) => services.claims.claimsOfSource(source.id, args),
  },
  SourceConnection: {
    totalCount: (connection) => connection.totalCount(),
  },
};
