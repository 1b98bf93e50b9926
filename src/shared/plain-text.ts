// The characters no text input may carry, checked by the GraphQL guard and the zod text
// helpers alike: PostgreSQL refuses NUL in text, the driver turns an unpaired UTF-16
// surrogate into U+FFFD without a word, and the other C0 controls are never meant.

/** NUL and the C0 controls other than tab, line feed and carriage return. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

/** String.prototype.isWellFormed (Node 20, ES2024): false when a surrogate is unpaired. */
type MaybeWellFormed = string & { isWellFormed(): boolean };

export const FORBIDDEN_CHARACTERS_MESSAGE =
  "must not contain NUL or other control characters (except tab and line breaks), or unpaired UTF-16 surrogates";

/**
 * Runs on every string of every request: one character-class scan and the engine's own
 * well-formedness check (which is free for one-byte strings) are several times cheaper on
 * non-Latin text than one regex with surrogate look-arounds.
 */
export function hasForbiddenCharacters(value: string): boolean {
  return CONTROL.test(value) || !(value as MaybeWellFormed).isWellFormed();
}
