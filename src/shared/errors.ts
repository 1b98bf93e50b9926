// Domain errors. Expected failures of mutations travel as UserInputError and end up in
// payload `userErrors`; the others map to GraphQL error codes in graphql/errors.ts.

export type UserErrorCode = "INVALID" | "REQUIRED" | "TOO_LONG" | "NOT_FOUND" | "DUPLICATE" | "CONFLICT";

export interface UserError {
  field: string | null;
  message: string;
  code: UserErrorCode;
}

/** Bad input to a mutation: thrown inside the transaction so that nothing is written. */
export class UserInputError extends Error {
  override name = "UserInputError";
  constructor(readonly errors: UserError[]) {
    super(errors.map((error) => `${error.field ?? "input"}: ${error.message}`).join("; "));
  }

  static single(field: string | null, message: string, code: UserErrorCode): UserInputError {
    return new UserInputError([{ field, message, code }]);
  }
}

/** Bad arguments to a query (a page size over the cap, a malformed cursor). */
export class BadQueryArgumentError extends Error {
  override name = "BadQueryArgumentError";
  constructor(
    readonly argument: string,
    message: string,
  ) {
    super(message);
  }
}

/** A referenced row is missing where the schema promises one: a data integrity fault. */
export class NotFoundError extends Error {
  override name = "NotFoundError";
}

/** No credentials where some are needed, or credentials that are unknown, revoked or expired. */
export class AuthenticationError extends Error {
  override name = "AuthenticationError";
}

/** Valid credentials without the permission the operation needs. */
export class ForbiddenError extends Error {
  override name = "ForbiddenError";
  constructor(
    readonly permission: string,
    message: string,
  ) {
    super(message);
  }
}

/** The operation ran past its deadline (OPERATION_TIMEOUT_MS): no further SQL was started. */
export class DeadlineExceededError extends Error {
  override name = "DeadlineExceededError";
  constructor(readonly timeoutMs: number) {
    super(
      `The operation ran out of time (its deadline is ${timeoutMs} ms). Ask for less (smaller pages, fewer fields) or retry later.`,
    );
  }
}

/** No pooled database connection came free in time (the pool, or this client's share of it, is busy). */
export class PoolBusyError extends Error {
  override name = "PoolBusyError";
  constructor(
    readonly waitedMs: number,
    readonly clientShare: boolean,
  ) {
    super(
      clientShare
        ? `Too many of this client's requests are using the database at once (waited ${waitedMs} ms); retry shortly.`
        : `The database is busy (no connection came free in ${waitedMs} ms); retry shortly.`,
    );
  }
}
