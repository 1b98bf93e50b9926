// The standard benchmark data set of shared/bench/WORKLOAD.md, built in SQL inside
// PostgreSQL (set-based, deterministic: every "random" choice is a hash of row numbers),
// so 100,000 claims and their statements, evidence and verdicts load in seconds.
export const SIZES = {
  publishers: 300,
  sources: 60_000,
  actors: 5_000,
  factCheckers: 20,
  claims: 100_000,
} as const;

/** The topic words of the workload's search terms, planted in some claims. */
const TOPIC_PHRASES = [
  "arms shipments to russia",
  "drones from iran",
  "oil sanctions evasion",
  "vaccines safety",
  "election bots campaign",
  "china microchips exports",
  "grain exports from ukraine",
  "missiles launched",
  "gold from venezuela",
  "shell companies network",
];

const COMMON_WORDS = `the a of to in and for on with by from about says said report reports claims claim government
minister officials army military police court company companies bank banks market prices energy gas oil water food
health hospital doctors vaccine vaccines virus study studies data record records million billion percent year years
month week day people children women men workers farmers students city cities region country countries border
president prime party parties vote votes voters election elections campaign law laws plan plans deal deals trade
exports imports tax taxes budget debt crisis war peace talks summit treaty sanctions attack attacks strike troops
weapons arms missiles drones ships aircraft satellite images video photo posted online social media network
accounts bots fake false true misleading secret leaked documents investigation evidence experts analysts
scientists researchers climate heat flood drought fire storm emissions coal solar wind nuclear power plant grid
chips microchips factory factories gold silver mine mines grain wheat corn fertilizer port ports shipping
smuggling fraud corruption money laundering shell offshore funds aid loans`.split(/\s+/);

/** Distinct generated sentences that statements, evidence, titles and names draw from. */
const POOL = 50_000;

const SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "ba", "do", "fi", "gu", "ha", "je", "ko"];
/** Real words plus three-syllable made-up ones: a few thousand in all. */
const VOCABULARY = COMMON_WORDS.length + SYLLABLES.length ** 3;

/** The data set, step by step (each a single SQL statement, so progress is honest). */
export function datasetSteps(): { label: string; sql: string; params?: unknown[] }[] {
  const { publishers, sources, actors, factCheckers, claims } = SIZES;
  return [
    // The rows are consistent by construction: skip foreign-key triggers while loading.
    { label: "bulk-load mode", sql: `SET session_replication_role = replica` },
    { label: "bulk-load mode", sql: `SET maintenance_work_mem = '256MB'` },
    // Secondary indexes are built once after the load (a sort), not row by row while loading:
    // their definitions are kept, the indexes dropped, and rebuilt from the definitions at the end.
    {
      label: "bulk-load mode: secondary indexes off",
      sql: `CREATE TABLE bench_saved_indexes AS
              SELECT ci.relname AS indexname, pg_get_indexdef(x.indexrelid) AS indexdef
              FROM pg_index x JOIN pg_class ci ON ci.oid = x.indexrelid JOIN pg_class ct ON ct.oid = x.indrelid
              JOIN pg_namespace n ON n.oid = ct.relnamespace
              WHERE n.nspname = 'public' AND NOT x.indisunique AND NOT x.indisprimary
                AND ct.relname IN ('actors', 'sources', 'claims', 'statements', 'attribution_hops', 'evidence', 'verdicts')`,
    },
    {
      label: "bulk-load mode: secondary indexes off",
      sql: `DO $$ DECLARE r record; BEGIN
              FOR r IN SELECT indexname FROM bench_saved_indexes LOOP EXECUTE format('DROP INDEX %I', r.indexname); END LOOP;
            END $$`,
    },
    {
      label: "helpers",
      sql: `CREATE FUNCTION bench_h(a bigint, b bigint) RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
              $$ SELECT ('x' || substr(md5(a::text || ':' || b::text), 1, 12))::bit(48)::bigint $$`,
    },
    {
      label: "helpers",
      sql: `CREATE FUNCTION bench_uuid(kind int, i bigint) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
              $$ SELECT md5(kind::text || ':' || i::text)::uuid $$`,
    },
    {
      label: "vocabulary",
      sql: `CREATE TABLE bench_words AS
              SELECT (row_number() OVER () - 1)::bigint AS n, w FROM (
                SELECT unnest($1::text[]) AS w
                UNION ALL
                SELECT a || b || c FROM unnest($2::text[]) a, unnest($2::text[]) b, unnest($2::text[]) c
              ) v`,
      params: [COMMON_WORDS, SYLLABLES],
    },
    {
      label: `a pool of ${POOL} sentences (quotes, summaries, titles, names)`,
      sql: `CREATE TABLE bench_sentences AS
              SELECT i AS n, string_agg(w.w, ' ' ORDER BY k) AS text
              FROM generate_series(0, ${POOL - 1}) i
              CROSS JOIN LATERAL generate_series(1, 2 + (bench_h(i, 0) % 12)::int) k
              JOIN bench_words w ON w.n = bench_h(i, k) % ${VOCABULARY}
              GROUP BY i`,
    },
    { label: "sentence pool index", sql: `CREATE UNIQUE INDEX bench_sentences_n ON bench_sentences (n)` },
    {
      label: `${publishers} publishers, ${factCheckers} fact-checkers, ${actors} actors`,
      sql: `INSERT INTO actors (id, name, name_key, kind, description, updated_at)
            SELECT bench_uuid(1, i), name, lower(name), kind::"ActorKind", 'Benchmark actor', now() FROM (
              SELECT i,
                CASE WHEN i <= ${publishers} THEN 'Outlet ' || i
                     WHEN i <= ${publishers + factCheckers} THEN 'Fact Checker ' || i
                     ELSE initcap(split_part(p.text, ' ', 1)) || ' ' || i END AS name,
                CASE WHEN i <= ${publishers} THEN 'MEDIA_OUTLET'
                     WHEN i <= ${publishers + factCheckers} THEN 'FACT_CHECKER'
                     WHEN i % 5 = 0 THEN 'ORGANIZATION' WHEN i % 11 = 0 THEN 'STATE' ELSE 'PERSON' END AS kind
              FROM generate_series(1, ${publishers + factCheckers + actors}) i
              JOIN bench_sentences p ON p.n = bench_h(i, 90) % ${POOL}
            ) a`,
    },
    {
      label: `${sources} sources`,
      sql: `INSERT INTO sources (id, url, source_key, title, kind, publisher_id, published_at, updated_at)
            SELECT bench_uuid(2, i), url, 'url:' || url, initcap(p.text), 'NEWS_ARTICLE',
                   bench_uuid(1, 1 + bench_h(i, 1) % ${publishers}),
                   timestamptz '2023-01-01' + (bench_h(i, 2) % (730 * 24)) * interval '1 hour', now()
            FROM (SELECT i, 'https://outlet' || (1 + bench_h(i, 1) % ${publishers}) || '.example/news/' || i AS url
                  FROM generate_series(1, ${sources}) i) s
            JOIN bench_sentences p ON p.n = bench_h(i, 91) % ${POOL}`,
    },
    {
      label: `${claims} claims`,
      sql: `INSERT INTO claims (id, text, language, topics, first_seen_at, created_at, updated_at)
            SELECT bench_uuid(3, i),
                   initcap(w.body)
                     || CASE WHEN bench_h(i, 3) % 4 = 0 THEN ' ' || ($1::text[])[1 + bench_h(i, 4) % 10] ELSE '' END,
                   'en',
                   CASE WHEN bench_h(i, 3) % 4 = 0 THEN ARRAY[replace(($1::text[])[1 + bench_h(i, 4) % 10], ' ', '-')]
                        ELSE ARRAY[]::text[] END,
                   t, t, t + (bench_h(i, 6) % 2000) * interval '1 hour'
            FROM (SELECT i, timestamptz '2023-01-01' + (bench_h(i, 5) % (700 * 24)) * interval '1 hour' AS t
                  FROM generate_series(1, ${claims}) i) c
            JOIN (SELECT i AS n, string_agg(w.w, ' ' ORDER BY k) AS body
                  FROM generate_series(1, ${claims}) i
                  CROSS JOIN LATERAL generate_series(1, 6 + (bench_h(i, 1) % 8)::int) k
                  JOIN bench_words w ON w.n = bench_h(i * 13, k) % ${VOCABULARY}
                  GROUP BY i) w ON w.n = c.i`,
      params: [TOPIC_PHRASES],
    },
    {
      label: "statements (1-5 per claim)",
      sql: `INSERT INTO statements (id, claim_id, actor_id, source_id, stance, quote, paraphrase, stated_at, created_at, updated_at)
            SELECT bench_uuid(4, i * 8 + k), bench_uuid(3, i),
                   bench_uuid(1, ${publishers + factCheckers} + 1 + bench_h(i, 10 + k) % ${actors}),
                   bench_uuid(2, 1 + bench_h(i, 20 + k) % ${sources}),
                   (CASE WHEN bench_h(i, 30 + k) % 10 < 6 THEN 'ASSERTS' WHEN bench_h(i, 30 + k) % 10 < 9 THEN 'DENIES'
                         ELSE 'QUESTIONS' END)::"Stance",
                   CASE WHEN bench_h(i, 40 + k) % 3 > 0 THEN p.text END,
                   CASE WHEN bench_h(i, 40 + k) % 3 = 0 THEN p.text END,
                   timestamptz '2023-01-01' + (bench_h(i, 50 + k) % (700 * 24)) * interval '1 hour',
                   now() - (bench_h(i, 60 + k) % 100000) * interval '1 second', now()
            FROM generate_series(1, ${claims}) i
            CROSS JOIN LATERAL generate_series(1, 1 + (bench_h(i, 7) % 5)::int) k
            JOIN bench_sentences p ON p.n = bench_h(i, 40 + k) % ${POOL}`,
    },
    {
      label: "attribution chains (speaker, then the source's publisher)",
      sql: `INSERT INTO attribution_hops (id, statement_id, position, relation, actor_id, source_id)
            SELECT gen_random_uuid(), s.id, hop.position, hop.relation::"HopRelation", hop.actor_id, hop.source_id
            FROM statements s JOIN sources so ON so.id = s.source_id
            CROSS JOIN LATERAL (VALUES (0, 'SPOKE', s.actor_id, NULL::uuid),
                                       (1, 'REPORTED_BY', so.publisher_id, s.source_id)) hop(position, relation, actor_id, source_id)`,
    },
    {
      label: "evidence (0-4 per claim)",
      sql: `INSERT INTO evidence (id, claim_id, direction, kind, summary, source_id, created_at, updated_at)
            SELECT bench_uuid(5, i * 8 + k), bench_uuid(3, i),
                   (CASE bench_h(i, 70 + k) % 3 WHEN 0 THEN 'SUPPORTS' WHEN 1 THEN 'CONTRADICTS' ELSE 'CONTEXT' END)::"EvidenceDirection",
                   (CASE bench_h(i, 71 + k) % 4 WHEN 0 THEN 'DOCUMENT' WHEN 1 THEN 'DATA' WHEN 2 THEN 'MEDIA_REPORT' ELSE 'EXPERT_ANALYSIS' END)::"EvidenceKind",
                   p.text, bench_uuid(2, 1 + bench_h(i, 72 + k) % ${sources}),
                   now() - (bench_h(i, 73 + k) % 100000) * interval '1 second', now()
            FROM generate_series(1, ${claims}) i
            CROSS JOIN LATERAL generate_series(1, (bench_h(i, 8) % 5)::int) k
            JOIN bench_sentences p ON p.n = bench_h(i, 74 + k) % ${POOL}`,
    },
    {
      label: "verdicts (30% of claims, some twice)",
      sql: `INSERT INTO verdicts (id, claim_id, reviewer_id, rating, rating_value, best_rating, worst_rating, conclusion, reviewed_at, url)
            SELECT bench_uuid(6, i * 4 + k), bench_uuid(3, i),
                   bench_uuid(1, ${publishers} + 1 + bench_h(i, 80 + k) % ${factCheckers}),
                   (ARRAY['False', 'Mostly false', 'Half true', 'Mostly true', 'True'])[v], v, 5, 1,
                   (CASE WHEN v <= 2 THEN 'REFUTED' WHEN v = 3 THEN 'MIXED' ELSE 'SUPPORTED' END)::"ClaimStatus",
                   timestamptz '2024-01-01' + (bench_h(i, 82 + k) % (300 * 24)) * interval '1 hour',
                   'https://factcheck.example/review/' || i || '-' || k
            FROM generate_series(1, ${claims}) i
            CROSS JOIN LATERAL generate_series(1, CASE WHEN bench_h(i, 9) % 10 = 0 THEN 2 ELSE 1 END) k
            CROSS JOIN LATERAL (SELECT 1 + (bench_h(i, 81 + k) % 5)::int AS v) r
            WHERE bench_h(i, 11) % 10 < 3`,
    },
    {
      label: "derived columns: counts, dispute score, status",
      sql: `UPDATE claims c SET statement_count = x.n, support_count = x.support, oppose_count = x.oppose,
                   dispute_score = LEAST(x.support, x.oppose),
                   status = coalesce(x.verdict, CASE WHEN x.support > 0 AND x.oppose > 0 THEN 'DISPUTED' ELSE 'UNVERIFIED' END::"ClaimStatus")
            FROM (
              SELECT cl.id,
                     count(s.id) AS n,
                     count(s.id) FILTER (WHERE s.stance IN ('ASSERTS', 'CONCEDES')) AS support,
                     count(s.id) FILTER (WHERE s.stance IN ('DENIES', 'RETRACTS')) AS oppose,
                     min(lv.conclusion::text)::"ClaimStatus" AS verdict
              FROM claims cl LEFT JOIN statements s ON s.claim_id = cl.id AND s.retracted_at IS NULL
              LEFT JOIN (SELECT DISTINCT ON (claim_id) claim_id, conclusion FROM verdicts WHERE retracted_at IS NULL
                         ORDER BY claim_id, reviewed_at DESC, created_at DESC, id DESC) lv ON lv.claim_id = cl.id
              GROUP BY cl.id
            ) x WHERE x.id = c.id`,
    },
    {
      label: "search documents",
      // The same document as claim_search_document() (migration 20261126150000), set-based.
      sql: `UPDATE claims c SET search_vector =
                 setweight(to_tsvector('english', c.text || ' ctsep'), 'A') || setweight(to_tsvector('simple', c.text || ' ctsep'), 'A')
              || setweight(to_tsvector('english', coalesce(st.body, '') || ' ctsep'), 'B')
              || setweight(to_tsvector('simple', coalesce(st.body, '') || ' ctsep'), 'B')
              || setweight(to_tsvector('english', coalesce(ev.body, '') || ' ctsep'), 'C')
              || setweight(to_tsvector('simple', coalesce(ev.body, '')), 'C')
            FROM claims c2
            LEFT JOIN (SELECT claim_id, string_agg(concat_ws(' ', quote, paraphrase), ' ctsep ') AS body
                       FROM statements GROUP BY claim_id) st ON st.claim_id = c2.id
            LEFT JOIN (SELECT claim_id, string_agg(concat_ws(' ', summary, excerpt), ' ctsep ') AS body
                       FROM evidence GROUP BY claim_id) ev ON ev.claim_id = c2.id
            WHERE c2.id = c.id`,
    },
    {
      label: "secondary indexes",
      sql: `DO $$ DECLARE r record; BEGIN
              FOR r IN SELECT indexdef FROM bench_saved_indexes LOOP EXECUTE r.indexdef; END LOOP;
            END $$`,
    },
    { label: "cleanup", sql: `DROP TABLE bench_sentences, bench_words, bench_saved_indexes` },
    { label: "cleanup", sql: `DROP FUNCTION bench_h(bigint, bigint)` },
    { label: "cleanup", sql: `DROP FUNCTION bench_uuid(int, bigint)` },
    { label: "analyze", sql: `SET session_replication_role = DEFAULT` },
    { label: "analyze", sql: `ANALYZE` },
  ];
}
