-- A claim's write rules in SQL, one definition for the services (src/modules/claim/) and the
-- write functions of the next migrations: the claim's lock (following a merge), and the
-- derived columns (the status rule, the counts, the dispute score, the search document).
-- Prisma's migration runner splits scripts at every semicolon, even inside a quoted function
-- body, so the bodies are escaped strings with their semicolons written as \073.

-- Takes the claim's row lock for the rest of the transaction, so that concurrent writes to
-- one claim (and its status) are serialized: UPDATE's lock without writing the row (for a
-- write that ends in claimtrail_refresh_derived, which marks the claim updated), or, with
-- p_touch, marking the claim updated. Returns the ID written to, which is the surviving
-- claim's when the claim was merged away (a write racing a merge lands on the merged
-- result). No such claim: NOT_FOUND on p_field.
CREATE FUNCTION claimtrail_lock_claim(p_claim_id uuid, p_touch boolean, p_field text) RETURNS uuid
LANGUAGE plpgsql AS E'DECLARE
  candidate uuid := p_claim_id\073
  locked uuid\073
BEGIN
  FOR attempt IN 1..2 LOOP
    IF p_touch THEN
      UPDATE claims SET updated_at = now() WHERE id = candidate RETURNING id INTO locked\073
    ELSE
      SELECT id INTO locked FROM claims WHERE id = candidate FOR NO KEY UPDATE\073
    END IF\073
    IF locked IS NOT NULL THEN
      RETURN locked\073
    END IF\073
    -- Read after the lock was waited for: a merge that deleted the row has committed.
    SELECT into_claim_id INTO candidate FROM claim_merges WHERE merged_claim_id = p_claim_id\073
    EXIT WHEN candidate IS NULL\073
  END LOOP\073
  PERFORM claimtrail_user_error(p_field, ''No claim has this ID.'', ''NOT_FOUND'')\073
END';

-- The status rule (documented on ClaimStatus in schema.graphql) and the claim's counts, from
-- the conclusion of its latest live verdict and the stances of its live statements: the
-- verdict's conclusion, else DISPUTED when some statement supports it (ASSERTS, CONCEDES) and
-- some opposes it (DENIES, RETRACTS), else UNVERIFIED. The dispute score is the smaller side.
-- Bulk import applies the same rule to the claims it creates (deriveClaimStatus and
-- tallyStances in src/modules/claim/claim-status.ts), and tests/write-functions.test.ts compares
-- the two over every input.
CREATE FUNCTION claimtrail_derived_of(p_latest_verdict "ClaimStatus", p_stances "Stance"[])
RETURNS TABLE (status "ClaimStatus", statement_count int, support_count int, oppose_count int, dispute_score int)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS E'SELECT coalesce(p_latest_verdict,
                  CASE WHEN t.support > 0 AND t.oppose > 0 THEN ''DISPUTED'' ELSE ''UNVERIFIED'' END::"ClaimStatus"),
         t.total, t.support, t.oppose, least(t.support, t.oppose)
  FROM (SELECT count(*)::int AS total,
               (count(*) FILTER (WHERE s IN (''ASSERTS'', ''CONCEDES'')))::int AS support,
               (count(*) FILTER (WHERE s IN (''DENIES'', ''RETRACTS'')))::int AS oppose
        FROM unnest(p_stances) AS s) t';

-- Re-applies the status rule and recomputes the derived columns of claims (counts, dispute
-- score, search document) after a change to them or to what bears on them, moves
-- first_seen_at back to the paired p_seen_at when that is earlier, marks them updated and
-- returns them. One claim at a time: each UPDATE's plan is one index lookup, cached for the
-- connection, whether a write refreshes its claim or a bulk import a thousand.
CREATE FUNCTION claimtrail_refresh_derived(p_claim_ids uuid[], p_seen_ats timestamptz[]) RETURNS SETOF claims
LANGUAGE plpgsql AS E'DECLARE
  claim uuid\073
  seen_at timestamptz\073
BEGIN
  FOR i IN 1..coalesce(cardinality(p_claim_ids), 0) LOOP
    claim := p_claim_ids[i]\073
    seen_at := p_seen_ats[i]\073
    RETURN QUERY
    UPDATE claims c SET
      updated_at = now(), status = d.status, statement_count = d.statement_count, support_count = d.support_count,
      oppose_count = d.oppose_count, dispute_score = d.dispute_score,
      first_seen_at = least(c.first_seen_at, coalesce(seen_at, c.first_seen_at)),
      search_vector = claim_search_document(c.id)
    FROM claimtrail_derived_of(
      (SELECT v.conclusion FROM verdicts v
       WHERE v.claim_id = claim AND v.retracted_at IS NULL
       ORDER BY v.reviewed_at DESC, v.created_at DESC, v.id DESC LIMIT 1),
      ARRAY(SELECT s.stance FROM statements s WHERE s.claim_id = claim AND s.retracted_at IS NULL)) d
    WHERE c.id = claim
    RETURNING c.*\073
  END LOOP\073
END';
