// Error masking: domain errors map to GraphQL codes through one switch; anything
// unexpected is logged and answered with a generic message (no stack, no SQL) outside
// development.
import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { isDatabaseUnavailable, isStatementTimeout } from "../db/db-errors";
import type { Logger } from "../logger";
import {
  AuthenticationError,
  BadQueryArgumentError,
  DeadlineExceededError,
  ForbiddenError,
  NotFoundError,
  PoolBusyError,
  UserInputError,
} from "../shared/errors";
import { LIMIT_CODES } from "./limits";

type Classified =
  | { kind: "bad-argument"; error: BadQueryArgumentError }
  | { kind: "bad-input"; error: UserInputError }
  | { kind: "integrity"; error: NotFoundError }
  | { kind: "unauthenticated"; error: AuthenticationError }
  | { kind: "forbidden"; error: ForbiddenError }
  | { kind: "unavailable"; error: unknown }
  | { kind: "pool-busy"; error: PoolBusyError }
  | { kind: "timeout"; error: unknown }
  | { kind: "graphql"; error: GraphQLError }
  | { kind: "unexpected"; error: unknown };

function classify(error: unknown): Classified {
  if (error instanceof BadQueryArgumentError) return { kind: "bad-argument", error };
  if (error instanceof UserInputError) return { kind: "bad-input", error };
  if (error instanceof NotFoundError) return { kind: "integrity", error };
  if (error instanceof AuthenticationError) return { kind: "unauthenticated", error };
  if (error instanceof ForbiddenError) return { kind: "forbidden", error };
  if (error instanceof PoolBusyError) return { kind: "pool-busy", error };
  if (error instanceof DeadlineExceededError) return { kind: "timeout", error };
  // Also a GraphQLError that wraps one (a failed context creation or plugin hook).
  if (isDatabaseUnavailable(error)) return { kind: "unavailable", error };
  if (isStatementTimeout(error)) return { kind: "timeout", error };
  if (error instanceof GraphQLError) return { kind: "graphql", error };
  return { kind: "unexpected", error };
}

/** The database went away (restart, failover, full pool): clients retry; src/graphql/http-status.ts makes it a 503. */
export const DATABASE_UNAVAILABLE = {
  message: "The database is unavailable; retry shortly.",
  extensions: { code: "SERVICE_UNAVAILABLE", retryable: true },
} as const;

/** Codes produced by the GraphQL layer itself for a client's mistake: shown as they are. */
const CLIENT_CODES = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  "OPERATION_RESOLUTION_FAILURE",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
]);

export function createErrorFormatter(logger: Logger, exposeUnexpected: boolean) {
  return (formatted: GraphQLFormattedError, raw: unknown): GraphQLFormattedError => {
    const classified = classify(unwrapResolverError(raw));
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
    switch (classified.kind) {
      case "bad-argument":
        return {
          ...base,
          message: classified.error.message,
          extensions: { code: "BAD_USER_INPUT", argument: classified.error.argument },
        };
      case "bad-input":
        return {
          ...base,
          message: classified.error.message,
          extensions: { code: "BAD_USER_INPUT", userErrors: classified.error.errors },
        };
      case "unauthenticated":
        return { ...base, message: classified.error.message, extensions: { code: "UNAUTHENTICATED" } };
      case "forbidden":
        return {
          ...base,
          message: classified.error.message,
          extensions: { code: "FORBIDDEN", permission: classified.error.permission },
        };
      case "unavailable":
        // A warning, not an error: expected during a restart, and every request says so.
        logger.warn(
          { reason: classified.error instanceof Error ? classified.error.message : String(classified.error) },
          "database unavailable while resolving %s",
          formatted.path?.join(".") ?? "request",
        );
        return { ...base, ...DATABASE_UNAVAILABLE, extensions: { ...DATABASE_UNAVAILABLE.extensions } };
      case "pool-busy":
        logger.warn({ waitedMs: classified.error.waitedMs }, "no database connection came free in time");
        return {
          ...base,
          message: classified.error.message,
          extensions: { code: "SERVICE_UNAVAILABLE", retryable: true },
        };
      case "timeout": {
        const message =
          classified.error instanceof DeadlineExceededError
            ? classified.error.message
            : "A database statement ran out of time (statement_timeout). Ask for less (smaller pages, fewer fields) or retry later.";
        return { ...base, message, extensions: { code: "OPERATION_TIMEOUT", retryable: true } };
      }
      case "graphql": {
        const limited = limitError(classified.error, formatted);
        if (limited) return limited;
        const code = typeof formatted.extensions?.code === "string" ? formatted.extensions.code : "";
        if (CLIENT_CODES.has(code)) return formatted;
        // graphql-js and Apollo speak of the request itself without a code ("Unsupported
        // persisted query version"): a client's mistake, not a fault. Our own errors always
        // carry a code, and a resolver's exception is wrapped (originalError).
        if (!classified.error.extensions.code && !classified.error.originalError) {
          return { ...formatted, extensions: { code: "BAD_REQUEST" } };
        }
        if (code !== "INTERNAL_SERVER_ERROR" && code !== "") return formatted;
        break;
      }
      case "integrity":
      case "unexpected":
        break;
      default: {
        const exhaustive: never = classified;
        return exhaustive;
      }
    }
    logger.error(
      { err: unwrapResolverError(raw), path: formatted.path },
      "unexpected error while resolving %s",
      formatted.path?.join(".") ?? "request",
    );
    if (exposeUnexpected) return formatted;
    return { ...base, message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } };
  };
}

/**
 * A limit refusal keeps its own code: Apollo reports every validation error as
 * GRAPHQL_VALIDATION_FAILED and every parse error as GRAPHQL_PARSE_FAILED.
 */
function limitError(error: GraphQLError, formatted: GraphQLFormattedError): GraphQLFormattedError | null {
  const original = error.originalError;
  const code = original instanceof GraphQLError ? original.extensions.code : undefined;
  if (typeof code === "string" && LIMIT_CODES.has(code)) {
    return { ...formatted, extensions: { ...formatted.extensions, code } };
  }
  // graphql-js 16 says "more that N tokens"; a later release may spell it right.
  if (formatted.extensions?.code === "GRAPHQL_PARSE_FAILED" && /more th(?:an|at) \d+ tokens/.test(formatted.message)) {
    return { ...formatted, extensions: { ...formatted.extensions, code: "TOO_MANY_TOKENS" } };
  }
  return null;
}
