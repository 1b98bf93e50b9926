-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- DropIndex
DROP INDEX "statements_actor_id_idx";

-- AlterTable
ALTER TABLE "claims" ADD COLUMN     "dispute_score" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "oppose_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "search_vector" tsvector,
ADD COLUMN     "statement_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "support_count" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "claim_merges" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "merged_claim_id" UUID NOT NULL,
    "into_claim_id" UUID NOT NULL,
    "merged_text" TEXT NOT NULL,
    "reason" TEXT,
    "moved_statements" INTEGER NOT NULL,
    "moved_evidence" INTEGER NOT NULL,
    "moved_verdicts" INTEGER NOT NULL,
    "moved_relations" INTEGER NOT NULL,
    "merged_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "claim_merges_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "claim_merges_merged_claim_id_key" ON "claim_merges"("merged_claim_id");

-- CreateIndex
CREATE INDEX "claim_merges_into_claim_id_idx" ON "claim_merges"("into_claim_id");

-- CreateIndex
CREATE INDEX "claims_created_at_idx" ON "claims"("created_at");

-- CreateIndex
CREATE INDEX "claims_statement_count_id_idx" ON "claims"("statement_count", "id");

-- CreateIndex
CREATE INDEX "claims_dispute_score_id_idx" ON "claims"("dispute_score", "id");

-- CreateIndex
CREATE INDEX "claims_language_updated_at_idx" ON "claims"("language", "updated_at");

-- CreateIndex
CREATE INDEX "claims_topics_idx" ON "claims" USING GIN ("topics");

-- CreateIndex
CREATE INDEX "claims_search_vector_idx" ON "claims" USING GIN ("search_vector");

-- CreateIndex
CREATE INDEX "claims_text_trgm_idx" ON "claims" USING GIN ("text" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "statements_actor_id_stance_idx" ON "statements"("actor_id", "stance");

-- CreateIndex
CREATE INDEX "statements_stance_created_at_idx" ON "statements"("stance", "created_at");

-- CreateIndex
CREATE INDEX "verdicts_rating_idx" ON "verdicts"("rating");

-- AddForeignKey
ALTER TABLE "claim_merges" ADD CONSTRAINT "claim_merges_into_claim_id_fkey" FOREIGN KEY ("into_claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateIndex
CREATE INDEX "actors_name_trgm_idx" ON "actors" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "sources_created_at_idx" ON "sources"("created_at");

-- CreateIndex
CREATE INDEX "sources_kind_idx" ON "sources"("kind");

-- Written by hand (Prisma's schema language cannot express functions): the full-text
-- document of a claim, used by the services when a claim or its statements/evidence
-- change, and by the benchmark's bulk load. Not compared by the drift test, which
-- covers tables, columns, indexes and constraints.

-- The text search configuration for a language tag: PostgreSQL's stemmer for its
-- primary language, or 'simple' (no stemming) when there is none.
CREATE FUNCTION claimtrail_search_config(language text) RETURNS regconfig
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (CASE split_part(lower(coalesce(language, '')), '-', 1)
    WHEN 'ar' THEN 'arabic' WHEN 'ca' THEN 'catalan' WHEN 'da' THEN 'danish' WHEN 'de' THEN 'german'
    WHEN 'el' THEN 'greek' WHEN 'en' THEN 'english' WHEN 'es' THEN 'spanish' WHEN 'eu' THEN 'basque'
    WHEN 'fi' THEN 'finnish' WHEN 'fr' THEN 'french' WHEN 'ga' THEN 'irish' WHEN 'hi' THEN 'hindi'
    WHEN 'hu' THEN 'hungarian' WHEN 'hy' THEN 'armenian' WHEN 'id' THEN 'indonesian' WHEN 'it' THEN 'italian'
    WHEN 'lt' THEN 'lithuanian' WHEN 'nb' THEN 'norwegian' WHEN 'ne' THEN 'nepali' WHEN 'nl' THEN 'dutch'
    WHEN 'no' THEN 'norwegian' WHEN 'pt' THEN 'portuguese' WHEN 'ro' THEN 'romanian' WHEN 'ru' THEN 'russian'
    WHEN 'sr' THEN 'serbian' WHEN 'sv' THEN 'swedish' WHEN 'ta' THEN 'tamil' WHEN 'tr' THEN 'turkish'
    WHEN 'yi' THEN 'yiddish'
    ELSE 'simple' END)::regconfig
$$;

-- A claim's search document: its wording (weight A), its live statements' quotes and
-- paraphrases (B) and its live evidence (C), each stemmed for the claim's language and
-- also unstemmed ('simple'), so that a query in another language still finds exact words.
-- Parts are joined with the marker word 'ctsep', so that a quoted phrase cannot match
-- the end of one part followed by the start of the next ('||' on tsvectors makes them adjacent).
CREATE FUNCTION claim_search_document(p_claim_id uuid) RETURNS tsvector
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector(l.cfg, c.text || ' ctsep'), 'A') || setweight(to_tsvector('simple', c.text || ' ctsep'), 'A')
      || setweight(to_tsvector(l.cfg, coalesce(st.body, '') || ' ctsep'), 'B')
      || setweight(to_tsvector('simple', coalesce(st.body, '') || ' ctsep'), 'B')
      || setweight(to_tsvector(l.cfg, coalesce(ev.body, '') || ' ctsep'), 'C')
      || setweight(to_tsvector('simple', coalesce(ev.body, '')), 'C')
  FROM claims c
  CROSS JOIN LATERAL (SELECT claimtrail_search_config(c.language) AS cfg) l
  LEFT JOIN LATERAL (
    SELECT string_agg(concat_ws(' ', s.quote, s.paraphrase), ' ctsep ') AS body
    FROM statements s WHERE s.claim_id = c.id AND s.retracted_at IS NULL
  ) st ON true
  LEFT JOIN LATERAL (
    SELECT string_agg(concat_ws(' ', e.summary, e.excerpt), ' ctsep ') AS body
    FROM evidence e WHERE e.claim_id = c.id AND e.retracted_at IS NULL
  ) ev ON true
  WHERE c.id = p_claim_id
$$;

-- Existing claims get their derived columns.
UPDATE claims c SET
  statement_count = x.n, support_count = x.support, oppose_count = x.oppose,
  dispute_score = LEAST(x.support, x.oppose), search_vector = claim_search_document(c.id)
FROM (
  SELECT cl.id,
         count(s.id) AS n,
         count(s.id) FILTER (WHERE s.stance IN ('ASSERTS', 'CONCEDES')) AS support,
         count(s.id) FILTER (WHERE s.stance IN ('DENIES', 'RETRACTS')) AS oppose
  FROM claims cl LEFT JOIN statements s ON s.claim_id = cl.id AND s.retracted_at IS NULL
  GROUP BY cl.id
) x
WHERE x.id = c.id;
