// Classifies errors thrown by Prisma (with the pg driver adapter) and by pg itself:
// "unavailable" when the database cannot be reached or is going away (a restart, a
// failover, a full pool), "timeout" when a statement ran past statement_timeout.
//
// The same failure arrives in several shapes, so every error is searched through its
// wrappers: a PrismaClientKnownRequestError with a Prisma code (P1001) or a raw-query
// code (P2010) whose `meta.driverAdapterError.cause` holds the adapter's `kind`
// (DatabaseNotReachable) or PostgreSQL's SQLSTATE (57P01); a GraphQLError's
// `originalError` (or a NonErrorThrown's `thrownValue`); a plain pg or socket error
// (ECONNRESET, "Connection terminated").

export type DatabaseErrorKind = "unavailable" | "timeout";

/** Prisma codes for an unreachable server, a closed connection, a pool or transaction-start timeout. */
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1017", "P2024", "P2028"]);

/** SQLSTATEs: admin or crash shutdown, "cannot connect now" (starting, recovering), too many connections. */
const UNAVAILABLE_SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);

/** Socket errors of a connection that failed or broke. */
const UNAVAILABLE_SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

/** The driver adapter's `kind`s for the same failures. */
const UNAVAILABLE_ADAPTER_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);

/**
 * Messages of errors that carry no code: pg's own (a connection that ended, a pool that
 * could not connect in time) and Prisma's (a transaction that could not start in time).
 */
const UNAVAILABLE_MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Unable to start a transaction in the given time/i,
  /Can't reach database server/i,
  /Server has closed the connection/i,
  /Client has encountered a connection error and is not queryable/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /terminating connection due to administrator command/i,
];

const STATEMENT_TIMEOUT_SQLSTATE = "57014";

/** The error and everything it wraps, breadth first (bounded: errors can be cyclic). */
export function* layers(error: unknown): Generator<Record<string, unknown>> {
  const queue: unknown[] = [error];
  const seen = new Set<unknown>();
  while (queue.length > 0 && seen.size < 32) {
    const current = queue.shift();
    if (typeof current !== "object" || current === null || seen.has(current)) continue;
    seen.add(current);
    const record = current as Record<string, unknown>;
    yield record;
    // thrownValue: graphql-js wraps a thrown value that is not an Error of its own realm
    // (NonErrorThrown), as a socket error from pg is under Jest's VM.
    for (const key of ["cause", "originalError", "meta", "driverAdapterError", "error", "thrownValue"]) {
      queue.push(record[key]);
    }
    if (Array.isArray(record.errors)) queue.push(...(record.errors as unknown[]));
  }
}

function layerKind(layer: Record<string, unknown>): DatabaseErrorKind | null {
  const codes = [layer.code, layer.errorCode, layer.originalCode].filter((c): c is string => typeof c === "string");
  for (const code of codes) {
    if (code === STATEMENT_TIMEOUT_SQLSTATE) return "timeout";
    if (UNAVAILABLE_PRISMA_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code)) return "unavailable";
    // Class 08: connection exception (the connection failed or was lost).
    if (/^08[0-9A-Z]{3}$/.test(code)) return "unavailable";
    if (UNAVAILABLE_SOCKET_CODES.has(code)) return "unavailable";
  }
  if (typeof layer.kind === "string" && UNAVAILABLE_ADAPTER_KINDS.has(layer.kind)) return "unavailable";
  const message = typeof layer.message === "string" ? layer.message : "";
  if (UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) return "unavailable";
  return null;
}

/**
 * "unavailable" if any layer of the error says the database is out of reach, else
 * "timeout" if one says a statement timed out, else null (not a database availability
 * problem: a constraint violation, a bug, a client mistake).
 */
export function classifyDatabaseError(error: unknown): DatabaseErrorKind | null {
  let found: DatabaseErrorKind | null = null;
  for (const layer of layers(error)) {
    const kind = layerKind(layer);
    if (kind === "unavailable") return kind;
    found ??= kind;
  }
  return found;
}

/** The database cannot be reached or is going away: the request may be retried shortly. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return classifyDatabaseError(error) === "unavailable";
}

/** A statement was cancelled by statement_timeout (SQLSTATE 57014, query_canceled). */
export function isStatementTimeout(error: unknown): boolean {
  return classifyDatabaseError(error) === "timeout";
}
