// Normalized names: how actors and URL-less sources are matched, whatever the case or spacing.

/** Lower case, single spaces, Unicode NFKC. */
export function nameKey(name: string): string {
  return name.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
}
