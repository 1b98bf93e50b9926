// Reads, before execution, which claim children an operation can ask for, so the
// claim-children query leaves out what no field will use (a dashboard list of 50
// claims needs neither their evidence nor their statements' sources, nor any id the
// list does not show). It errs on the side of loading: the fields it records for a type
// are those selected on that type anywhere in the document (and a field selected on an
// interface or union counts for every type). A query that asks for children has them
// read with the claims themselves, in the same statement, and the claims' own rows carry
// only the columns of the Claim fields selected (claimColumns). The shape depends on the
// document only, and Apollo hands the same parsed document to each request with the
// same text, so it is worked out once per document.
import type { ApolloServerPlugin } from "@apollo/server";
import {
  isAbstractType,
  OperationTypeNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
} from "graphql";
import type { GraphQLContext } from "./context";
import { CHILD_DOCUMENT_TYPES, type ChildDocumentType, type ChildFields } from "../modules/claim/child-fields";
import type { ClaimChildrenShape } from "../loaders/loaders";

/** Fields whose services read whole children rows (a provenance chain, a ClaimReview document). */
const WHOLE_ROW_FIELDS = ["provenance", "claimReview"];

/** The Claim fields served from a claim's children windows. */
const CHILD_FIELDS = ["statements", "evidence", "verdicts", "latestVerdict", "provenance"];

const isChildDocumentType = (name: string): name is ChildDocumentType =>
  (CHILD_DOCUMENT_TYPES as readonly string[]).includes(name);

/** Field names per children document type, and every field name of the document. */
function fieldsOf(
  schema: GraphQLSchema,
  document: DocumentNode,
): { byType: ChildFields; claim: string[]; names: Set<string> } {
  const byType = Object.fromEntries(CHILD_DOCUMENT_TYPES.map((type) => [type, new Set<string>()])) as Record<
    ChildDocumentType,
    Set<string>
  >;
  const claim = new Set<string>();
  const names = new Set<string>();
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const name = node.name.value;
        names.add(name);
        const parent = typeInfo.getParentType();
        if (!parent || isAbstractType(parent)) {
          // On an interface or union (or somewhere the schema does not know): any type may answer it.
          for (const type of CHILD_DOCUMENT_TYPES) byType[type].add(name);
          claim.add(name);
        } else if (isChildDocumentType(parent.name)) {
          byType[parent.name].add(name);
        } else if (parent.name === "Claim") {
          claim.add(name);
        }
      },
    }),
  );
  const fields = Object.fromEntries(
    CHILD_DOCUMENT_TYPES.map((type) => [type, [...byType[type]]]),
  ) as unknown as ChildFields;
  return { byType: fields, claim: [...claim], names };
}

export function claimChildrenShapeOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationTypeNode,
): ClaimChildrenShape {
  const { byType, claim, names } = fieldsOf(schema, document);
  const provenance = names.has("provenance");
  const query = operation === OperationTypeNode.QUERY;
  // In a query (not a mutation, whose reads before writing would be cached as they were),
  // rows carry only the fields selected, except where a service reads whole rows.
  const trimmed = query && !WHOLE_ROW_FIELDS.some((field) => names.has(field));
  return {
    evidence: provenance || names.has("evidence"),
    statementSources: provenance || names.has("source"),
    // latestVerdict alone needs the newest verdict only; Claim.verdicts pages need the window.
    verdictWindow: !trimmed || names.has("verdicts"),
    // Not in a mutation: what it reads before writing would be cached as it was.
    prefetchChildren: query && CHILD_FIELDS.some((field) => names.has(field)),
    fields: trimmed ? byType : null,
    // The claims' own columns likewise, on the claim page, lists and search.
    claimFields: trimmed ? claim : null,
  };
}

/** Shapes already worked out, per parsed document and operation type. */
const shapes = new WeakMap<DocumentNode, Map<OperationTypeNode, ClaimChildrenShape>>();

function cachedShapeOf(schema: GraphQLSchema, document: DocumentNode, operation: OperationTypeNode) {
  let byOperation = shapes.get(document);
  if (!byOperation) shapes.set(document, (byOperation = new Map<OperationTypeNode, ClaimChildrenShape>()));
  let shape = byOperation.get(operation);
  if (!shape) byOperation.set(operation, (shape = claimChildrenShapeOf(schema, document, operation)));
  return shape;
}

export const queryShapePlugin: ApolloServerPlugin<GraphQLContext> = {
  requestDidStart() {
    return Promise.resolve({
      didResolveOperation({ schema, document, operation, contextValue }) {
        const type = operation?.operation ?? OperationTypeNode.MUTATION;
        Object.assign(contextValue.shape, cachedShapeOf(schema, document, type));
        return Promise.resolve();
      },
    });
  },
};
