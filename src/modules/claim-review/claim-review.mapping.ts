// schema.org ClaimReview <-> claimtrail: how each field maps, both ways, and the export.
//
// The mapping is chosen so that export -> import (into an empty database) -> export gives
// the same document, and export -> import into the same database writes nothing.
//
// | ClaimReview                           | claimtrail                                                           |
// | ------------------------------------- | -------------------------------------------------------------------- |
// | claimReviewed                         | Claim.text (import: the claim with exactly this text, and language   |
// |                                       | when the document gives one; else a new claim)                       |
// | inLanguage                            | Verdict.language, else Claim.language (import: Verdict.language)     |
// | datePublished                         | Verdict.reviewedAt: `YYYY-MM-DD` when at 00:00 UTC, else ISO 8601    |
// | url                                   | Verdict.url (canonical)                                              |
// | reviewBody                            | Verdict.explanation                                                  |
// | author {@type, name}                  | Verdict.reviewer: Person <-> PERSON, else Organization (a reviewer   |
// |                                       | the import creates is a FACT_CHECKER)                                |
// | reviewRating.alternateName            | Verdict.rating                                                       |
// | reviewRating.ratingValue, bestRating, | Verdict.ratingValue, bestRating, worstRating (import: a ratingValue  |
// |   worstRating                         | alone means a 1-5 scale, schema.org's defaults)                      |
// | (none)                                | Verdict.conclusion: import reads it off the numeric rating, else off |
// |                                       | alternateName (conclusionFromRatingText), else MIXED                 |
// | itemReviewed.inLanguage               | Claim.language                                                       |
// | itemReviewed.datePublished            | Claim.firstSeenAt (import: also statedAt of the statement in the     |
// |                                       | first appearance, so that it stays the first one)                    |
// | itemReviewed.author                   | speaker of the claim's first live ASSERTS statement (earliest        |
// |                                       | statedAt, then earliest recorded)                                    |
// | itemReviewed.firstAppearance          | that statement's source                                              |
// | itemReviewed.appearance               | sources of the live ASSERTS statements: the first appearance, then   |
// |                                       | the others by (datePublished, url, headline)                         |
// | CreativeWork {@type, url, headline,   | Source {kind, url, title, publishedAt, language, publisher};         |
// |   datePublished, inLanguage,          | headline is left out when the title is the URL (the import titles a  |
// |   publisher}                          | source known only by its URL with that URL)                          |
// | Person, NewsMediaOrganization,        | ActorKind PERSON, MEDIA_OUTLET, STATE; any other kind is an          |
// |   GovernmentOrganization, Organization| Organization (the import creates it as ORGANIZATION)                 |
//
// Import of itemReviewed: its author ASSERTS the claim in each appearance where the claim
// has no ASSERTS statement yet (live or retracted: a retraction is not undone by a
// re-import). A verdict is the same review as a recorded one (live or retracted) with
// the same claim, reviewer and rating, and the same URL, or the same datePublished
// where one of them has no URL.
// Not kept: the review author's url and a Person's jobTitle (no columns for them; a new
// actor gets the jobTitle as its description), a conclusion set by hand against the
// rating, more than VERDICT_WINDOW live verdicts or CLAIM_CHILD_WINDOW statements.
import type { Actor, Claim, Source, Verdict } from "../../generated/prisma/client";
import type { ActorKind, SourceKind } from "../../generated/prisma/enums";

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export type Conclusion = "SUPPORTED" | "REFUTED" | "MIXED";

export const SCHEMA_ORG_CONTEXT = "https://schema.org";

export type SourceWithPublisher = Source & { publisher: Actor | null };

/** What one claim's ClaimReview document is built from. */
export interface ClaimReviewSubject {
  claim: Claim;
  /** Live verdicts with their reviewers. */
  verdicts: (Verdict & { reviewer: Actor })[];
  /** The speaker of the first ASSERTS statement and its source, if the claim has one. */
  author: Actor | null;
  firstAppearance: SourceWithPublisher | null;
  /** Sources of the other ASSERTS statements. */
  otherAppearances: SourceWithPublisher[];
}

/** One ClaimReview node for one verdict, or `{@context, @graph}` for several; null for none. */
export function claimReviewDocument(subject: ClaimReviewSubject): JsonObject | null {
  const verdicts = [...subject.verdicts].sort(compareVerdicts);
  const item = itemReviewed(subject);
  const nodes = verdicts.map((verdict) => claimReviewNode(subject.claim, verdict, item));
  const [only] = nodes;
  if (!only) return null;
  if (nodes.length === 1) return { "@context": SCHEMA_ORG_CONTEXT, ...only };
  return { "@context": SCHEMA_ORG_CONTEXT, "@graph": nodes };
}

function claimReviewNode(claim: Claim, verdict: Verdict & { reviewer: Actor }, item: JsonObject): JsonObject {
  return compact({
    "@type": "ClaimReview",
    url: verdict.url,
    datePublished: schemaDate(verdict.reviewedAt),
    inLanguage: verdict.language ?? claim.language,
    claimReviewed: claim.text,
    author: { "@type": verdict.reviewer.kind === "PERSON" ? "Person" : "Organization", name: verdict.reviewer.name },
    reviewRating: compact({
      "@type": "Rating",
      ratingValue: verdict.ratingValue,
      bestRating: verdict.bestRating,
      worstRating: verdict.worstRating,
      alternateName: verdict.rating,
    }),
    reviewBody: verdict.explanation,
    itemReviewed: item,
  });
}

function itemReviewed(subject: ClaimReviewSubject): JsonObject {
  const { claim, author, firstAppearance } = subject;
  const others = [...subject.otherAppearances].sort(compareSources);
  const appearances = firstAppearance ? [firstAppearance, ...others] : others;
  return compact({
    "@type": "Claim",
    inLanguage: claim.language,
    datePublished: schemaDate(claim.firstSeenAt),
    author: author ? actorNode(author) : null,
    appearance: appearances.length > 0 ? appearances.map(creativeWork) : null,
    firstAppearance: firstAppearance ? creativeWork(firstAppearance) : null,
  });
}

function creativeWork(source: SourceWithPublisher): JsonObject {
  return compact({
    "@type": WORK_TYPE_OF_KIND[source.kind] ?? "CreativeWork",
    url: source.url,
    headline: source.title === source.url ? null : source.title,
    datePublished: source.publishedAt ? schemaDate(source.publishedAt) : null,
    inLanguage: source.language,
    publisher: source.publisher ? actorNode(source.publisher) : null,
  });
}

function actorNode(actor: Actor): JsonObject {
  return { "@type": ACTOR_TYPE_OF_KIND[actor.kind] ?? "Organization", name: actor.name };
}

/** Newest first; ties in an order the document itself shows, so a re-import keeps it. */
function compareVerdicts(a: Verdict & { reviewer: Actor }, b: Verdict & { reviewer: Actor }): number {
  return (
    b.reviewedAt.getTime() - a.reviewedAt.getTime() ||
    a.reviewer.name.localeCompare(b.reviewer.name) ||
    (a.url ?? "").localeCompare(b.url ?? "") ||
    a.rating.localeCompare(b.rating)
  );
}

function compareSources(a: Source, b: Source): number {
  const at = (source: Source) => source.publishedAt?.getTime() ?? Number.POSITIVE_INFINITY;
  // Two undated sources give NaN, which falls through to the next key like 0 does.
  return at(a) - at(b) || (a.url ?? "").localeCompare(b.url ?? "") || a.title.localeCompare(b.title);
}

/** Drops null and undefined members, keeping the order of the rest. */
function compact(object: { [key: string]: JsonValue | undefined }): JsonObject {
  const result: JsonObject = {};
  for (const [key, value] of Object.entries(object)) if (value !== null && value !== undefined) result[key] = value;
  return result;
}

/** A date at 00:00 UTC as `YYYY-MM-DD` (how fact-checkers publish dates), anything else as ISO 8601. */
export function schemaDate(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** Reads a schema.org Date or DateTime; one without an offset is taken as UTC. Null when invalid. */
export function parseSchemaDate(text: string): Date | null {
  if (DATE_ONLY.test(text)) {
    const date = new Date(`${text}T00:00:00.000Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text) ? date : null;
  }
  const match = DATE_TIME.exec(text);
  if (!match) return null;
  const [, base = "", fraction = "", zone = "Z"] = match;
  const offset = zone.toUpperCase() === "Z" ? "Z" : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const date = new Date(`${base}${fraction.slice(0, 4)}${offset}`);
  return Number.isNaN(date.getTime()) ? null : date;
}

const ACTOR_TYPE_OF_KIND: Partial<Record<ActorKind, string>> = {
  PERSON: "Person",
  MEDIA_OUTLET: "NewsMediaOrganization",
  STATE: "GovernmentOrganization",
};

const WORK_TYPE_OF_KIND: Partial<Record<SourceKind, string>> = {
  NEWS_ARTICLE: "NewsArticle",
  REPORT: "Report",
  SOCIAL_POST: "SocialMediaPosting",
  VIDEO: "VideoObject",
  DATASET: "Dataset",
};

function kindOfType<K extends string>(types: readonly string[], map: Partial<Record<K, string>>): K | null {
  for (const [kind, type] of Object.entries(map) as [K, string][]) if (types.includes(type)) return kind;
  return null;
}

/** The kind of an actor the import creates from a Person/Organization node. */
export function actorKindOfTypes(types: readonly string[], role: "reviewer" | "other"): ActorKind {
  return kindOfType(types, ACTOR_TYPE_OF_KIND) ?? (role === "reviewer" ? "FACT_CHECKER" : "ORGANIZATION");
}

/** The kind of a source the import creates from a CreativeWork node (export maps it back to the same type). */
export function sourceKindOfTypes(types: readonly string[]): SourceKind {
  return kindOfType(types, WORK_TYPE_OF_KIND) ?? "OTHER";
}

const SUPPORTING_RATINGS = new Set(["true", "correct", "accurate", "mostly true", "mostly correct", "verified"]);
const REFUTING_RATINGS = new Set([
  "false",
  "mostly false",
  "incorrect",
  "inaccurate",
  "wrong",
  "untrue",
  "not true",
  "fake",
  "fabricated",
  "hoax",
  "pants on fire",
  "baseless",
]);

/** A conclusion read off a textual rating with no numeric scale: the common words, else MIXED. */
export function conclusionFromRatingText(rating: string): Conclusion {
  const words = rating
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  if (SUPPORTING_RATINGS.has(words)) return "SUPPORTED";
  if (REFUTING_RATINGS.has(words)) return "REFUTED";
  return "MIXED";
}
