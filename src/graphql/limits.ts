// The shape limits of an operation, checked while Apollo parses and validates it (before
// anything runs): tokens (graphql-js's parser `maxTokens`), depth, aliases and directives
// (graphql-armor's validation rules). Each refusal carries its own error code.
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import { GraphQLError, type ParseOptions, type ValidationContext, type ValidationRule } from "graphql";

export interface RequestLimits {
  /** Highest cost of one operation (see cost.ts). */
  maxCost: number;
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  /** Deadline of one operation, from the moment its body has been read. */
  operationTimeoutMs: number;
}

export const DEFAULT_REQUEST_LIMITS: RequestLimits = {
  maxCost: 25_000,
  maxDepth: 12,
  maxAliases: 20,
  maxDirectives: 50,
  maxTokens: 5_000,
  operationTimeoutMs: 10_000,
};

/** Codes of the limit errors; Apollo reports validation errors as GRAPHQL_VALIDATION_FAILED, errors.ts restores these. */
export const LIMIT_CODES = new Set(["QUERY_TOO_DEEP", "TOO_MANY_ALIASES", "TOO_MANY_DIRECTIVES", "QUERY_TOO_COMPLEX"]);

/** graphql-armor reports "Syntax Error: <what>"; it is not a syntax error, so the prefix goes. */
function reporter(code: string, limit: number) {
  return (context: ValidationContext | null, error: GraphQLError) => {
    context?.reportError(
      new GraphQLError(error.message.replace(/^Syntax Error: /, ""), { extensions: { code, limit } }),
    );
  };
}

export function limitValidationRules(limits: RequestLimits): ValidationRule[] {
  const common = { exposeLimits: true, propagateOnRejection: false };
  return [
    maxDepthRule({
      ...common,
      n: limits.maxDepth,
      // A fragment spread adds no depth of its own; the fields inside it do.
      flattenFragments: true,
      onReject: [reporter("QUERY_TOO_DEEP", limits.maxDepth)],
    }),
    maxAliasesRule({
      ...common,
      n: limits.maxAliases,
      onReject: [reporter("TOO_MANY_ALIASES", limits.maxAliases)],
    }),
    maxDirectivesRule({
      ...common,
      n: limits.maxDirectives,
      onReject: [reporter("TOO_MANY_DIRECTIVES", limits.maxDirectives)],
    }),
  ];
}

export function limitParseOptions(limits: RequestLimits): ParseOptions {
  return { maxTokens: limits.maxTokens };
}
