// GraphQL resolvers for search and duplicate detection.
import type { Resolvers } from "../../graphql/resolvers-types.generated";

export const searchResolvers: Resolvers = {
  Query: {
    searchClaims: (_root, args, { services }) => services.search.searchClaims(args),
    similarClaims: (_root, args, { services }) => services.search.similarClaims(args),
  },
  ClaimSearchConnection: {
    totalCount: (connection) => connection.totalCount(),
  },
  ClaimSearchEdge: {
    highlights: (edge, _args, { services }) => services.search.highlights(edge.node.id, edge.query),
  },
  SearchHighlight: {
    statement: (highlight, _args, { services }) =>
      highlight.statementId ? services.statements.byId(highlight.statementId) : null,
    evidence: (highlight, _args, { services }) =>
      highlight.evidenceId ? services.evidence.byId(highlight.evidenceId) : null,
  },
};
