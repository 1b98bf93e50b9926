// Error masking: domain errors map to GraphQL codes through one switch; anything
// unexpected is logged and answered with a generic message (no stack, no SQL) outside
// development.
import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import type { Logger } from "../logger";
import {
  AuthenticationError,
  BadQueryArgumentError,
  ForbiddenError,
  NotFoundError,
  UserInputError,
} from "../shared/errors";

type Classified =
  | { kind: "bad-argument"; error: BadQueryArgumentError }
  | { kind: "bad-input"; error: UserInputError }
  | { kind: "integrity"; error: NotFoundError }
  | { kind: "unauthenticated"; error: AuthenticationError }
  | { kind: "forbidden"; error: ForbiddenError }
  | { kind: "graphql"; error: GraphQLError }
  | { kind: "unexpected"; error: unknown };

function classify(error: unknown): Classified {
  if (error instanceof BadQueryArgumentError) return { kind: "bad-argument", error };
  if (error instanceof UserInputError) return { kind: "bad-input", error };
  if (error instanceof NotFoundError) return { kind: "integrity", error };
  if (error instanceof AuthenticationError) return { kind: "unauthenticated", error };
  if (error instanceof ForbiddenError) return { kind: "forbidden", error };
  if (error instanceof GraphQLError) return { kind: "graphql", error };
  return { kind: "unexpected", error };
}

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
      case "graphql": {
        const code = typeof formatted.extensions?.code === "string" ? formatted.extensions.code : "";
        if (CLIENT_CODES.has(code)) return formatted;
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
