// Reads, before execution, which claim children an operation can ask for, so the
// claim-children query leaves out what no field will use (a dashboard list of 50
// claims needs neither their evidence nor their statements' sources). It errs on the
// side of loading: any field of that name anywhere in the document counts. A query that
// asks for children has them read with the claims themselves, in the same statement.
import type { ApolloServerPlugin } from "@apollo/server";
import { OperationTypeNode, visit, type DocumentNode } from "graphql";
import type { GraphQLContext } from "./context";
import type { ClaimChildrenShape } from "../loaders/loaders";

/** Fields whose services read whole children rows (a provenance chain, a ClaimReview document). */
const WHOLE_ROW_FIELDS = ["provenance", "claimReview"];

/** The Claim fields served from a claim's children windows. */
const CHILD_FIELDS = ["statements", "evidence", "verdicts", "latestVerdict", "provenance"];

export function claimChildrenShapeOf(document: DocumentNode, operation: OperationTypeNode): ClaimChildrenShape {
  const fields = new Set<string>();
  visit(document, {
    Field(node) {
      fields.add(node.name.value);
    },
  });
  const provenance = fields.has("provenance");
  const query = operation === OperationTypeNode.QUERY;
  return {
    evidence: provenance || fields.has("evidence"),
    statementSources: provenance || fields.has("source"),
    // Not in a mutation: what it reads before writing would be cached as it was.
    prefetchChildren: query && CHILD_FIELDS.some((field) => fields.has(field)),
    // Children rows carry only the fields named, except where a service reads whole rows.
    fields: query && !WHOLE_ROW_FIELDS.some((field) => fields.has(field)) ? [...fields] : null,
  };
}

export const queryShapePlugin: ApolloServerPlugin<GraphQLContext> = {
  requestDidStart() {
    return Promise.resolve({
      didResolveOperation({ document, operation, contextValue }) {
        Object.assign(
          contextValue.shape,
          claimChildrenShapeOf(document, operation?.operation ?? OperationTypeNode.MUTATION),
        );
        return Promise.resolve();
      },
    });
  },
};
