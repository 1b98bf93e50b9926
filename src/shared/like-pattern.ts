// Literal text for LIKE-based filters: Prisma's `contains`/`startsWith`/`endsWith` wrap the
// value in `%...%` for ILIKE without escaping it, so a `%` or `_` a user types would match
// anything. PostgreSQL's default LIKE escape character is the backslash.

/** `text` with `\`, `%` and `_` escaped, to pass to a Prisma `contains` filter. */
export function literalLikeText(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
