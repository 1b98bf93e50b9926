// zod building blocks for mutation inputs, and the mapping of zod issues to userErrors.
import { z } from "zod";
import { UserInputError, type UserError, type UserErrorCode } from "./errors";
import { decodeIdOfType, type EntityType } from "./global-id";
import { cleanName } from "./name-key";
import { FORBIDDEN_CHARACTERS_MESSAGE, hasForbiddenCharacters } from "./plain-text";

/**
 * Any string PostgreSQL can store as it was meant: the check aborts, so the cleaning and
 * length checks after it never see a NUL or a lone surrogate.
 */
export const plainString = () =>
  z.string().refine((value) => !hasForbiddenCharacters(value), {
    error: FORBIDDEN_CHARACTERS_MESSAGE,
    params: { code: "INVALID" },
    abort: true,
  });

const required = (max: number, clean: (value: string) => string) =>
  plainString()
    .transform(clean)
    .pipe(
      z
        .string()
        .min(1, { error: "must not be empty" })
        .max(max, { error: `must be at most ${max} characters` }),
    );

const optional = (max: number, clean: (value: string) => string) =>
  plainString()
    .nullish()
    .transform((value) => {
      const cleaned = value === null || value === undefined ? "" : clean(value);
      return cleaned === "" ? null : cleaned;
    })
    .pipe(
      z
        .string()
        .max(max, { error: `must be at most ${max} characters` })
        .nullable(),
    );

const trim = (value: string) => value.trim();

/** Trimmed, non-empty text of at most `max` characters, kept verbatim inside (quotes, claims). */
export const requiredText = (max: number) => required(max, trim);

/** Optional text: null, undefined and blank all mean "none". */
export const optionalText = (max: number) => optional(max, trim);

/**
 * A name or title (actors, aliases, sources): cleaned as `cleanName` does, so one that
 * differs only by invisible characters or spacing is the same name; nothing left is empty.
 */
export const requiredName = (max: number) => required(max, cleanName);

/** An optional name or title, cleaned like `requiredName`; blank means "none". */
export const optionalName = (max: number) => optional(max, cleanName);

/** The width of every `language` column (VarChar(16)); BCP 47 allows longer, nobody sends them. */
export const LANGUAGE_TAG_MAX = 16;

/** A BCP-47 language tag such as `en`, `ko` or `pt-BR`, stored in canonical case. */
export const languageTag = z
  .string()
  .trim()
  .max(LANGUAGE_TAG_MAX, { error: `must be at most ${LANGUAGE_TAG_MAX} characters`, abort: true })
  .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, { error: "must be a language tag such as `en` or `pt-BR`" })
  .transform((value) => {
    try {
      return Intl.getCanonicalLocales(value)[0] ?? value;
    } catch {
      return value;
    }
  });

/** An absolute http(s) URL without credentials: a URL given here is stored and shown to readers. */
export const httpUrl = plainString()
  .trim()
  .max(2048, { error: "must be at most 2048 characters", abort: true })
  .refine(
    (value) => {
      const url = URL.canParse(value) ? new URL(value) : null;
      return (url?.protocol === "http:" || url?.protocol === "https:") && url.hostname.includes(".");
    },
    { error: "must be an absolute http(s) URL", abort: true },
  )
  .refine(
    (value) => {
      const url = new URL(value);
      return url.username === "" && url.password === "";
    },
    { error: "must not contain credentials (user:password@): they would be stored and shown to readers" },
  );

export const optionalDate = z.date().nullish();

/** A global ID of the given type, turned into the row's UUID. */
export const globalId = (type: EntityType) =>
  z.string().transform((value, ctx) => {
    const id = decodeIdOfType(value, type);
    if (id === null) {
      ctx.addIssue({ code: "custom", message: `is not the ID of a ${type}`, params: { code: "NOT_FOUND" } });
      return z.NEVER;
    }
    return id;
  });

function codeOf(issue: z.core.$ZodIssue): UserErrorCode {
  const declared = (issue as { params?: { code?: unknown } }).params?.code;
  if (typeof declared === "string") return declared as UserErrorCode;
  if (issue.code === "invalid_type" && issue.input === undefined) return "REQUIRED";
  if (issue.code === "too_big" && issue.origin === "string") return "TOO_LONG";
  if (issue.code === "too_small" && issue.origin === "string" && issue.minimum === 1) return "REQUIRED";
  return "INVALID";
}

export function fieldPath(base: string, path: readonly PropertyKey[]): string {
  return [base, ...path.map(String)].join(".");
}

export function toUserErrors(error: z.ZodError, base: string): UserError[] {
  return error.issues.map((issue) => ({
    field: fieldPath(base, issue.path),
    message: issue.message.startsWith("Invalid")
      ? issue.message
      : `${issue.path.at(-1)?.toString() ?? base} ${issue.message}`,
    code: codeOf(issue),
  }));
}

/** Parses an input object; on failure throws UserInputError naming every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, base = "input"): z.output<S> {
  // reportInput keeps each issue's input, which tells a missing value from a wrong one.
  const parsed = schema.safeParse(input, { reportInput: true });
  if (!parsed.success) throw new UserInputError(toUserErrors(parsed.error, base));
  return parsed.data;
}
