// The DateTime scalar: graphql-scalars' RFC 3339 date-times, limited to instants in the
// years 0001 to 9999 (UTC). RFC 3339 allows year 0000 and an offset can push 0001 or 9999
// across the edge, but PostgreSQL has no year 0 and the Prisma driver adapter sends such
// a date as one, so a filter or an input like 0000-01-01T00:00:00Z failed in SQL (a 500)
// instead of being refused as bad input.
import { GraphQLError, GraphQLScalarType, type ValueNode } from "graphql";
import { DateTimeResolver } from "graphql-scalars";

export const MIN_DATE_TIME = new Date("0001-01-01T00:00:00.000Z");
export const MAX_DATE_TIME = new Date("9999-12-31T23:59:59.999Z");

function inRange(value: unknown): Date {
  if (!(value instanceof Date)) throw new GraphQLError("DateTime cannot represent this value.");
  if (value.getTime() < MIN_DATE_TIME.getTime() || value.getTime() > MAX_DATE_TIME.getTime()) {
    throw new GraphQLError(
      `DateTime must be between ${MIN_DATE_TIME.toISOString()} and ${MAX_DATE_TIME.toISOString()}.`,
    );
  }
  return value;
}

export const DateTimeScalar = new GraphQLScalarType({
  ...DateTimeResolver.toConfig(),
  parseValue: (value: unknown) => inRange(DateTimeResolver.parseValue(value)),
  parseLiteral: (ast: ValueNode, variables?: Record<string, unknown> | null) =>
    inRange(DateTimeResolver.parseLiteral(ast, variables)),
});
