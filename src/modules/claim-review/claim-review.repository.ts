// Data access for the ClaimReview import: the lookups that decide what is recorded already.
import type { Db } from "../../db/prisma";
import type { Verdict } from "../../generated/prisma/client";

/** Namespace of the import's advisory locks (two-key form, apart from single-key locks). */
const CLAIM_TEXT_LOCK = 0x436c5276; // "ClRv"

/**
 * Serializes imports that may create the same claim: a transaction-scoped advisory lock
 * per claim text, taken in one statement and in key order, so that two imports of
 * overlapping documents wait for each other instead of both creating the claim (or deadlocking).
 */
export async function lockClaimTexts(db: Db, texts: readonly string[]): Promise<void> {
  if (texts.length === 0) return;
  await db.$executeRaw`
    SELECT pg_advisory_xact_lock(${CLAIM_TEXT_LOCK}::int, k.key)
    FROM (SELECT DISTINCT hashtext(t) AS key FROM unnest(${[...texts]}::text[]) AS t ORDER BY 1) k`;
}

/**
 * The oldest claim worded exactly so (in that language when one is given), locked for the
 * rest of the transaction without marking it updated. `text = $1` is served by the
 * trigram GIN index on claims.text.
 */
export async function findClaimByTextForUpdate(db: Db, text: string, language: string | null): Promise<string | null> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM claims
    WHERE text = ${text} AND (${language}::text IS NULL OR language = ${language}::text)
    ORDER BY created_at, id LIMIT 1
    FOR UPDATE`;
  return rows[0]?.id ?? null;
}

/** Sources in which the claim has an ASSERTS statement, live or retracted. */
export async function findAssertedSourceIds(db: Db, claimId: string): Promise<Set<string>> {
  const rows = await db.statement.findMany({
    where: { claimId, stance: "ASSERTS" },
    select: { sourceId: true },
    distinct: ["sourceId"],
  });
  return new Set(rows.map((row) => row.sourceId));
}

/**
 * A recorded verdict (live or retracted) that is the same review: same claim, reviewer
 * and rating, and the same URL, or the same date where one of the two has no URL.
 */
export function findSameReview(
  db: Db,
  review: { claimId: string; reviewerId: string; rating: string; url: string | null; reviewedAt: Date },
): Promise<Verdict | null> {
  const { claimId, reviewerId, rating, url, reviewedAt } = review;
  return db.verdict.findFirst({
    where: {
      claimId,
      reviewerId,
      rating,
      OR: url ? [{ url }, { url: null, reviewedAt }] : [{ reviewedAt }],
    },
    orderBy: [{ retractedAt: { sort: "desc", nulls: "first" } }, { createdAt: "asc" }],
  });
}
