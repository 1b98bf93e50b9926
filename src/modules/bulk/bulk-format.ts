// The NDJSON line format of bulk import and export (docs/BULK-FORMAT.md): one claim per
// line with its statements, evidence and verdicts, written in the GraphQL input shapes
// (CreateClaimInput, RecordStatementInput, AddEvidenceInput, AddVerdictInput without
// `claimId`) and validated with the same zod schemas.
import { z } from "zod";
import { UserInputError, type UserError } from "../../shared/errors";
import { encodeId } from "../../shared/global-id";
import { parseInput, toUserErrors } from "../../shared/validation";
import { actorRefSchema } from "../actor/actor.schema";
import { hopInputSchema } from "../attribution/attribution.schema";
import { createClaimSchema } from "../claim/claim.schema";
import type { CreateClaimData } from "../claim/claim.service";
import { addEvidenceSchema } from "../evidence/evidence.schema";
import type { EvidenceData } from "../evidence/evidence.service";
import { sourceRefSchema } from "../source/source.schema";
import { recordStatementSchema } from "../statement/statement.schema";
import type { StatementData } from "../statement/statement.service";
import { addVerdictSchema } from "../verdict/verdict.schema";
import type { VerdictData } from "../verdict/verdict.service";

/** Longest line accepted, in bytes; a longer one is rejected without being buffered. */
export const MAX_LINE_BYTES = 1024 * 1024;

/** A line's items are validated as the mutation inputs they stand for, with this claim in `claimId`. */
const PLACEHOLDER_CLAIM_ID = encodeId("Claim", "00000000-0000-0000-0000-000000000000");

/** One line, parsed: the claim and its items as the services take them. */
export interface BulkLine {
  claim: CreateClaimData & { language: string };
  statements: StatementData[];
  evidence: EvidenceData[];
  verdicts: VerdictData[];
}

export type ItemCounts = { statements: number; evidence: number; verdicts: number };

/** What importing one line did (one line of the report). */
export interface LineReport {
  line: number;
  status: "created" | "updated" | "matched" | "rejected";
  /** Global ID of the claim created or matched; null for a rejected line. */
  claimId: string | null;
  created: ItemCounts;
  matched: ItemCounts;
  errors: BulkError[];
}

/** A UserError, or FORBIDDEN (a permission the line needs) or INTERNAL (a server fault, logged). */
export interface BulkError {
  field: string | null;
  message: string;
  code: UserError["code"] | "FORBIDDEN" | "INTERNAL";
}

/** The last line of a report. */
export interface ImportSummary {
  lines: number;
  created: number;
  updated: number;
  matched: number;
  rejected: number;
  items: { created: ItemCounts; matched: ItemCounts };
  elapsedMs: number;
}

export const noItems = (): ItemCounts => ({ statements: 0, evidence: 0, verdicts: 0 });

const envelopeSchema = z.strictObject({
  claim: z.record(z.string(), z.unknown()),
  statements: z.array(z.unknown()).max(500, { error: "at most 500 statements per line" }).nullish(),
  evidence: z.array(z.unknown()).max(500, { error: "at most 500 evidence items per line" }).nullish(),
  verdicts: z.array(z.unknown()).max(100, { error: "at most 100 verdicts per line" }).nullish(),
});

/**
 * The error of a line that cannot be one of the format's objects, found without parsing it
 * (null when it may be one): an upload of junk is rejected line by line at the speed of
 * this check, without an exception per line.
 */
export function lineShapeError(text: string): BulkError | null {
  const first = /\S/.exec(text)?.[0];
  if (first === "{") return null;
  return {
    field: null,
    message: "The line is not a JSON object: each line holds one claim, as {...}.",
    code: "INVALID",
  };
}

/** Parses one line; a UserInputError names every problem found (field paths like `statements.0.actor.kind`). */
export function parseLine(text: string): BulkLine {
  const shape = lineShapeError(text);
  if (shape) throw new UserInputError([{ ...shape, code: "INVALID" }]);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw UserInputError.single(null, `The line is not valid JSON: ${(error as Error).message}`, "INVALID");
  }
  const envelope = envelopeSchema.safeParse(reviveDates(value), { reportInput: true });
  if (!envelope.success) {
    throw new UserInputError(
      toUserErrors(envelope.error, "line").map((error) => ({
        ...error,
        field: error.field === "line" ? null : (error.field?.slice("line.".length) ?? null),
      })),
    );
  }
  const errors: UserError[] = [];
  const parse = <T>(run: () => T): T | null => {
    try {
      return run();
    } catch (error) {
      if (!(error instanceof UserInputError)) throw error;
      errors.push(...error.errors);
      return null;
    }
  };
  const { claim, statements, evidence, verdicts } = envelope.data;
  const line = {
    claim: parse(() => parseInput(createClaimSchema, claim, "claim")),
    statements: (statements ?? []).map((item, index) =>
      parse(() => parseItem(recordStatementSchema, item, `statements.${index}`)),
    ),
    evidence: (evidence ?? []).map((item, index) =>
      parse(() => parseItem(addEvidenceSchema, item, `evidence.${index}`)),
    ),
    verdicts: (verdicts ?? []).map((item, index) =>
      parse(() => parseItem(addVerdictSchema, item, `verdicts.${index}`)),
    ),
  };
  errors.push(...unknownFields(envelope.data));
  if (errors.length > 0) throw new UserInputError(errors);
  return {
    claim: { ...line.claim!, language: line.claim!.language ?? "en" },
    statements: line.statements as StatementData[],
    evidence: line.evidence as EvidenceData[],
    verdicts: line.verdicts as VerdictData[],
  };
}

function parseItem<S extends z.ZodType<{ claimId: string }>>(
  schema: S,
  item: unknown,
  field: string,
): Omit<z.output<S>, "claimId"> {
  if (item === null || typeof item !== "object" || Array.isArray(item)) {
    throw UserInputError.single(field, "must be an object", "INVALID");
  }
  const data: Partial<Pick<z.output<S>, "claimId">> = parseInput(
    schema,
    { ...item, claimId: PLACEHOLDER_CLAIM_ID },
    field,
  );
  delete data.claimId;
  return data as Omit<z.output<S>, "claimId">;
}

const DATE_FIELDS = new Set(["firstSeenAt", "statedAt", "observedAt", "reviewedAt", "publishedAt", "retrievedAt"]);
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

/** JSON has no dates: the date fields' RFC 3339 strings become Dates (others stay strings and fail validation). */
function reviveDates(value: unknown): unknown {
  if (Array.isArray(value)) {
    for (const item of value) reviveDates(item);
  } else if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    for (const [key, field] of Object.entries(record)) {
      if (DATE_FIELDS.has(key) && typeof field === "string" && RFC3339.test(field)) {
        const date = new Date(field);
        if (!Number.isNaN(date.getTime())) record[key] = date;
      } else if (field !== null && typeof field === "object") {
        reviveDates(field);
      }
    }
  }
  return value;
}

// The input schemas drop fields they do not know; the format refuses them instead, so a
// misspelt field (`qoute`) is an error rather than data silently lost.
const keysOf = (shape: Record<string, unknown>) => new Set(Object.keys(shape).filter((key) => key !== "claimId"));
const ACTOR_FIELDS = keysOf(actorRefSchema.shape);
const NESTED_FIELDS: Record<string, Set<string>> = {
  actor: ACTOR_FIELDS,
  reviewer: ACTOR_FIELDS,
  publisher: ACTOR_FIELDS,
  source: keysOf(sourceRefSchema.shape),
  via: keysOf(hopInputSchema.shape),
};
const ITEM_FIELDS: Record<string, Set<string>> = {
  claim: keysOf(createClaimSchema.shape),
  statements: keysOf(recordStatementSchema.shape),
  evidence: keysOf(addEvidenceSchema.shape),
  verdicts: keysOf(addVerdictSchema.shape),
};

function unknownFields(line: Record<string, unknown>): UserError[] {
  const errors: UserError[] = [];
  const check = (value: unknown, known: Set<string>, path: string) => {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return;
    for (const [key, field] of Object.entries(value)) {
      if (!known.has(key)) {
        errors.push({ field: `${path}.${key}`, message: `${key} is not a field of this format`, code: "INVALID" });
      } else if (NESTED_FIELDS[key]) {
        const nested = NESTED_FIELDS[key];
        if (Array.isArray(field)) field.forEach((item, index) => check(item, nested, `${path}.${key}.${index}`));
        else check(field, nested, `${path}.${key}`);
      }
    }
  };
  for (const [part, known] of Object.entries(ITEM_FIELDS)) {
    const value = line[part];
    if (Array.isArray(value)) value.forEach((item, index) => check(item, known, `${part}.${index}`));
    else check(value, known, part);
  }
  return errors;
}
