// Prices every operation before it runs and charges its client's rate-limit budget:
// over the cost limit, QUERY_TOO_COMPLEX (HTTP 400); over the budget, RATE_LIMITED (HTTP
// 429 with Retry-After). Every response reports the cost and what is left of the budget
// in `extensions.cost` (as Shopify's API does) and X-RateLimit-* headers (as GitHub's).
import type { ApolloServerPlugin, GraphQLRequestContext } from "@apollo/server";
import { GraphQLError, OperationTypeNode } from "graphql";
import type { Budget, Charge, RateLimits } from "../http/rate-limits";
import type { GraphQLContext } from "./context";
import { CostCache, QueryTooComplexError } from "./cost";
import type { RequestLimits } from "./limits";

interface Priced {
  cost: number | null;
  charge: Charge | null;
}

export class RateLimitedError extends GraphQLError {
  constructor(budget: Budget, cost: number, retryAfterSeconds: number) {
    super(
      `Rate limit exceeded: this operation costs ${cost} points and ${budget.remaining} of ${budget.limit} are left ` +
        `in this ${budget.windowSeconds}-second window; retry after ${retryAfterSeconds} s.`,
      {
        extensions: {
          code: "RATE_LIMITED",
          retryAfterSeconds,
          http: { status: 429, headers: new Map([["retry-after", String(retryAfterSeconds)]]) },
        },
      },
    );
  }
}

export function requestGuardPlugin(limits: RequestLimits, rateLimits: RateLimits): ApolloServerPlugin<GraphQLContext> {
  const prices = new CostCache();
  return {
    requestDidStart() {
      let priced: Priced | null = null;
      return Promise.resolve({
        async didResolveOperation({ schema, document, request, contextValue, operation }) {
          if (operation?.operation === OperationTypeNode.SUBSCRIPTION) {
            throw new GraphQLError("Subscriptions are not served over HTTP; send queries and mutations.", {
              extensions: { code: "BAD_REQUEST", http: { status: 400, headers: new Map() } },
            });
          }
          let cost: number;
          try {
            cost = prices.operationCost(schema, document, request.variables, request.operationName, limits.maxCost);
          } catch (error) {
            if (error instanceof QueryTooComplexError) {
              priced = { cost: null, charge: null };
              throw error;
            }
            // Arguments the cost model could not read (a variable of the wrong type): the
            // same mistake execution would report, reported now.
            throw new GraphQLError(error instanceof Error ? error.message : String(error), {
              extensions: { code: "BAD_USER_INPUT", http: { status: 400, headers: new Map() } },
            });
          }
          priced = { cost, charge: null };
          if (cost > limits.maxCost) {
            throw new QueryTooComplexError(
              `The operation costs ${cost} points and the limit is ${limits.maxCost}: ask for smaller pages ` +
                "(`first`) or fewer nested lists (README, Limits).",
              cost,
              limits.maxCost,
            );
          }
          const charge = await rateLimits.charge(contextValue.client, Math.max(1, cost));
          priced.charge = charge;
          if (charge && !charge.allowed) throw new RateLimitedError(charge.budget, cost, charge.retryAfterSeconds);
        },
        willSendResponse(requestContext) {
          if (priced) report(requestContext, priced, limits);
          return Promise.resolve();
        },
      });
    },
  };
}

function report({ response }: GraphQLRequestContext<GraphQLContext>, priced: Priced, limits: RequestLimits): void {
  const budget = priced.charge?.budget ?? null;
  const cost = {
    requestedQueryCost: priced.cost,
    maximumQueryCost: limits.maxCost,
    throttleStatus: budget && {
      maximumAvailable: budget.limit,
      currentlyAvailable: budget.remaining,
      windowSeconds: budget.windowSeconds,
      resetInSeconds: Math.ceil(budget.resetInMs / 1000),
    },
  };
  const body = response.body;
  // A replayed response (Idempotency-Key) keeps the cost it was first answered with: replays are byte for byte.
  if (body?.kind === "single" && body.singleResult.extensions?.cost === undefined) {
    body.singleResult.extensions = { ...body.singleResult.extensions, cost };
  }
  if (budget) {
    response.http.headers.set("x-ratelimit-limit", String(budget.limit));
    response.http.headers.set("x-ratelimit-remaining", String(budget.remaining));
    response.http.headers.set("x-ratelimit-reset", String(Math.ceil((Date.now() + budget.resetInMs) / 1000)));
  }
}
