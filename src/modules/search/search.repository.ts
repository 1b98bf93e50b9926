// Full-text search and trigram similarity over claims (raw SQL through Prisma: the
// tsvector and pg_trgm operators have no Prisma query API).
import { shortestFloat32 } from "../../shared/float32";
import type { Db, PrismaClient } from "../../db/prisma";
import { queryRows, rowCount } from "../../db/sql";
import { Prisma, type Claim } from "../../generated/prisma/client";
import { CLAIM_COLUMN_NAMES, CLAIM_COLUMNS, claimColumns } from "../claim/claim-filter";

/** The query as a tsquery: stemmed in the query's language, or its words as written. */
function tsquery(query: string, language: string): Prisma.Sql {
  return Prisma.sql`(websearch_to_tsquery(claimtrail_search_config(${language}), ${query})
    || websearch_to_tsquery('simple', ${query}))`;
}

/**
 * The `-word` / `-"phrase"` exclusions of a web-search query, as one query matching any
 * of them in either form. Needed because the two forms are ORed above: without it, a
 * document excluded in one form (stemmed "-supply" rejects "supplying") would still be
 * let in by the other.
 */
export function exclusionsOf(query: string): string | null {
  const excluded = [...query.matchAll(/(?:^|\s)-("[^"]+"|[^\s"]+)/g)].map((match) => match[1] ?? "");
  return excluded.length ? excluded.join(" or ") : null;
}

/**
 * The search condition on `claims c`, for a statement that starts `WITH q AS (SELECT
 * <tsquery> AS tsq)`: each query is computed once per execution (a scalar subquery is an
 * InitPlan, evaluated once and usable as an index condition), so the statement can be
 * prepared: in a generic plan an inline tsquery expression would be computed again for
 * every row it ranks.
 */
function matches(query: string, language: string): Prisma.Sql {
  const excluded = exclusionsOf(query);
  const match = Prisma.sql`c.search_vector @@ (SELECT tsq FROM q)`;
  return excluded ? Prisma.sql`${match} AND NOT c.search_vector @@ (SELECT ${tsquery(excluded, language)})` : match;
}

/**
 * One page of matching claims, best first, with their rank. The matches are ranked on
 * their ids alone and only the page's rows are read (the columns of `claimFields`, see
 * claimColumns): every match is ranked, and carrying each one's columns through the sort
 * cost more than the ranking.
 */
export async function searchClaims(
  prisma: PrismaClient,
  query: string,
  language: string,
  where: Prisma.Sql,
  take: number,
  skip: number,
  claimFields: readonly string[] | null = null,
): Promise<(Claim & { rank: number })[]> {
  const claim = claimColumns(claimFields);
  const rows = await queryRows<Claim & { rank: number }>(prisma, {
    sql: Prisma.sql`
    WITH q AS MATERIALIZED (SELECT ${tsquery(query, language)} AS tsq),
    page AS MATERIALIZED (
      SELECT c.id, ts_rank(c.search_vector, (SELECT tsq FROM q)) AS rank
      FROM claims c
      WHERE ${matches(query, language)} AND ${where}
      ORDER BY rank DESC, c.id
      LIMIT ${rowCount(take)} OFFSET ${skip})
    SELECT ${claim.sql}, page.rank::float8 AS rank
    FROM page JOIN claims c ON c.id = page.id
    ORDER BY page.rank DESC, c.id`,
    columns: [...claim.names, "rank"],
    prepare: true,
  });
  return rows.map((row) => ({ ...row, rank: shortestFloat32(row.rank) }));
}

export async function countSearch(db: Db, query: string, language: string, where: Prisma.Sql): Promise<number> {
  const [row] = await db.$queryRaw<{ count: number }[]>`
    WITH q AS MATERIALIZED (SELECT ${tsquery(query, language)} AS tsq)
    SELECT count(*)::int AS count FROM claims c
    WHERE ${matches(query, language)} AND ${where}`;
  return row?.count ?? 0;
}

export interface HighlightRow {
  claim_id: string;
  field: "CLAIM_TEXT" | "STATEMENT" | "EVIDENCE";
  statement_id: string | null;
  evidence_id: string | null;
  snippet: string;
}

const HEADLINE_OPTIONS = "StartSel=<b>, StopSel=</b>, MaxWords=30, MinWords=10, MaxFragments=2";

/**
 * Where the query matched, for the claims of one result page: the wording (always,
 * marked where its words occur), and each live statement and evidence item that
 * matches the whole query on its own.
 */
export function findHighlights(db: Db, claimIds: readonly string[], query: string, language: string) {
  const ids = [...claimIds];
  return db.$queryRaw<HighlightRow[]>`
    WITH q AS (SELECT ${tsquery(query, language)} AS tsq)
    SELECT c.id AS claim_id, 'CLAIM_TEXT' AS field, NULL::uuid AS statement_id, NULL::uuid AS evidence_id,
           ts_headline(claimtrail_search_config(c.language), c.text, q.tsq, ${HEADLINE_OPTIONS}) AS snippet
    FROM claims c, q WHERE c.id = ANY(${ids}::uuid[])
    UNION ALL
    SELECT s.claim_id, 'STATEMENT', s.id, NULL,
           ts_headline(claimtrail_search_config(c.language), concat_ws(' ', s.quote, s.paraphrase), q.tsq, ${HEADLINE_OPTIONS})
    FROM statements s JOIN claims c ON c.id = s.claim_id, q
    WHERE s.claim_id = ANY(${ids}::uuid[]) AND s.retracted_at IS NULL
      AND (to_tsvector(claimtrail_search_config(c.language), concat_ws(' ', s.quote, s.paraphrase))
           || to_tsvector('simple', concat_ws(' ', s.quote, s.paraphrase))) @@ q.tsq
    UNION ALL
    SELECT e.claim_id, 'EVIDENCE', NULL, e.id,
           ts_headline(claimtrail_search_config(c.language), concat_ws(' ', e.summary, e.excerpt), q.tsq, ${HEADLINE_OPTIONS})
    FROM evidence e JOIN claims c ON c.id = e.claim_id, q
    WHERE e.claim_id = ANY(${ids}::uuid[]) AND e.retracted_at IS NULL
      AND (to_tsvector(claimtrail_search_config(c.language), concat_ws(' ', e.summary, e.excerpt))
           || to_tsvector('simple', concat_ws(' ', e.summary, e.excerpt))) @@ q.tsq`;
}

/**
 * Claims worded like `text`: trigram similarity at least `threshold` (pg_trgm's %
 * operator, GIN-indexed), most similar first; among equally similar wordings, the one
 * whose search document ranks higher for the text's words (full-text) first. The rule is
 * claimtrail_similar_claims in SQL, which createClaim's write function looks duplicates up with.
 */
export async function findSimilarClaims(
  prisma: PrismaClient,
  text: string,
  language: string,
  threshold: number,
  limit: number,
): Promise<(Claim & { similarity: number })[]> {
  const rows = await queryRows<Claim & { similarity: number }>(prisma, {
    sql: Prisma.sql`
    SELECT ${CLAIM_COLUMNS}, s.similarity
    FROM claimtrail_similar_claims(${text}, ${language}, ${threshold}::real, ${limit}::int) s
    JOIN claims c ON c.id = s.id
    ORDER BY s.rank`,
    columns: [...CLAIM_COLUMN_NAMES, "similarity"],
  });
  return rows.map((row) => ({ ...row, similarity: shortestFloat32(row.similarity) }));
}
