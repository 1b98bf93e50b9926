// Normalized names: how actors and URL-less sources are stored and matched, whatever the
// case, the spacing or the invisible characters pasted along with them.

/**
 * Zero-width characters (U+200B–U+200D, U+2060, U+FEFF) and bidirectional controls
 * (U+200E, U+200F, U+202A–U+202E, U+2066–U+2069): invisible, so a name carrying them looks
 * like another and would otherwise become a second actor.
 */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;

/** A name as stored: invisible characters removed, Unicode NFC, single spaces, trimmed. */
export function cleanName(name: string): string {
  return name.replace(INVISIBLE, "").normalize("NFC").replace(/\s+/g, " ").trim();
}

/** The matching key: the clean name in Unicode NFKC, lower case. */
export function nameKey(name: string): string {
  return name.replace(INVISIBLE, "").normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
}
