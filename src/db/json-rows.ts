// Rows that SQL functions return as JSON (the claimtrail_*_json functions of the migrations:
// the Prisma model's field names, times as ISO strings), as Prisma would return them.

/** `json` as a `Row`, its `times` fields (ISO strings or null) as Dates. */
export function rowFromJson<Row>(json: unknown, times: readonly (keyof Row & string)[]): Row {
  const row = { ...(json as Record<string, unknown>) };
  for (const field of times) {
    const value = row[field];
    if (typeof value === "string") row[field] = new Date(value);
  }
  return row as Row;
}
