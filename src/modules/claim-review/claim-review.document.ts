// The shapes of a ClaimReview JSON-LD document for import: one object, an array, or
// `{"@graph": [...]}`; its ClaimReview nodes found, `@id` references resolved, parsed.
import { UserInputError, type UserError } from "../../shared/errors";
import { toUserErrors } from "../../shared/validation";
import { asList, claimReviewNodeSchema, normalize, schemaOrgTerm, type ImportedReview } from "./claim-review.schema";

/** ClaimReviews one import takes: all of them are written in one transaction. */
export const MAX_REVIEWS_PER_IMPORT = 500;

export interface ReviewEntry {
  /** Position in the document's list (0 for a single object). */
  index: number;
  /** The node's path for userErrors: `input.document.2`, `input.document.@graph.0`. */
  field: string;
  review: ImportedReview;
}

/**
 * The ClaimReviews of a document (one object, an array, or `{"@graph": [...]}`), parsed
 * and normalized; other nodes are skipped. Every bad review is reported at once.
 */
export function parseClaimReviewDocument(document: unknown, base: string): ReviewEntry[] {
  const nodes = documentNodes(document, base);
  const byId = new Map<string, unknown>();
  for (const { node } of nodes) if (isObject(node) && typeof node["@id"] === "string") byId.set(node["@id"], node);
  const reviews = nodes.filter(({ node }) => isClaimReview(node));
  if (reviews.length === 0) {
    throw UserInputError.single(base, "The document holds no ClaimReview.", "INVALID");
  }
  if (reviews.length > MAX_REVIEWS_PER_IMPORT) {
    throw UserInputError.single(base, `At most ${MAX_REVIEWS_PER_IMPORT} ClaimReviews per import.`, "TOO_LONG");
  }
  const errors: UserError[] = [];
  const entries: ReviewEntry[] = [];
  for (const { index, field, node } of reviews) {
    const parsed = claimReviewNodeSchema.safeParse(resolveIdRefs(node, byId, 0), { reportInput: true });
    if (parsed.success) entries.push({ index, field, review: normalize(parsed.data) });
    else errors.push(...toUserErrors(parsed.error, field));
  }
  if (errors.length > 0) throw new UserInputError(errors);
  return entries;
}

function documentNodes(document: unknown, base: string): { index: number; field: string; node: unknown }[] {
  if (Array.isArray(document)) {
    return asList(document).map((node, index) => ({ index, field: `${base}.${index}`, node }));
  }
  if (isObject(document) && Array.isArray(document["@graph"])) {
    return asList(document["@graph"]).map((node, index) => ({ index, field: `${base}.@graph.${index}`, node }));
  }
  if (isObject(document)) return [{ index: 0, field: base, node: document }];
  throw UserInputError.single(
    base,
    "must be a ClaimReview object, an array of them, or an object with @graph",
    "INVALID",
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isClaimReview(node: unknown): boolean {
  if (!isObject(node)) return false;
  const type = node["@type"];
  return asList(type).some((entry) => typeof entry === "string" && schemaOrgTerm(entry) === "ClaimReview");
}

/** Replaces `{"@id": x}` references with the document's node of that @id (a copy: the input is left alone). */
function resolveIdRefs(value: unknown, byId: Map<string, unknown>, depth: number): unknown {
  if (Array.isArray(value)) return asList(value).map((item) => resolveIdRefs(item, byId, depth));
  if (!isObject(value)) return value;
  const keys = Object.keys(value);
  const target = keys.length === 1 && typeof value["@id"] === "string" ? byId.get(value["@id"]) : undefined;
  if (target !== undefined && depth < 8) return resolveIdRefs(target, byId, depth + 1);
  return Object.fromEntries(keys.map((key) => [key, resolveIdRefs(value[key], byId, depth)]));
}
