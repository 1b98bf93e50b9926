// What a subscription must pass before it starts, as a query over HTTP does: the parser's
// token limit, validation with the limit rules (depth, aliases, directives), a subscription
// operation (queries and mutations go over HTTP), variables that coerce, and the cost model.
// Each refusal carries the code HTTP gives it.
import {
  getOperationAST,
  getVariableValues,
  GraphQLError,
  OperationTypeNode,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
} from "graphql";
import { CostCache, QueryTooComplexError } from "../graphql/cost";
import { limitParseOptions, limitValidationRules, type RequestLimits } from "../graphql/limits";

/** The limit, cost or rule an operation broke, as GraphQL errors with their codes. */
export class Refused extends Error {
  constructor(readonly errors: readonly GraphQLError[]) {
    super(errors[0]?.message ?? "refused");
  }
}

export interface Admitted {
  document: DocumentNode;
  variableValues: Record<string, unknown>;
  /** Its price in the cost model: charged when it starts, and for every event it delivers. */
  cost: number;
}

/** Checks a subscription's document and variables; throws Refused. */
export type Admission = (query: string, operationName: string | undefined, variables: unknown) => Admitted;

export function createAdmission(schema: GraphQLSchema, limits: RequestLimits): Admission {
  const prices = new CostCache();
  const validationRules = [...specifiedRules, ...limitValidationRules(limits)];
  return (query, operationName, variables) => {
    let document: DocumentNode;
    try {
      document = parse(query, limitParseOptions(limits));
    } catch (error) {
      const syntax = error instanceof GraphQLError ? error : new GraphQLError(String(error));
      throw new Refused([
        new GraphQLError(syntax.message, { nodes: syntax.nodes, extensions: { code: "GRAPHQL_PARSE_FAILED" } }),
      ]);
    }
    const invalid = validate(schema, document, validationRules);
    if (invalid.length > 0) {
      throw new Refused(
        invalid.map((error) =>
          error.extensions.code
            ? error
            : new GraphQLError(error.message, {
                nodes: error.nodes,
                extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
              }),
        ),
      );
    }
    const operation = getOperationAST(document, operationName);
    if (!operation) {
      throw new Refused([
        new GraphQLError("Name the operation to run (`operationName`).", { extensions: { code: "BAD_REQUEST" } }),
      ]);
    }
    if (operation.operation !== OperationTypeNode.SUBSCRIPTION) {
      throw new Refused([
        new GraphQLError("Send queries and mutations over HTTP (POST /graphql); WebSocket serves subscriptions.", {
          extensions: { code: "BAD_REQUEST" },
        }),
      ]);
    }
    const variableValues = (variables ?? {}) as Record<string, unknown>;
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variableValues, { maxErrors: 50 });
    if (coerced.errors) {
      throw new Refused(
        coerced.errors.map(
          (error) => new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: "BAD_USER_INPUT" } }),
        ),
      );
    }
    const cost = prices.operationCost(schema, document, variableValues, operationName, limits.maxCost);
    if (cost > limits.maxCost) {
      throw new Refused([
        new QueryTooComplexError(
          `The operation costs ${cost} points and the limit is ${limits.maxCost}: ask for smaller pages ` +
            "(`first`) or fewer nested lists (README, Limits).",
          cost,
          limits.maxCost,
        ),
      ]);
    }
    return { document, variableValues, cost };
  };
}
