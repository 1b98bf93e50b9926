// The database error classifier, on the shapes Prisma 6.19 with the pg driver adapter
// and pg actually throw (recorded from a PostgreSQL stopped under a running client).
import { GraphQLError } from "graphql";
import { classifyDatabaseError, isDatabaseUnavailable, isStatementTimeout } from "./db-errors";

/** A PrismaClientKnownRequestError as the raw-query path throws it. */
function prismaRawError(cause: Record<string, unknown>, code = "P2010"): Error {
  const driverAdapterError = Object.assign(new Error(String(cause.message ?? cause.kind)), {
    name: "DriverAdapterError",
    cause,
  });
  return Object.assign(new Error("Invalid `prisma.$queryRaw()` invocation: Raw query failed."), {
    name: "PrismaClientKnownRequestError",
    code,
    meta: { driverAdapterError },
  });
}

describe("classifyDatabaseError", () => {
  it.each([
    ["an unreachable server (adapter kind)", prismaRawError({ kind: "DatabaseNotReachable" })],
    ["a transaction that finds no server (P1001)", prismaRawError({ kind: "DatabaseNotReachable" }, "P1001")],
    [
      "an admin shutdown in the middle of a query (57P01)",
      prismaRawError({
        kind: "postgres",
        code: "57P01",
        message: "terminating connection due to administrator command",
      }),
    ],
    ["a crash shutdown (57P02)", prismaRawError({ kind: "postgres", code: "57P02", message: "crash" })],
    ["a server still starting (57P03)", prismaRawError({ kind: "postgres", code: "57P03", message: "cannot connect" })],
    ["too many connections (53300)", prismaRawError({ kind: "TooManyConnections", cause: "too many" })],
    ["a connection exception (class 08)", prismaRawError({ kind: "postgres", code: "08006", message: "failure" })],
    ["a closed connection (adapter kind)", prismaRawError({ kind: "ConnectionClosed" })],
    ["a pool timeout (P2024)", Object.assign(new Error("Timed out fetching a new connection"), { code: "P2024" })],
    [
      "a transaction that could not start (P2028)",
      Object.assign(new Error("Transaction API error: Unable to start a transaction in the given time."), {
        code: "P2028",
      }),
    ],
    ["pg's ended connection", new Error("Connection terminated unexpectedly")],
    ["pg's pool connect timeout", new Error("timeout exceeded when trying to connect")],
    ["a refused socket", Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED", errno: -111 })],
    [
      "a reset socket as a cause",
      new Error("query failed", { cause: Object.assign(new Error("x"), { code: "ECONNRESET" }) }),
    ],
    [
      "a failed context creation wrapping one",
      new GraphQLError("Context creation failed: x", {
        originalError: prismaRawError({ kind: "DatabaseNotReachable" }),
      }),
    ],
  ])("calls %s unavailable", (_name, error) => {
    expect(classifyDatabaseError(error)).toBe("unavailable");
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(isStatementTimeout(error)).toBe(false);
  });

  it("calls a statement cancelled by statement_timeout (57014) a timeout", () => {
    const error = prismaRawError({
      kind: "postgres",
      code: "57014",
      message: "canceling statement due to statement timeout",
      originalCode: "57014",
    });
    expect(classifyDatabaseError(error)).toBe("timeout");
    expect(isStatementTimeout(error)).toBe(true);
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it.each([
    ["a unique violation", prismaRawError({ kind: "UniqueConstraintViolation", originalCode: "23505" }, "P2002")],
    ["a missing table", prismaRawError({ kind: "TableDoesNotExist", originalCode: "42P01" })],
    ["a plain bug", new TypeError("cannot read properties of undefined")],
    ["a client mistake", new GraphQLError("bad", { extensions: { code: "BAD_USER_INPUT" } })],
    ["a non-error", "boom"],
    ["null", null],
  ])("leaves %s alone", (_name, error) => {
    expect(classifyDatabaseError(error)).toBeNull();
  });

  it("survives an error that wraps itself", () => {
    const error = new Error("loop") as Error & { cause?: unknown };
    error.cause = error;
    expect(classifyDatabaseError(error)).toBeNull();
  });

  it("looks inside graphql-js's NonErrorThrown (a socket error from another realm)", () => {
    const wrapped = Object.assign(new Error("Unexpected error value"), {
      name: "NonErrorThrown",
      thrownValue: { errno: -111, code: "ECONNREFUSED", syscall: "connect" },
    });
    expect(classifyDatabaseError(new GraphQLError("x", { originalError: wrapped }))).toBe("unavailable");
  });
});
