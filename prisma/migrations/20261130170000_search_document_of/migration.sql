-- The search document as a function of its parts, so that a write which has the parts at
-- hand (bulk import inserting a batch of new claims with their statements and evidence)
-- computes it in the INSERT, instead of inserting the claim and then updating it (every
-- index of claims written twice). claim_search_document(id) reads the parts and calls it:
-- one definition of the document.
-- p_statements: the live statements' `quote paraphrase`, joined by ' ctsep ' (NULL: none);
-- p_evidence: the live evidence items' `summary excerpt`, likewise.
-- Prisma's migration runner splits scripts at every semicolon, even inside a quoted
-- function body, so the bodies are escaped strings with their semicolons written as \073.
CREATE FUNCTION claim_search_document_of(p_text text, p_language text, p_statements text, p_evidence text)
RETURNS tsvector LANGUAGE plpgsql STABLE PARALLEL SAFE AS E'DECLARE cfg regconfig := claimtrail_search_config(p_language)\073
BEGIN RETURN
  setweight(to_tsvector(cfg, p_text || '' ctsep''), ''A'') || setweight(to_tsvector(''simple'', p_text || '' ctsep''), ''A'')
  || setweight(to_tsvector(cfg, coalesce(p_statements, '''') || '' ctsep''), ''B'')
  || setweight(to_tsvector(''simple'', coalesce(p_statements, '''') || '' ctsep''), ''B'')
  || setweight(to_tsvector(cfg, coalesce(p_evidence, '''') || '' ctsep''), ''C'')
  || setweight(to_tsvector(''simple'', coalesce(p_evidence, '''')), ''C'')\073 END';

CREATE OR REPLACE FUNCTION claim_search_document(p_claim_id uuid) RETURNS tsvector
LANGUAGE plpgsql STABLE PARALLEL SAFE AS E'BEGIN RETURN (
  SELECT claim_search_document_of(c.text, c.language, st.body, ev.body)
  FROM claims c
  LEFT JOIN LATERAL (
    SELECT string_agg(concat_ws('' '', s.quote, s.paraphrase), '' ctsep '') AS body
    FROM statements s WHERE s.claim_id = c.id AND s.retracted_at IS NULL
  ) st ON true
  LEFT JOIN LATERAL (
    SELECT string_agg(concat_ws('' '', e.summary, e.excerpt), '' ctsep '') AS body
    FROM evidence e WHERE e.claim_id = c.id AND e.retracted_at IS NULL
  ) ev ON true
  WHERE c.id = p_claim_id)\073 END';
