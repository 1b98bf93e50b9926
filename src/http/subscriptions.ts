// GraphQL subscriptions over WebSocket (the graphql-ws protocol, subprotocol
// `graphql-transport-ws`) on the HTTP server's port and path, /graphql. A connection is
// authenticated once, from its `connection_init` payload (`{"authorization": "Bearer <key>"}`),
// by the authenticator HTTP uses (the same throttle on failed attempts). Each subscription
// passes the limits a query passes (tokens, depth, aliases, directives, cost) and is charged
// to its client's rate-limit budget when it starts and for every event it delivers, with the
// same error codes; a client (key, or address without one) may hold a bounded number of
// subscriptions on this instance. Each event is
// executed with a deadline and the client gate like an HTTP operation, with loaders shared by
// every subscriber of the batch, and identical subscriptions of one principal render an event
// once. A connection whose client falls behind is closed (1013), idle connections are pinged,
// and shutdown closes every connection with 1001 (going away).
//
// Close codes: 4401 unknown, revoked or expired key; 4429 too many failed authentications
// from the address; 4400 a malformed connection_init payload; 4408 no connection_init in
// time (graphql-ws); 1013 the client fell behind (or the database was unavailable while
// authenticating): reconnect and resume with `after`; 1001 the server is shutting down.
import type http from "node:http";
import { randomUUID } from "node:crypto";
import { makeServer } from "graphql-ws";
import {
  createSourceEventStream,
  execute,
  GraphQLError,
  type GraphQLSchema,
  type ExecutionArgs,
  type ExecutionResult,
  type FormattedExecutionResult,
  type GraphQLFormattedError,
} from "graphql";
import type { WebSocket } from "ws";
import { gatedClient, type ClientGate } from "../db/client-gate";
import { isDatabaseUnavailable } from "../db/db-errors";
import { poolOf, type PrismaClient } from "../db/prisma";
import type { GraphQLContext } from "../graphql/context";
import { createErrorFormatter } from "../graphql/errors";
import type { RequestLimits } from "../graphql/limits";
import { RateLimitedError } from "../graphql/request-guard";
import { createLoaders } from "../loaders/loaders";
import type { Logger } from "../logger";
import type { ApiKeyCache } from "../modules/auth/api-key-cache";
import type { Principal } from "../modules/auth/permissions";
import type { ClaimEventView } from "../modules/live/claim-event";
import { ClaimEventFeed, type ReadScope } from "../modules/live/claim-event-feed";
import {
  DEFAULT_LIVE_SETTINGS,
  openClaimEvents,
  withClaimEvents,
  type ClaimEventsArgs,
  type LiveSettings,
} from "../modules/live/claim-events.service";
import { createServices } from "../modules/services";
import { AuthenticationError } from "../shared/errors";
import { AuthThrottledError, type Authenticator, type ClientAddress } from "./authentication";
import { createAdmission, Refused } from "./subscription-admission";
import { EventCharges } from "./subscription-charges";
import { CLOSE, closeReason, serveWebSockets } from "./websocket-transport";

export { CLOSE };
import { clientKey, type ClientId, type RateLimits } from "./rate-limits";

export interface SubscriptionSettings extends LiveSettings {
  /** Subscriptions one client (API key, or address without one) may hold open on this instance. */
  maxSubscriptionsPerClient: number;
  /** Bytes waiting in a connection's send buffer past which the client counts as fallen behind. */
  maxBufferedBytes: number;
  /** How often an idle connection is pinged; one that does not answer by the next ping is dropped. */
  keepAliveMs: number;
  /** How long a new connection has to send `connection_init`. */
  connectionInitTimeoutMs: number;
  /** How often the feed reads the stream without a notification. */
  pollIntervalMs: number;
  /** Largest message a client may send. */
  maxMessageBytes: number;
}

export const DEFAULT_SUBSCRIPTION_SETTINGS: SubscriptionSettings = {
  ...DEFAULT_LIVE_SETTINGS,
  maxSubscriptionsPerClient: 100,
  maxBufferedBytes: 4 * 1024 * 1024,
  keepAliveMs: 15_000,
  connectionInitTimeoutMs: 10_000,
  pollIntervalMs: 250,
  maxMessageBytes: 1024 * 1024,
};

export interface SubscriptionDeps {
  /** The executable schema the server serves (queries and subscriptions alike). */
  schema: GraphQLSchema;
  /** HTTP's authenticator (with its throttle on failed attempts): connection_init's key goes through it. */
  authenticate: Authenticator;
  prisma: PrismaClient;
  logger: Logger;
  nodeEnv: "development" | "production" | "test";
  limits: RequestLimits;
  rateLimits: RateLimits;
  keyCache: ApiKeyCache | null;
  /** The server's client gate: subscriptions share the database as HTTP operations do. */
  gate: ClientGate;
  /** A request's client address (as HTTP sees it, X-Forwarded-For as TRUST_PROXY allows). */
  addressOf: ClientAddress;
  settings?: Partial<SubscriptionSettings>;
}

export interface LiveUpdates {
  /** Open WebSocket connections. */
  readonly connections: number;
  /** Closes every connection with 1001 (going away) and stops reading events. */
  close(): Promise<void>;
}

/** The path subscriptions are served on, as queries are. */
const PATH = "/graphql";
/** The feed's own share of the database, as a client of the gate. */
const FEED_CLIENT = "live:feed";

interface Connection {
  id: string;
  socket: WebSocket;
  request: http.IncomingMessage;
  principal: Principal;
  client: ClientId;
  /** Subscription IDs counted against the client's limit. */
  counted: Set<string>;
}

interface Extra {
  socket: WebSocket;
  request: http.IncomingMessage;
  connection?: Connection;
}

export async function attachSubscriptions(httpServer: http.Server, deps: SubscriptionDeps): Promise<LiveUpdates> {
  const settings: SubscriptionSettings = { ...DEFAULT_SUBSCRIPTION_SETTINGS, ...deps.settings };
  const { prisma, limits, gate } = deps;
  const log = deps.logger.child({ module: "subscriptions" });
  const { schema, authenticate } = deps;
  const formatError = createErrorFormatter(deps.logger, deps.nodeEnv === "development");
  const admission = createAdmission(schema, limits);
  const openPerClient = new Map<string, number>();

  const usage = new EventCharges(deps.rateLimits, log);

  const newScope = (client: string): ReadScope => {
    const deadline = Date.now() + limits.operationTimeoutMs;
    const view = gatedClient(prisma, gate, { client, deadline, timeoutMs: limits.operationTimeoutMs });
    return { prisma: view, loaders: createLoaders(view), deadline, memo: new Map() };
  };
  const feed = new ClaimEventFeed({
    connection: poolOf(prisma).options,
    logger: deps.logger,
    newScope: () => newScope(FEED_CLIENT),
    pollIntervalMs: settings.pollIntervalMs,
  });
  await feed.start();

  /** One context per read scope and principal: every event of a batch resolves through the same loaders. */
  const contexts = new WeakMap<ReadScope, Map<string, GraphQLContext>>();
  const contextFor = (scope: ReadScope, connection: Connection): GraphQLContext => {
    let byPrincipal = contexts.get(scope);
    if (!byPrincipal) {
      byPrincipal = new Map();
      contexts.set(scope, byPrincipal);
    }
    const key = principalKey(connection.principal);
    let context = byPrincipal.get(key);
    if (!context) {
      const logger = deps.logger.child({ requestId: connection.id });
      const { principal } = connection;
      context = {
        logger,
        principal,
        client: connection.client,
        services: createServices(scope.prisma, logger, {
          principal,
          requestId: connection.id,
          loaders: scope.loaders,
          apiKeyCache: deps.keyCache,
        }),
        shape: scope.loaders.claimChildrenShape,
      };
      byPrincipal.set(key, context);
    }
    return context;
  };

  const release = (connection: Connection, id: string): void => {
    if (!connection.counted.delete(id)) return;
    const key = clientKey(connection.client);
    const open = (openPerClient.get(key) ?? 1) - 1;
    if (open <= 0) openPerClient.delete(key);
    else openPerClient.set(key, open);
  };

  /** Parses, validates, prices and charges a subscription; returns its execution arguments. */
  const admit = async (
    connection: Connection,
    query: string,
    operationName: string | undefined,
    variables: unknown,
  ) => {
    const { document, variableValues, cost } = admission(query, operationName, variables);
    const key = clientKey(connection.client);
    const open = openPerClient.get(key) ?? 0;
    if (open >= settings.maxSubscriptionsPerClient) {
      throw new Refused([
        new GraphQLError(
          `Too many open subscriptions: this client holds ${open} on this server, the limit is ` +
            `${settings.maxSubscriptionsPerClient}. Complete one (or combine them with a filter) first.`,
          { extensions: { code: "TOO_MANY_SUBSCRIPTIONS", limit: settings.maxSubscriptionsPerClient } },
        ),
      ]);
    }
    const charge = await deps.rateLimits.charge(connection.client, Math.max(1, cost));
    if (charge && !charge.allowed)
      throw new Refused([new RateLimitedError(charge.budget, cost, charge.retryAfterSeconds)]);
    return { document, variableValues, cost };
  };

  const server = makeServer<Record<string, unknown> | undefined, Extra>({
    schema,
    connectionInitWaitTimeout: settings.connectionInitTimeoutMs,
    onConnect: async (ctx) => {
      const { socket, request } = ctx.extra;
      const given = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
      if (given !== undefined && given !== null && typeof given !== "string") {
        socket.close(CLOSE.badRequest, "`authorization` in the connection_init payload must be a string");
        return false;
      }
      const addressOf = () => deps.addressOf(request);
      let principal: Principal;
      try {
        principal = await authenticate({ authorization: given ?? undefined, address: addressOf() });
      } catch (error) {
        if (error instanceof AuthenticationError) socket.close(CLOSE.unauthorized, closeReason(error.message));
        else if (error instanceof AuthThrottledError)
          socket.close(CLOSE.tooManyAuthFailures, closeReason(error.message));
        else if (isDatabaseUnavailable(error)) socket.close(CLOSE.tryAgainLater, "The database is unavailable; retry.");
        else throw error;
        return false;
      }
      const client: ClientId =
        principal.kind === "key" ? { kind: "key", id: principal.keyId } : { kind: "address", address: addressOf() };
      ctx.extra.connection = { id: randomUUID(), socket, request, principal, client, counted: new Set() };
      return true;
    },
    onSubscribe: async (ctx, id, payload) => {
      const connection = ctx.extra.connection;
      if (!connection) return [new GraphQLError("Not acknowledged.", { extensions: { code: "UNAUTHENTICATED" } })];
      try {
        const admitted = await admit(connection, payload.query, payload.operationName ?? undefined, payload.variables);
        const scope = newScope(clientKey(connection.client));
        const subscriptionKey = JSON.stringify([payload.query, payload.operationName ?? null, admitted.variableValues]);
        const base: ExecutionArgs = {
          schema,
          document: admitted.document,
          operationName: payload.operationName ?? undefined,
          variableValues: admitted.variableValues,
        };
        const render = (events: readonly ClaimEventView[], eventScope: ReadScope) => {
          // Each delivered event is charged the subscription's cost, as a query's answer would be.
          usage.charge(connection.client, admitted.cost * events.length);
          return Promise.all(
            events.map((event) => {
              const key = `${subscriptionKey}\u0000${principalKey(connection.principal)}\u0000${event.cursor}`;
              let rendered = eventScope.memo.get(key) as Promise<ExecutionResult> | undefined;
              if (!rendered) {
                rendered = Promise.resolve(
                  execute({ ...base, rootValue: event, contextValue: contextFor(eventScope, connection) }),
                );
                eventScope.memo.set(key, rendered);
              }
              return rendered;
            }),
          );
        };
        const context = withClaimEvents(contextFor(scope, connection), (args: ClaimEventsArgs) =>
          openClaimEvents(args, {
            feed,
            settings,
            scope,
            newScope: () => newScope(clientKey(connection.client)),
            render,
            onOverflow: (queued) => {
              log.warn(
                { connection: connection.id, queued },
                "closing a connection that fell %d events behind",
                queued,
              );
              connection.socket.close(
                CLOSE.tryAgainLater,
                closeReason(`Slow consumer: ${queued} events waiting; reconnect and resume with after`),
              );
            },
          }),
        );
        const stream = await createSourceEventStream({ ...base, contextValue: context });
        if (!isAsyncIterable(stream)) {
          return (stream as ExecutionResult).errors ?? [new GraphQLError("The subscription did not start.")];
        }
        if (!(id in ctx.subscriptions)) {
          // Completed by the client while it was being set up.
          await stream.return?.();
          return [new GraphQLError("Completed before it started.", { extensions: { code: "BAD_REQUEST" } })];
        }
        connection.counted.add(id);
        const key = clientKey(connection.client);
        openPerClient.set(key, (openPerClient.get(key) ?? 0) + 1);
        return { ...base, contextValue: Object.assign(Object.create(null) as object, { [STREAM]: stream }) };
      } catch (error) {
        if (error instanceof Refused) return error.errors;
        if (error instanceof GraphQLError) return [error];
        const originalError = error instanceof Error ? error : new Error(String(error));
        return [new GraphQLError(originalError.message, { originalError })];
      }
    },
    subscribe: (args) => (args.contextValue as { [STREAM]: AsyncIterableIterator<ExecutionResult> })[STREAM],
    onNext: (_ctx, _id, _payload, _args, result) => formatResult(result, formatError),
    onError: (_ctx, _id, _payload, errors) => errors.map((error) => formatOne(error, formatError)),
    onComplete: (ctx, id) => {
      if (ctx.extra.connection) release(ctx.extra.connection, id);
    },
    onClose: (ctx) => {
      const connection = ctx.extra.connection;
      if (connection) for (const id of [...connection.counted]) release(connection, id);
    },
  });

  const sockets = serveWebSockets(httpServer, server, {
    path: PATH,
    maxMessageBytes: settings.maxMessageBytes,
    maxBufferedBytes: settings.maxBufferedBytes,
    keepAliveMs: settings.keepAliveMs,
    logger: log,
  });

  return {
    get connections() {
      return sockets.connections;
    },
    async close() {
      usage.stop();
      await sockets.close(CLOSE.goingAway, "Server shutting down; reconnect and resume with after");
      await feed.stop();
    },
  };
}

const STREAM = Symbol("claimtrail.subscriptionStream");

function isAsyncIterable(value: unknown): value is AsyncIterableIterator<ExecutionResult> {
  return typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === "function";
}

/** Who a result is rendered for: results are shared only between subscriptions of one principal. */
function principalKey(principal: Principal): string {
  switch (principal.kind) {
    case "anonymous":
      return "anonymous";
    case "key":
      return `key:${principal.keyId}`;
    case "system":
      return `system:${principal.label}`;
    default: {
      const exhaustive: never = principal;
      return exhaustive;
    }
  }
}

type Formatter = ReturnType<typeof createErrorFormatter>;

/** An error as a client sees it: classified and masked as over HTTP, without HTTP's own extensions. */
function formatOne(error: GraphQLError, formatError: Formatter): GraphQLFormattedError {
  const formatted = formatError(error.toJSON(), error);
  if (!formatted.extensions || !("http" in formatted.extensions)) return formatted;
  const extensions = { ...formatted.extensions };
  delete extensions.http;
  return { ...formatted, extensions };
}

function formatResult(result: ExecutionResult, formatError: Formatter): FormattedExecutionResult {
  const { errors, ...rest } = result;
  return errors?.length ? { ...rest, errors: errors.map((error) => formatOne(error, formatError)) } : rest;
}
