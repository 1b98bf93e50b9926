// What bulk import finds before it writes: the claim a line names (by exact wording and
// language), the actors and sources it names, and the statements, evidence items and
// verdicts the claim already has. Raw SQL, a few statements per line: these run for
// every line of files of 100,000 lines.
import type { Db } from "../../db/prisma";
import type { Actor, Source } from "../../generated/prisma/client";
import type { EvidenceDirection, Stance } from "../../generated/prisma/enums";

/**
 * Serializes the transactions that import the same wording (two lines of one file, or
 * two imports at once), so that they end with one claim: claims have no unique key on
 * their text. Held until commit.
 */
export async function lockClaimWording(db: Db, text: string, language: string): Promise<void> {
  await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${language} || E'\\n' || ${text}, 0))`;
}

/**
 * The claim with exactly this wording and language (the oldest, should there be several),
 * else the claim such a claim was merged into. `text = $1` is served by the hash index
 * claims_text_idx (an index scan of well under a millisecond on 100,000 claims; the
 * pg_trgm GIN index answers equality too, but reads every posting list of the text's
 * trigrams).
 */
export async function findClaimByWording(
  db: Db,
  text: string,
  language: string,
): Promise<{ id: string; firstSeenAt: Date } | null> {
  const [row] = await db.$queryRaw<{ id: string; firstSeenAt: Date }[]>`
    SELECT c.id, c.first_seen_at AS "firstSeenAt" FROM claims c
    JOIN (
      (SELECT c.id, 0 AS rank FROM claims c WHERE c.text = ${text} AND c.language = ${language}
       ORDER BY c.created_at, c.id LIMIT 1)
      UNION ALL
      (SELECT m.into_claim_id, 1 FROM claim_merges m WHERE m.merged_text = ${text}
       ORDER BY m.merged_at DESC LIMIT 1)
    ) found ON found.id = c.id
    ORDER BY found.rank LIMIT 1`;
  return row ?? null;
}

/** Actors by normalized name or alias (as findActorByKey, for many keys in one query), with the key each matched. */
export function findActorsByKeys(db: Db, keys: readonly string[]): Promise<(Actor & { key: string })[]> {
  return db.$queryRaw`
    SELECT k.key, a.id, a.name, a.name_key AS "nameKey", a.kind::text AS kind, a.description, a.affiliation,
           a.created_at AS "createdAt", a.updated_at AS "updatedAt"
    FROM unnest(${[...keys]}::text[]) AS k(key)
    JOIN LATERAL (
      SELECT * FROM actors a
      WHERE a.name_key = k.key OR a.id IN (SELECT actor_id FROM actor_aliases WHERE alias_key = k.key)
      ORDER BY a.created_at LIMIT 1
    ) a ON true`;
}

/** Sources by source_key, in one query. */
export function findSourcesByKeys(db: Db, keys: readonly string[]): Promise<Source[]> {
  return db.$queryRaw`
    SELECT id, url, source_key AS "sourceKey", title, kind::text AS kind, language, publisher_id AS "publisherId",
           published_at AS "publishedAt", retrieved_at AS "retrievedAt", content_hash AS "contentHash",
           archive_url AS "archiveUrl", created_at AS "createdAt", updated_at AS "updatedAt"
    FROM sources WHERE source_key = ANY(${[...keys]}::text[])`;
}

export interface StatementKey {
  actorId: string;
  sourceId: string;
  stance: Stance;
  quote: string | null;
  paraphrase: string | null;
  statedAt: Date | null;
}

export interface EvidenceKey {
  sourceId: string;
  direction: EvidenceDirection;
  summary: string;
}

export interface VerdictKey {
  reviewerId: string;
  rating: string;
  reviewedAt: Date;
  url: string | null;
}

/**
 * Which of these items the claim has already, in one query: statements with the same
 * speaker, source, stance, wording and date; evidence with the same source, direction
 * and summary; verdicts by the same reviewer with the same rating, date and URL.
 * Retracted items count: re-importing a file does not bring back what was retracted.
 * Returns the 0-based indexes of the items found, per kind.
 */
export async function findExistingItems(
  db: Db,
  claimId: string,
  items: { statements: StatementKey[]; evidence: EvidenceKey[]; verdicts: VerdictKey[] },
): Promise<{ statements: Set<number>; evidence: Set<number>; verdicts: Set<number> }> {
  const { statements, evidence, verdicts } = items;
  const iso = (date: Date | null) => (date ? date.toISOString() : null);
  const rows = await db.$queryRaw<{ kind: "statement" | "evidence" | "verdict"; index: number }[]>`
    SELECT 'statement' AS kind, (i.n - 1)::int AS index
    FROM unnest(${statements.map((s) => s.actorId)}::uuid[], ${statements.map((s) => s.sourceId)}::uuid[],
                ${statements.map((s) => s.stance)}::text[], ${statements.map((s) => s.quote)}::text[],
                ${statements.map((s) => s.paraphrase)}::text[], ${statements.map((s) => iso(s.statedAt))}::text[])
         WITH ORDINALITY AS i(actor_id, source_id, stance, quote, paraphrase, stated_at, n)
    WHERE EXISTS (
      SELECT 1 FROM statements s
      WHERE s.claim_id = ${claimId}::uuid AND s.actor_id = i.actor_id AND s.source_id = i.source_id
        AND s.stance = i.stance::"Stance" AND s.quote IS NOT DISTINCT FROM i.quote
        AND s.paraphrase IS NOT DISTINCT FROM i.paraphrase
        AND s.stated_at IS NOT DISTINCT FROM i.stated_at::timestamptz)
    UNION ALL
    SELECT 'evidence', (i.n - 1)::int
    FROM unnest(${evidence.map((e) => e.sourceId)}::uuid[], ${evidence.map((e) => e.direction)}::text[],
                ${evidence.map((e) => e.summary)}::text[]) WITH ORDINALITY AS i(source_id, direction, summary, n)
    WHERE EXISTS (
      SELECT 1 FROM evidence e
      WHERE e.claim_id = ${claimId}::uuid AND e.source_id = i.source_id
        AND e.direction = i.direction::"EvidenceDirection" AND e.summary = i.summary)
    UNION ALL
    SELECT 'verdict', (i.n - 1)::int
    FROM unnest(${verdicts.map((v) => v.reviewerId)}::uuid[], ${verdicts.map((v) => v.rating)}::text[],
                ${verdicts.map((v) => iso(v.reviewedAt))}::text[], ${verdicts.map((v) => v.url)}::text[])
         WITH ORDINALITY AS i(reviewer_id, rating, reviewed_at, url, n)
    WHERE EXISTS (
      SELECT 1 FROM verdicts v
      WHERE v.claim_id = ${claimId}::uuid AND v.reviewer_id = i.reviewer_id AND v.rating = i.rating
        AND v.reviewed_at = i.reviewed_at::timestamptz AND v.url IS NOT DISTINCT FROM i.url)`;
  const found = { statements: new Set<number>(), evidence: new Set<number>(), verdicts: new Set<number>() };
  for (const row of rows) {
    const kind = row.kind === "statement" ? "statements" : row.kind === "evidence" ? "evidence" : "verdicts";
    found[kind].add(row.index);
  }
  return found;
}
