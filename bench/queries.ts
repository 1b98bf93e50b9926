// The workload's queries (shared/bench/WORKLOAD.md) as GraphQL requests, and the same
// answers as one hand-written SQL statement each (the raw-SQL ceiling, run by pgbench).

export const SEARCH_TERMS = [
  "arms russia",
  "drones iran",
  "oil sanctions",
  "vaccines",
  "election bots",
  "china microchips",
  "grain ukraine",
  "missiles",
  "gold venezuela",
  "shell companies",
];

export const Q1 = `query ClaimPage($id: ID!) { claim(id: $id) {
  text status
  statements { stance quote actor { name kind } source { url title publishedAt publisher { name } } }
  evidence { kind summary direction source { url } }
  verdicts { rating reviewedAt }
} }`;

export const Q2 = `query Dashboard { claims(first: 50, filter: { status: [DISPUTED] }, orderBy: { field: UPDATED_AT, direction: DESC }) {
  nodes { id text updatedAt statements { stance actor { name } } latestVerdict { rating reviewedAt } }
} }`;

export const Q3 = `query Search($q: String!) { searchClaims(query: $q, first: 20) { nodes { id text status } } }`;

export const M1 = `mutation Record($input: RecordStatementInput!) {
  recordStatement(input: $input) { statement { id } userErrors { code } }
}`;

/** Raw SQL, one statement per request: `:n` picks one of the 1,000 claim ids, `:t` a search term. */
export const RAW_Q1 = `\\set n random(1, 1000)
SELECT json_build_object('text', c.text, 'status', c.status,
  'statements', (SELECT coalesce(json_agg(json_build_object('stance', s.stance, 'quote', s.quote,
      'actor', json_build_object('name', a.name, 'kind', a.kind),
      'source', json_build_object('url', so.url, 'title', so.title, 'publishedAt', so.published_at,
                                  'publisher', json_build_object('name', p.name))) ORDER BY s.created_at, s.id), '[]')
    FROM statements s JOIN actors a ON a.id = s.actor_id JOIN sources so ON so.id = s.source_id
    LEFT JOIN actors p ON p.id = so.publisher_id
    WHERE s.claim_id = c.id AND s.retracted_at IS NULL),
  'evidence', (SELECT coalesce(json_agg(json_build_object('kind', e.kind, 'summary', e.summary, 'direction', e.direction,
      'source', json_build_object('url', es.url)) ORDER BY e.created_at, e.id), '[]')
    FROM evidence e JOIN sources es ON es.id = e.source_id WHERE e.claim_id = c.id AND e.retracted_at IS NULL),
  'verdicts', (SELECT coalesce(json_agg(json_build_object('rating', v.rating, 'reviewedAt', v.reviewed_at)
      ORDER BY v.reviewed_at DESC), '[]') FROM verdicts v WHERE v.claim_id = c.id AND v.retracted_at IS NULL))
FROM claims c WHERE c.id = (SELECT id FROM bench_claim_ids WHERE n = :n);
`;

export const RAW_Q2 = `SELECT json_agg(x) FROM (
  SELECT c.id, c.text, c.updated_at,
    (SELECT json_agg(json_build_object('stance', s.stance, 'actor', json_build_object('name', a.name)) ORDER BY s.created_at, s.id)
       FROM statements s JOIN actors a ON a.id = s.actor_id WHERE s.claim_id = c.id AND s.retracted_at IS NULL) AS statements,
    (SELECT json_build_object('rating', v.rating, 'reviewedAt', v.reviewed_at) FROM verdicts v
       WHERE v.claim_id = c.id AND v.retracted_at IS NULL ORDER BY v.reviewed_at DESC, v.created_at DESC LIMIT 1) AS latest
  FROM claims c WHERE c.status = 'DISPUTED' ORDER BY c.updated_at DESC, c.id DESC LIMIT 50) x;
`;

export const RAW_Q3 = `\\set t random(1, 10)
WITH q AS MATERIALIZED (
  SELECT websearch_to_tsquery('english', term) || websearch_to_tsquery('simple', term) AS q FROM bench_terms WHERE n = :t),
page AS MATERIALIZED (
  SELECT c.id, ts_rank(c.search_vector, (SELECT q FROM q)) AS rank FROM claims c
  WHERE c.search_vector @@ (SELECT q FROM q) ORDER BY rank DESC, c.id LIMIT 20)
SELECT json_agg(json_build_object('id', c.id, 'text', c.text, 'status', c.status) ORDER BY page.rank DESC, c.id)
FROM page JOIN claims c ON c.id = page.id;
`;
