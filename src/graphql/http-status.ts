// HTTP status and headers from the errors' codes: Apollo answers 200 (or 500) whatever
// the error, so a client (or a proxy) could not tell "retry later" from a bug; this
// plugin turns the codes in the table below into their HTTP status and Retry-After.
import type { ApolloServerPlugin } from "@apollo/server";
import type { GraphQLFormattedError } from "graphql";

interface StatusRule {
  status: number;
  /** Retry-After when the error does not carry `extensions.retryAfterSeconds` itself. */
  retryAfterSeconds?: number;
}

/**
 * Codes that set the HTTP status; the first code of the table found among a response's
 * errors wins (put the most specific first).
 */
export const HTTP_STATUS_BY_CODE: ReadonlyMap<string, StatusRule> = new Map([
  // A database restart or failover takes a few seconds.
  ["SERVICE_UNAVAILABLE", { status: 503, retryAfterSeconds: 2 }],
  // A deadline or statement_timeout: the same request may fit when the server is less busy.
  ["OPERATION_TIMEOUT", { status: 503, retryAfterSeconds: 5 }],
]);

/** Apollo's own statuses that a code from the table may replace (not 400s: the request was wrong). */
const REPLACEABLE = new Set([undefined, 200, 500]);

export interface HttpHead {
  status: number;
  headers: Map<string, string>;
}

/** The status and headers a response with these errors should get, or null to leave it alone. */
export function httpHeadForErrors(errors: readonly GraphQLFormattedError[] | undefined): HttpHead | null {
  if (!errors?.length) return null;
  for (const [code, rule] of HTTP_STATUS_BY_CODE) {
    const error = errors.find((candidate) => candidate.extensions?.code === code);
    if (!error) continue;
    const headers = new Map<string, string>();
    const retryAfter = retryAfterOf(error) ?? rule.retryAfterSeconds;
    if (retryAfter !== undefined) headers.set("retry-after", String(retryAfter));
    return { status: rule.status, headers };
  }
  return null;
}

/** The head for one code (for errors built before Apollo's pipeline runs, such as a failed context). */
export function httpHeadForCode(code: string): HttpHead {
  return httpHeadForErrors([{ message: "", extensions: { code } }]) ?? { status: 500, headers: new Map() };
}

function retryAfterOf(error: GraphQLFormattedError): number | undefined {
  const value = error.extensions?.retryAfterSeconds;
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? Math.ceil(value) : undefined;
}

export const httpStatusPlugin: ApolloServerPlugin = {
  requestDidStart: () =>
    Promise.resolve({
      willSendResponse: ({ response }) => {
        if (response.body.kind !== "single" || !REPLACEABLE.has(response.http.status)) return Promise.resolve();
        const head = httpHeadForErrors(response.body.singleResult.errors);
        if (head) {
          response.http.status = head.status;
          for (const [name, value] of head.headers) response.http.headers.set(name, value);
        }
        return Promise.resolve();
      },
    }),
};
