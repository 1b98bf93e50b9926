-- claim_search_document, the same document, in PL/pgSQL instead of SQL: PostgreSQL 15 plans
-- a non-inlined SQL function's query afresh on every call, and caches a PL/pgSQL one's plan
-- per connection (1.7 times the calls per second under pgbench). It runs in every write
-- to a claim's statements or evidence.
-- Prisma's migration runner splits scripts at every semicolon, even inside a quoted
-- function body, so the body is an escaped string with its semicolon written as \073.
CREATE OR REPLACE FUNCTION claim_search_document(p_claim_id uuid) RETURNS tsvector
LANGUAGE plpgsql STABLE PARALLEL SAFE AS E'BEGIN RETURN (
  SELECT setweight(to_tsvector(l.cfg, c.text || '' ctsep''), ''A'') || setweight(to_tsvector(''simple'', c.text || '' ctsep''), ''A'')
      || setweight(to_tsvector(l.cfg, coalesce(st.body, '''') || '' ctsep''), ''B'')
      || setweight(to_tsvector(''simple'', coalesce(st.body, '''') || '' ctsep''), ''B'')
      || setweight(to_tsvector(l.cfg, coalesce(ev.body, '''') || '' ctsep''), ''C'')
      || setweight(to_tsvector(''simple'', coalesce(ev.body, '''')), ''C'')
  FROM claims c
  CROSS JOIN LATERAL (SELECT claimtrail_search_config(c.language) AS cfg) l
  LEFT JOIN LATERAL (
    SELECT string_agg(concat_ws('' '', s.quote, s.paraphrase), '' ctsep '') AS body
    FROM statements s WHERE s.claim_id = c.id AND s.retracted_at IS NULL
  ) st ON true
  LEFT JOIN LATERAL (
    SELECT string_agg(concat_ws('' '', e.summary, e.excerpt), '' ctsep '') AS body
    FROM evidence e WHERE e.claim_id = c.id AND e.retracted_at IS NULL
  ) ev ON true
  WHERE c.id = p_claim_id)\073 END';
