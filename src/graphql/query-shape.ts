// Reads, before execution, which claim children an operation can ask for, so the
// claim-children query leaves out what no field will use (a dashboard list of 50
// claims needs neither their evidence nor their statements' sources). It errs on the
// side of loading: any field of that name anywhere in the document counts.
import type { ApolloServerPlugin } from "@apollo/server";
import { visit, type DocumentNode } from "graphql";
import type { GraphQLContext } from "./context";
import type { ClaimChildrenShape } from "./loaders";

export function claimChildrenShapeOf(document: DocumentNode): ClaimChildrenShape {
  const fields = new Set<string>();
  visit(document, {
    Field(node) {
      fields.add(node.name.value);
    },
  });
  const provenance = fields.has("provenance");
  return {
    evidence: provenance || fields.has("evidence"),
    statementSources: provenance || fields.has("source"),
  };
}

export const queryShapePlugin: ApolloServerPlugin<GraphQLContext> = {
  requestDidStart() {
    return Promise.resolve({
      didResolveOperation({ document, contextValue }) {
        Object.assign(contextValue.shape, claimChildrenShapeOf(document));
        return Promise.resolve();
      },
    });
  },
};
