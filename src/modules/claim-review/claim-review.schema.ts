// Reading a ClaimReview node for import: zod shapes for it, and the review it normalizes to.
// Lenient where publishers differ (a value or a list, numbers as strings, schema.org
// terms written as IRIs), strict where claimtrail needs a value.
import { z } from "zod";
import type { ActorKind, SourceKind } from "../../generated/prisma/enums";
import { httpUrl, languageTag, optionalName, optionalText, requiredText } from "../../shared/validation";
import { actorName } from "../actor/actor.schema";
import { conclusionFromRating } from "../claim/claim-status";
import { CLAIM_TEXT_MAX } from "../claim/claim.schema";
import { canonicalUrl } from "../source/canonical-url";
import {
  actorKindOfTypes,
  conclusionFromRatingText,
  parseSchemaDate,
  sourceKindOfTypes,
  type Conclusion,
} from "./claim-review.mapping";

export interface ImportedActor {
  name: string;
  kind: ActorKind;
  description: string | null;
}

export interface ImportedWork {
  /** Where the work sits in the review, for errors (`itemReviewed.appearance.1`). */
  path: string;
  url: string | null;
  title: string;
  kind: SourceKind;
  language: string | null;
  publishedAt: Date | null;
  publisher: ImportedActor | null;
}

/** One ClaimReview, normalized to what claimtrail records. */
export interface ImportedReview {
  claim: { text: string; language: string | null; datePublished: Date | null };
  claimAuthor: ImportedActor | null;
  /** The first appearance first, each work once. */
  appearances: ImportedWork[];
  reviewer: ImportedActor;
  verdict: {
    rating: string;
    ratingValue: number | null;
    bestRating: number | null;
    worstRating: number | null;
    conclusion: Conclusion;
    reviewedAt: Date;
    url: string | null;
    explanation: string | null;
    language: string | null;
  };
}

/** A schema.org term however it is written: `ClaimReview`, `schema:ClaimReview`, `https://schema.org/ClaimReview`. */
export function schemaOrgTerm(term: string): string {
  return term.replace(/^(?:https?:\/\/(?:www\.)?schema\.org\/|schema:)/i, "");
}

/** A value or a list of values, as a list (JSON-LD allows either nearly everywhere). */
export function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [value];
}

const types = z.preprocess(
  (value) => (value === undefined || value === null ? [] : asList(value)),
  z.array(z.string()).transform((list) => list.map(schemaOrgTerm)),
);

/** A value given as a list where one is expected: the first counts. */
const first = <S extends z.ZodType>(schema: S) => z.preprocess((value) => asList(value)[0], schema);

const schemaDate = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const date = parseSchemaDate(value);
    if (!date) {
      ctx.addIssue({ code: "custom", message: "must be an ISO 8601 date or date-time, such as 2024-01-15" });
      return z.NEVER;
    }
    return date;
  });

const ratingNumber = z.preprocess(
  (value) => (typeof value === "string" && value.trim() !== "" && !Number.isNaN(Number(value)) ? Number(value) : value),
  z
    .number({ error: "must be a number" })
    .int({ error: "must be a whole number" })
    .min(-1000, { error: "must be at least -1000" })
    .max(1000, { error: "must be at most 1000" }),
);

const actorNode = z.preprocess(
  (value) => (typeof value === "string" ? { name: value } : value),
  z.object({
    "@type": types,
    name: actorName,
    // Kept as a new actor's description; a jobTitle that is not short text is ignored.
    jobTitle: optionalText(500).catch(null),
  }),
);

const creativeWork = z.preprocess(
  (value) => (typeof value === "string" ? { url: value } : value),
  z
    .object({
      "@type": types,
      url: httpUrl.nullish(),
      headline: optionalName(500),
      name: optionalName(500),
      datePublished: schemaDate.nullish(),
      inLanguage: languageTag.nullish(),
      publisher: first(actorNode).nullish(),
    })
    .superRefine((work, ctx) => {
      if (!work.url && !((work.headline ?? work.name) && work.publisher)) {
        ctx.addIssue({
          code: "custom",
          path: ["url"],
          message: "give the appearance's url, or its headline with its publisher",
          params: { code: "REQUIRED" },
        });
      }
    }),
);

const claimNode = z.object({
  author: first(actorNode).nullish(),
  datePublished: schemaDate.nullish(),
  inLanguage: languageTag.nullish(),
  appearance: z
    .preprocess(
      (value) => (value === undefined || value === null ? value : asList(value)),
      z.array(creativeWork).max(50),
    )
    .nullish(),
  firstAppearance: first(creativeWork).nullish(),
});

const ratingNode = z
  .object({
    ratingValue: ratingNumber.nullish(),
    bestRating: ratingNumber.nullish(),
    worstRating: ratingNumber.nullish(),
    alternateName: first(requiredText(200)),
  })
  .superRefine((rating, ctx) => {
    if (rating.ratingValue === null || rating.ratingValue === undefined) return;
    const best = rating.bestRating ?? 5;
    const worst = rating.worstRating ?? 1;
    if (best === worst) {
      ctx.addIssue({ code: "custom", path: ["bestRating"], message: "must differ from worstRating" });
    } else if (rating.ratingValue < Math.min(best, worst) || rating.ratingValue > Math.max(best, worst)) {
      ctx.addIssue({ code: "custom", path: ["ratingValue"], message: "must lie between worstRating and bestRating" });
    }
  });

export const claimReviewNodeSchema = z.object({
  claimReviewed: first(requiredText(CLAIM_TEXT_MAX)),
  author: first(actorNode),
  datePublished: schemaDate,
  url: httpUrl.nullish(),
  reviewBody: optionalText(10_000),
  inLanguage: languageTag.nullish(),
  reviewRating: first(ratingNode),
  itemReviewed: first(claimNode).nullish(),
});

export type ClaimReviewNode = z.output<typeof claimReviewNodeSchema>;
type ActorNode = z.output<typeof actorNode>;
type WorkNode = z.output<typeof creativeWork>;

/** A parsed ClaimReview node as what claimtrail records. */
export function normalize(node: ClaimReviewNode): ImportedReview {
  const item = node.itemReviewed;
  const { ratingValue, alternateName } = node.reviewRating;
  const numeric = ratingValue !== null && ratingValue !== undefined;
  const bestRating = numeric ? (node.reviewRating.bestRating ?? 5) : null;
  const worstRating = numeric ? (node.reviewRating.worstRating ?? 1) : null;
  return {
    claim: {
      text: node.claimReviewed,
      language: item?.inLanguage ?? node.inLanguage ?? null,
      datePublished: item?.datePublished ?? null,
    },
    claimAuthor: item?.author ? importedActor(item.author, "other") : null,
    appearances: appearancesOf(item?.firstAppearance ?? null, item?.appearance ?? []),
    reviewer: importedActor(node.author, "reviewer"),
    verdict: {
      rating: alternateName,
      ratingValue: numeric ? ratingValue : null,
      bestRating,
      worstRating,
      conclusion:
        numeric && bestRating !== null && worstRating !== null
          ? conclusionFromRating(ratingValue, worstRating, bestRating)
          : conclusionFromRatingText(alternateName),
      reviewedAt: node.datePublished,
      url: node.url ? canonicalUrl(node.url) : null,
      explanation: node.reviewBody,
      language: node.inLanguage ?? null,
    },
  };
}

function importedActor(node: ActorNode, role: "reviewer" | "other"): ImportedActor {
  return { name: node.name, kind: actorKindOfTypes(node["@type"], role), description: node.jobTitle };
}

/** The first appearance (or the first listed) first; a work listed twice counts once. */
function appearancesOf(firstAppearance: WorkNode | null, listed: WorkNode[]): ImportedWork[] {
  const works = [
    ...(firstAppearance ? [importedWork(firstAppearance, "itemReviewed.firstAppearance")] : []),
    ...listed.map((work, index) => importedWork(work, `itemReviewed.appearance.${index}`)),
  ];
  const seen = new Set<string>();
  return works.filter((work) => {
    const key = work.url ?? `title:${work.publisher?.name ?? ""}:${work.title}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function importedWork(work: WorkNode, path: string): ImportedWork {
  const url = work.url ? canonicalUrl(work.url) : null;
  return {
    path,
    url,
    title: work.headline ?? work.name ?? url ?? "",
    kind: sourceKindOfTypes(work["@type"]),
    language: work.inLanguage ?? null,
    publishedAt: work.datePublished ?? null,
    publisher: work.publisher ? importedActor(work.publisher, "other") : null,
  };
}
