-- The hot writes as one statement each: recordStatement, addEvidence, addVerdict and
-- createClaim call one function, a single statement that is its own transaction (one round
-- trip instead of ten), with the rules, locks, audit events and webhook outbox rows of the
-- services (built from the functions of the previous migrations). A user error fails the
-- statement (claimtrail_user_error): nothing is written. Each function takes the parsed
-- input as JSON, its references normalized by the service, and ChangeLog's context, and it
-- returns the rows as the change log records them.
-- Prisma's migration runner splits scripts at every semicolon, even inside a quoted function
-- body, so the bodies are escaped strings with their semicolons written as \073.

-- Rows as the change log records them and the write functions return them (the Prisma
-- model's field names, times as JSON.stringify writes them, the search vector left out).
CREATE FUNCTION claimtrail_claim_json(c claims) RETURNS jsonb
LANGUAGE sql STABLE PARALLEL SAFE AS E'SELECT jsonb_build_object(''id'', c.id, ''text'', c.text, ''language'', c.language, ''topics'', to_jsonb(c.topics),
    ''status'', c.status, ''firstSeenAt'', claimtrail_json_time(c.first_seen_at),
    ''createdAt'', claimtrail_json_time(c.created_at), ''updatedAt'', claimtrail_json_time(c.updated_at),
    ''statementCount'', c.statement_count, ''supportCount'', c.support_count, ''opposeCount'', c.oppose_count,
    ''disputeScore'', c.dispute_score)';

CREATE FUNCTION claimtrail_statement_json(s statements) RETURNS jsonb
LANGUAGE sql STABLE PARALLEL SAFE AS E'SELECT jsonb_build_object(''id'', s.id, ''claimId'', s.claim_id, ''actorId'', s.actor_id, ''sourceId'', s.source_id,
    ''stance'', s.stance, ''quote'', s.quote, ''paraphrase'', s.paraphrase, ''language'', s.language,
    ''statedAt'', claimtrail_json_time(s.stated_at), ''retractedAt'', claimtrail_json_time(s.retracted_at),
    ''retractionReason'', s.retraction_reason, ''createdAt'', claimtrail_json_time(s.created_at),
    ''updatedAt'', claimtrail_json_time(s.updated_at))';

CREATE FUNCTION claimtrail_evidence_json(e evidence) RETURNS jsonb
LANGUAGE sql STABLE PARALLEL SAFE AS E'SELECT jsonb_build_object(''id'', e.id, ''claimId'', e.claim_id, ''direction'', e.direction, ''kind'', e.kind,
    ''summary'', e.summary, ''excerpt'', e.excerpt, ''sourceId'', e.source_id, ''actorId'', e.actor_id,
    ''observedAt'', claimtrail_json_time(e.observed_at), ''retractedAt'', claimtrail_json_time(e.retracted_at),
    ''retractionReason'', e.retraction_reason, ''createdAt'', claimtrail_json_time(e.created_at),
    ''updatedAt'', claimtrail_json_time(e.updated_at))';

CREATE FUNCTION claimtrail_verdict_json(v verdicts) RETURNS jsonb
LANGUAGE sql STABLE PARALLEL SAFE AS E'SELECT jsonb_build_object(''id'', v.id, ''claimId'', v.claim_id, ''reviewerId'', v.reviewer_id, ''rating'', v.rating,
    ''ratingValue'', v.rating_value, ''bestRating'', v.best_rating, ''worstRating'', v.worst_rating,
    ''conclusion'', v.conclusion, ''reviewedAt'', claimtrail_json_time(v.reviewed_at), ''url'', v.url,
    ''explanation'', v.explanation, ''language'', v.language, ''retractedAt'', claimtrail_json_time(v.retracted_at),
    ''retractionReason'', v.retraction_reason, ''createdAt'', claimtrail_json_time(v.created_at))';

-- Refreshes one claim's derived columns (claimtrail_refresh_derived) and returns it as JSON.
CREATE FUNCTION claimtrail_refreshed_claim_json(p_claim_id uuid, p_seen_at timestamptz) RETURNS jsonb
LANGUAGE plpgsql AS E'DECLARE
  refreshed jsonb\073
BEGIN
  SELECT claimtrail_claim_json(c) INTO refreshed
  FROM claimtrail_refresh_derived(ARRAY[p_claim_id], ARRAY[p_seen_at]) c\073
  RETURN refreshed\073
END';

-- A statement on a claim the caller has locked, by a resolved speaker in a resolved source,
-- with its chain (p_data.via, resolved on p_field.via) and its change record. The caller then
-- refreshes the claim. p_data: {stance, quote, paraphrase, language, statedAt, via}. Returns
-- the row with its hops, as recorded.
CREATE FUNCTION claimtrail_insert_statement(p_claim_id uuid, p_actor_id uuid, p_source_id uuid, p_data jsonb,
                                            p_field text, p_context jsonb) RETURNS jsonb
LANGUAGE plpgsql AS E'DECLARE
  hops jsonb\073
  inserted statements\073
  recorded jsonb\073
BEGIN
  hops := claimtrail_resolve_chain(p_actor_id, p_data->''via'', p_source_id, p_field || ''.via'', p_context)\073
  INSERT INTO statements (claim_id, actor_id, source_id, stance, quote, paraphrase, language, stated_at)
  VALUES (p_claim_id, p_actor_id, p_source_id, (p_data->>''stance'')::"Stance", p_data->>''quote'', p_data->>''paraphrase'',
          p_data->>''language'', (p_data->>''statedAt'')::timestamptz)
  RETURNING * INTO inserted\073
  PERFORM claimtrail_insert_hops(inserted.id, NULL, hops)\073
  recorded := claimtrail_statement_json(inserted) || jsonb_build_object(''hops'', hops)\073
  PERFORM claimtrail_record_changes(jsonb_build_array(jsonb_build_object(
    ''action'', ''CREATED'', ''entityType'', ''Statement'', ''entityId'', inserted.id, ''claimId'', p_claim_id,
    ''after'', recorded, ''event'', ''STATEMENT_RECORDED'')), p_context)\073
  RETURN recorded\073
END';

-- Writes a chain (claimtrail_chain_hops' hops) for a statement or an evidence item.
CREATE FUNCTION claimtrail_insert_hops(p_statement_id uuid, p_evidence_id uuid, p_hops jsonb) RETURNS void
LANGUAGE plpgsql AS E'BEGIN
  INSERT INTO attribution_hops (statement_id, evidence_id, position, relation, actor_id, source_id, note)
  SELECT p_statement_id, p_evidence_id, (h->>''position'')::int, (h->>''relation'')::"HopRelation",
         (h->>''actorId'')::uuid, (h->>''sourceId'')::uuid, h->>''note''
  FROM jsonb_array_elements(p_hops) AS h\073
END';

-- recordStatement. p_input: {claimId, actor, source, stance, quote, paraphrase, language,
-- statedAt, via}. Returns {statement, claim} (the statement without its hops).
CREATE FUNCTION claimtrail_record_statement(p_input jsonb, p_context jsonb) RETURNS jsonb
LANGUAGE plpgsql AS E'DECLARE
  claim uuid\073
  speaker actors\073
  recording sources\073
  statement jsonb\073
BEGIN
  claim := claimtrail_lock_claim((p_input->>''claimId'')::uuid, false, ''input.claimId'')\073
  speaker := claimtrail_resolve_actor(p_input->''actor'', ''input.actor'', p_context)\073
  recording := claimtrail_resolve_source(p_input->''source'', ''input.source'', p_context)\073
  statement := claimtrail_insert_statement(claim, speaker.id, recording.id, p_input, ''input'', p_context)\073
  RETURN jsonb_build_object(''statement'', statement - ''hops'',
                            ''claim'', claimtrail_refreshed_claim_json(claim, (p_input->>''statedAt'')::timestamptz))\073
END';

-- addEvidence. p_input: {claimId, source, actor, direction, kind, summary, excerpt,
-- observedAt, via}. The chain is written only with an actor (the speaker it starts from).
-- Returns {evidence, claim} (the item without its hops).
CREATE FUNCTION claimtrail_add_evidence(p_input jsonb, p_context jsonb) RETURNS jsonb
LANGUAGE plpgsql AS E'DECLARE
  claim uuid\073
  recording sources\073
  speaker actors\073
  inserted evidence\073
  hops jsonb := ''[]''\073
  recorded jsonb\073
BEGIN
  claim := claimtrail_lock_claim((p_input->>''claimId'')::uuid, false, ''input.claimId'')\073
  recording := claimtrail_resolve_source(p_input->''source'', ''input.source'', p_context)\073
  IF jsonb_typeof(p_input->''actor'') = ''object'' THEN
    speaker := claimtrail_resolve_actor(p_input->''actor'', ''input.actor'', p_context)\073
  END IF\073
  INSERT INTO evidence (claim_id, direction, kind, summary, excerpt, source_id, actor_id, observed_at)
  VALUES (claim, (p_input->>''direction'')::"EvidenceDirection", coalesce(p_input->>''kind'', ''OTHER'')::"EvidenceKind",
          p_input->>''summary'', p_input->>''excerpt'', recording.id, speaker.id, (p_input->>''observedAt'')::timestamptz)
  RETURNING * INTO inserted\073
  IF speaker.id IS NOT NULL THEN
    hops := claimtrail_resolve_chain(speaker.id, p_input->''via'', recording.id, ''input.via'', p_context)\073
    PERFORM claimtrail_insert_hops(NULL, inserted.id, hops)\073
  END IF\073
  recorded := claimtrail_evidence_json(inserted) || jsonb_build_object(''hops'', hops)\073
  PERFORM claimtrail_record_changes(jsonb_build_array(jsonb_build_object(
    ''action'', ''CREATED'', ''entityType'', ''Evidence'', ''entityId'', inserted.id, ''claimId'', claim,
    ''after'', recorded, ''event'', ''CLAIM_UPDATED'')), p_context)\073
  RETURN jsonb_build_object(''evidence'', recorded - ''hops'', ''claim'', claimtrail_refreshed_claim_json(claim, NULL))\073
END';

-- A verdict on a claim the caller has locked, by a resolved reviewer, and its change record.
-- The caller then refreshes the claim. p_row: verdictFields' output (the conclusion already read
-- off the rating, the URL canonical). Returns the row, as recorded.
CREATE FUNCTION claimtrail_insert_verdict(p_claim_id uuid, p_reviewer_id uuid, p_row jsonb, p_context jsonb)
RETURNS jsonb
LANGUAGE plpgsql AS E'DECLARE
  inserted verdicts\073
  recorded jsonb\073
BEGIN
  INSERT INTO verdicts (claim_id, reviewer_id, rating, rating_value, best_rating, worst_rating, conclusion, reviewed_at,
                        url, explanation, language)
  VALUES (p_claim_id, p_reviewer_id, p_row->>''rating'', (p_row->>''ratingValue'')::int, (p_row->>''bestRating'')::int,
          (p_row->>''worstRating'')::int, (p_row->>''conclusion'')::"ClaimStatus", (p_row->>''reviewedAt'')::timestamptz,
          p_row->>''url'', p_row->>''explanation'', p_row->>''language'')
  RETURNING * INTO inserted\073
  recorded := claimtrail_verdict_json(inserted)\073
  PERFORM claimtrail_record_changes(jsonb_build_array(jsonb_build_object(
    ''action'', ''CREATED'', ''entityType'', ''Verdict'', ''entityId'', inserted.id, ''claimId'', p_claim_id,
    ''after'', recorded, ''event'', ''VERDICT_PUBLISHED'')), p_context)\073
  RETURN recorded\073
END';

-- addVerdict. p_input: {claimId, reviewer, verdict (as claimtrail_insert_verdict's p_row)}.
-- Returns {verdict, claim}.
CREATE FUNCTION claimtrail_add_verdict(p_input jsonb, p_context jsonb) RETURNS jsonb
LANGUAGE plpgsql AS E'DECLARE
  claim uuid\073
  reviewer actors\073
  verdict jsonb\073
BEGIN
  claim := claimtrail_lock_claim((p_input->>''claimId'')::uuid, false, ''input.claimId'')\073
  reviewer := claimtrail_resolve_actor(p_input->''reviewer'', ''input.reviewer'', p_context)\073
  verdict := claimtrail_insert_verdict(claim, reviewer.id, p_input->''verdict'', p_context)\073
  RETURN jsonb_build_object(''verdict'', verdict, ''claim'', claimtrail_refreshed_claim_json(claim, NULL))\073
END';

-- Claims worded much like p_text (pg_trgm similarity of at least p_threshold), the most
-- similar first, then the best ranked for p_text in p_language, at most p_limit.
CREATE FUNCTION claimtrail_similar_claims(p_text text, p_language text, p_threshold real, p_limit int)
RETURNS TABLE (id uuid, similarity float8, rank bigint)
LANGUAGE plpgsql AS E'#variable_conflict use_column
BEGIN
  -- The threshold of the % operator (its trigram index finds the candidates), for the
  -- rest of the transaction.
  PERFORM set_config(''pg_trgm.similarity_threshold'', p_threshold::text, true)\073
  RETURN QUERY
    SELECT m.id, m.similarity, row_number() OVER (ORDER BY m.similarity DESC, m.text_rank DESC, m.id)
    FROM (SELECT c.id, similarity(c.text, p_text)::float8 AS similarity,
                 ts_rank(c.search_vector, plainto_tsquery(claimtrail_search_config(p_language), p_text)) AS text_rank
          FROM claims c WHERE c.text % p_text) m
    ORDER BY 3 LIMIT p_limit\073
END';

-- A new claim (p_row: {text, language, topics, firstSeenAt}) with its derived columns and
-- its change record. Returns it as recorded.
CREATE FUNCTION claimtrail_insert_claim(p_row jsonb, p_context jsonb) RETURNS jsonb
LANGUAGE plpgsql AS E'DECLARE
  created uuid\073
  recorded jsonb\073
BEGIN
  INSERT INTO claims (text, language, topics, first_seen_at)
  VALUES (p_row->>''text'', p_row->>''language'',
          ARRAY(SELECT t.topic FROM jsonb_array_elements_text(p_row->''topics'') WITH ORDINALITY AS t(topic, n) ORDER BY t.n),
          coalesce((p_row->>''firstSeenAt'')::timestamptz, now()))
  RETURNING id INTO created\073
  recorded := claimtrail_refreshed_claim_json(created, NULL)\073
  PERFORM claimtrail_record_changes(jsonb_build_array(jsonb_build_object(
    ''action'', ''CREATED'', ''entityType'', ''Claim'', ''entityId'', created, ''claimId'', created,
    ''after'', recorded, ''event'', ''CLAIM_CREATED'')), p_context)\073
  RETURN recorded\073
END';

-- createClaim: the claims worded much like the new one, looked up before it exists, and the
-- new claim. p_input: {claim (as claimtrail_insert_claim's p_row), duplicateThreshold,
-- duplicateLimit}. Returns {claim, possibleDuplicates: [{claim, similarity}]}.
CREATE FUNCTION claimtrail_create_claim(p_input jsonb, p_context jsonb) RETURNS jsonb
LANGUAGE plpgsql AS E'DECLARE
  duplicates jsonb\073
BEGIN
  duplicates := (
    SELECT coalesce(jsonb_agg(jsonb_build_object(''claim'', claimtrail_claim_json(c), ''similarity'', s.similarity)
                              ORDER BY s.rank), ''[]'')
    FROM claimtrail_similar_claims(p_input->''claim''->>''text'', p_input->''claim''->>''language'',
                                   (p_input->>''duplicateThreshold'')::real, (p_input->>''duplicateLimit'')::int) s
    JOIN claims c ON c.id = s.id)\073
  RETURN jsonb_build_object(''claim'', claimtrail_insert_claim(p_input->''claim'', p_context), ''possibleDuplicates'', duplicates)\073
END';
