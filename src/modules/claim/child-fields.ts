// The GraphQL types a claim's children documents become (claim-children.repository.ts),
// and, per type, the fields a request's operation selects on it (graphql/query-shape.ts):
// a document then carries the columns of those fields only.

export const CHILD_DOCUMENT_TYPES = ["Statement", "Evidence", "Verdict", "Actor", "Source"] as const;
export type ChildDocumentType = (typeof CHILD_DOCUMENT_TYPES)[number];

/** Per type, the names of the fields an operation selects on it. */
export type ChildFields = Readonly<Record<ChildDocumentType, readonly string[]>>;

/**
 * Per type, the fields whose resolvers read only the property of their own name (a column
 * of the document, or a related row the document embeds). A selection of any other field
 * but `id` (a row's claim, its attribution chain, its history) reads ids, and makes the
 * documents of that type carry every id and id of a related row.
 */
export const SELF_SERVED_FIELDS: Readonly<Record<ChildDocumentType, readonly string[]>> = {
  Statement: [
    ...["stance", "quote", "paraphrase", "language", "statedAt", "retractedAt", "retractionReason", "createdAt"],
    ...["actor", "source"],
  ],
  Evidence: [
    ...["direction", "kind", "summary", "excerpt", "observedAt", "retractedAt", "retractionReason", "createdAt"],
    ...["actor", "source"],
  ],
  Verdict: [
    ...["rating", "ratingValue", "bestRating", "worstRating", "conclusion", "reviewedAt", "url", "explanation"],
    ...["language", "retractedAt", "retractionReason", "createdAt", "reviewer"],
  ],
  Actor: ["name", "kind", "description", "affiliation", "createdAt", "updatedAt"],
  Source: [
    ...["url", "title", "kind", "language", "publishedAt", "retrievedAt", "contentHash", "archiveUrl"],
    ...["createdAt", "updatedAt", "publisher"],
  ],
};
