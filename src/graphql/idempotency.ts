// Idempotent mutations: a client sends `Idempotency-Key: <key>` with a mutation, and a
// retry with the same key gets the first response back instead of writing twice
// (IETF draft-ietf-httpapi-idempotency-key-header). Keys are scoped per API key and
// kept for 24 hours. Queries ignore the header; anonymous requests cannot mutate.
//
// The path of a mutation with a key, in Apollo's request pipeline:
// - responseForOperation (after validation, before execution) claims the key: a new
//   pending record. If the key already has a record: the same request, completed →
//   the stored response is replayed (header `Idempotent-Replayed: true`) and nothing
//   runs; the same request still running → 409 IDEMPOTENCY_KEY_IN_USE; another request
//   (other document, operation name or variables) → 422 IDEMPOTENCY_KEY_REUSED.
// - willSendResponse stores the response (results with userErrors or FORBIDDEN are
//   results too) — unless the operation failed with an unexpected server error before
//   any of its fields produced data: then the record is deleted so that a retry runs.
//
// The crash window: the mutation commits its own transaction, and the response is
// stored afterwards, in another statement. If the process dies (or the database becomes
// unreachable) between the two, the record stays pending with no response; after
// ABANDONED_AFTER_MINUTES a retry takes it over and runs the mutation again, so that
// write happens twice. Closing the window would need the record written in the
// mutation's own transaction, which the plugin cannot reach. The same holds for an
// unexpected error after a commit that leaves no field with data (rare: payloads are
// built from the rows the transaction returned).
import { createHash } from "node:crypto";
import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestListener, type GraphQLResponse } from "@apollo/server";
import { OperationTypeNode, print, type FormattedExecutionResult } from "graphql";
import stringify from "safe-stable-stringify";
import type { PrismaClient } from "../db/prisma";
import type { Logger } from "../logger";
import type { GraphQLContext } from "./context";
import * as repo from "./idempotency.repository";

export const IDEMPOTENCY_KEY_HEADER = "idempotency-key";
export const REPLAYED_HEADER = "idempotent-replayed";
const KEY_PATTERN = /^[\x20-\x7e]{1,255}$/;
/** Expired records are purged at most this often (a retry after expiry reuses its row anyway). */
const PURGE_INTERVAL_MS = 60 * 60 * 1000;

export interface IdempotencyOptions {
  prisma: PrismaClient;
  logger: Logger;
}

/**
 * The key from the header value: a bare value, or a Structured Fields string (the
 * draft's form, `"..."` with `\"` and `\\` escapes). Null when the value is not a key.
 */
export function parseIdempotencyKey(value: string): string | null {
  const trimmed = value.trim();
  const quoted = /^"((?:[^"\\]|\\["\\])*)"$/.exec(trimmed)?.[1];
  const key = quoted !== undefined ? quoted.replace(/\\(["\\])/g, "$1") : trimmed;
  return KEY_PATTERN.test(key) ? key : null;
}

/** SHA-256 of the operation: its document, operation name and variables, as canonical JSON. */
export function requestHashOf(query: string, operationName: string | null, variables: unknown): string {
  const payload: object = { query, operationName, variables: variables ?? {} };
  const canonical = stringify(payload);
  return createHash("sha256").update(canonical, "utf8").digest("hex");
}

export function idempotencyPlugin({ prisma, logger }: IdempotencyOptions): ApolloServerPlugin<GraphQLContext> {
  let lastPurge = 0;
  const purgeNowAndThen = async () => {
    if (Date.now() - lastPurge < PURGE_INTERVAL_MS) return;
    lastPurge = Date.now();
    try {
      const purged = await repo.purgeExpiredKeys(prisma);
      if (purged > 0) logger.info({ purged }, "purged %d expired idempotency keys", purged);
    } catch (error) {
      logger.warn({ err: error }, "could not purge expired idempotency keys");
    }
  };

  return {
    requestDidStart() {
      let claim: { apiKeyId: string; key: string; token: Date } | null = null;

      const listener: GraphQLRequestListener<GraphQLContext> = {
        async responseForOperation({ request, operation, document, contextValue }) {
          const header = request.http?.headers.get(IDEMPOTENCY_KEY_HEADER);
          if (header === undefined || operation?.operation !== OperationTypeNode.MUTATION) return null;
          const key = parseIdempotencyKey(header);
          if (key === null) {
            return errorResponse(
              400,
              "BAD_REQUEST",
              "The Idempotency-Key header must be 1 to 255 printable ASCII characters.",
            );
          }
          const { principal } = contextValue;
          // Anonymous requests are refused by the mutation itself; there is nobody to scope the key to.
          if (principal.kind !== "key") return null;

          await purgeNowAndThen();
          const requestHash = requestHashOf(print(document), request.operationName ?? null, request.variables);
          const ref = { apiKeyId: principal.keyId, key };
          const result = await repo.claimKey(prisma, { ...ref, requestHash });
          if (result.kind === "claimed") {
            claim = { ...ref, token: result.token };
            return null;
          }
          if (result.requestHash !== requestHash) {
            return errorResponse(
              422,
              "IDEMPOTENCY_KEY_REUSED",
              "This Idempotency-Key was already used for another request (other operation or variables); use a new key.",
            );
          }
          if (!result.response) {
            const response = errorResponse(
              409,
              "IDEMPOTENCY_KEY_IN_USE",
              "A request with this Idempotency-Key is still being processed; retry later.",
            );
            response.http.headers.set("retry-after", "1");
            return response;
          }
          const headers = new HeaderMap([[REPLAYED_HEADER, "true"]]);
          const singleResult = JSON.parse(result.response.body) as FormattedExecutionResult;
          return { http: { status: result.response.status, headers }, body: { kind: "single", singleResult } };
        },

        async willSendResponse({ response, contextValue }) {
          if (!claim) return;
          const held = claim;
          claim = null;
          try {
            if (response.body.kind !== "single" || failedUnexpectedly(response.body.singleResult)) {
              await repo.releaseKey(prisma, held);
              return;
            }
            const stored = { status: response.http.status ?? 200, body: JSON.stringify(response.body.singleResult) };
            if (!(await repo.completeKey(prisma, { ...held, response: stored }))) {
              contextValue.logger.warn(
                { key: held.key },
                "idempotency key %s was taken over before completing",
                held.key,
              );
            }
          } catch (error) {
            // The response goes out anyway; the record stays pending until it is abandoned.
            contextValue.logger.error({ err: error, key: held.key }, "could not store idempotency key %s", held.key);
          }
        },
      };
      return Promise.resolve(listener);
    },
  };
}

/**
 * An unexpected or retryable server error with no field that produced data: nothing is
 * known to have been written, so the key is given up and a retry runs the operation again.
 */
function failedUnexpectedly(result: FormattedExecutionResult): boolean {
  // A retryable error (the database went away) is no answer to store either: the retry must run.
  const internal =
    result.errors?.some(
      (error) => error.extensions?.code === "INTERNAL_SERVER_ERROR" || error.extensions?.retryable === true,
    ) ?? false;
  const anyData = result.data ? Object.values(result.data).some((value) => value !== null) : false;
  return internal && !anyData;
}

function errorResponse(status: number, code: string, message: string): GraphQLResponse {
  return {
    http: { status, headers: new HeaderMap() },
    body: { kind: "single", singleResult: { errors: [{ message, extensions: { code } }] } },
  };
}
