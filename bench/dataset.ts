// The standard benchmark data set of shared/bench/WORKLOAD.md: the very rows PostGraphile
// is measured on. The workload's own deterministic generator (bench/workload/seed.sql, a
// copy of shared/bench/peer/seed.sql, with its schema and fingerprint) is run by psql into a
// scratch schema, its fingerprint checked, and its rows copied into claimtrail's tables
// set-based (datasetSteps), so 100,000 claims and their statements, evidence and verdicts
// load in seconds and both servers answer the same questions about the same rows.
//
// Mapping: the peer's publishers become MEDIA_OUTLET actors; its stances SUPPORTS and
// DISPUTES become ASSERTS and DENIES; a statement quoted via someone gains a QUOTED_BY hop
// between the speaker and the publisher; evidence kinds map to the nearest kind here;
// claims keep the generator's status (this schema derives it from verdicts and stances,
// which the reads measured do not care about). Actor names the generator repeats (it draws
// "Anna Petrov" many times) get a number, as names are unique here. The generator's one
// hand-written claim ("North Korea supplies arms to Russia") is left out: the seed case
// loaded after the data set is that claim, in full.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

export const SIZES = {
  publishers: 300,
  sources: 60_000,
  actors: 5_000,
  claims: 100_000,
} as const;

/** The generator's seed (the peer's default, so both data sets are the same rows). */
export const WORKLOAD_SEED = 42;
const WORKLOAD_DIR = path.join(__dirname, "workload");
/** The scratch schemas the generator writes (its tables, and its helper functions). */
const SCRATCH = "workload";

/** Its rows that are not generated (the hand-written claim, its sources, statements and evidence). */
const HAND_WRITTEN = `'00000000-0000-4000-8000-00000000'`;
const generated = (column: string) => `left(${column}::text, 32) <> ${HAND_WRITTEN}`;

/**
 * Runs the workload's generator into schema "workload" of the database at `databaseUrl`
 * (psql, as it is a psql script) and returns the fingerprint of its rows, the md5 the peer
 * records for its own database (bench.meta in anchor_bench).
 */
export async function generateWorkload(databaseUrl: string): Promise<string> {
  const psql = (args: string[]) =>
    promisify(execFile)("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", databaseUrl, ...args], {
      cwd: WORKLOAD_DIR,
      // The generator's tables and types go to the scratch schema (its scripts name none).
      env: { ...process.env, PGOPTIONS: `-c search_path=${SCRATCH},public` },
      maxBuffer: 16 * 1024 * 1024,
    });
  await psql(["-c", `CREATE SCHEMA ${SCRATCH}`]);
  await psql(["-f", "peer-schema.sql"]);
  await psql(["-v", `seed=${WORKLOAD_SEED}`, "-f", "seed.sql"]);
  const { stdout } = await psql(["-At", "-f", "fingerprint.sql"]);
  return stdout.trim().split("\n").at(-1) ?? "";
}

/** Copies the generated rows into claimtrail's tables, step by step (each a single SQL statement, so progress is honest). */
export function datasetSteps(): { label: string; sql: string; params?: unknown[] }[] {
  const w = SCRATCH;
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
      label: "publishers (as media outlets)",
      sql: `INSERT INTO actors (id, name, name_key, kind, description, updated_at)
            SELECT md5('publisher:' || p.id)::uuid, p.name, lower(p.name), 'MEDIA_OUTLET',
                   initcap(replace(p.kind, '_', ' ')) || ', ' || coalesce(p.country, '??'), now()
            FROM ${w}.publisher p`,
    },
    {
      label: "actors",
      sql: `INSERT INTO actors (id, name, name_key, kind, description, updated_at)
            SELECT id, name, lower(name), kind, description, now() FROM (
              SELECT a.id,
                     CASE WHEN n = 1 THEN a.name ELSE a.name || ' ' || n END AS name,
                     (CASE a.kind WHEN 'MEDIA' THEN 'MEDIA_OUTLET' ELSE a.kind::text END)::"ActorKind" AS kind,
                     a.description
              FROM (SELECT *, row_number() OVER (PARTITION BY lower(name) ORDER BY id) AS n FROM ${w}.actor) a
            ) x`,
    },
    {
      label: "sources",
      sql: `INSERT INTO sources (id, url, source_key, title, kind, publisher_id, published_at, updated_at)
            SELECT s.id, s.url, 'url:' || s.url, s.title, 'NEWS_ARTICLE', md5('publisher:' || s.publisher_id)::uuid,
                   s.published_at, s.retrieved_at
            FROM ${w}.source s WHERE ${generated("s.id")}`,
    },
    {
      label: "claims",
      sql: `INSERT INTO claims (id, text, language, topics, status, first_seen_at, created_at, updated_at)
            SELECT c.id, c.text, 'en', ARRAY[c.topic], c.status::text::"ClaimStatus", c.first_seen_at, c.first_seen_at, c.updated_at
            FROM ${w}.claim c WHERE ${generated("c.id")}`,
    },
    {
      label: "statements",
      sql: `INSERT INTO statements (id, claim_id, actor_id, source_id, stance, quote, stated_at, created_at, updated_at)
            SELECT s.id, s.claim_id, s.actor_id, s.source_id,
                   (CASE s.stance::text WHEN 'SUPPORTS' THEN 'ASSERTS' WHEN 'DISPUTES' THEN 'DENIES' ELSE s.stance::text END)::"Stance",
                   s.quote, s.stated_at, s.stated_at, s.stated_at
            FROM ${w}.statement s WHERE ${generated("s.claim_id")}`,
    },
    {
      label: "attribution chains (speaker, whoever quoted them, the source's publisher)",
      sql: `INSERT INTO attribution_hops (id, statement_id, position, relation, actor_id, source_id)
            SELECT gen_random_uuid(), s.id, row_number() OVER (PARTITION BY s.id ORDER BY hop.rank) - 1,
                   hop.relation::"HopRelation", hop.actor_id, hop.source_id
            FROM ${w}.statement s JOIN ${w}.source so ON so.id = s.source_id
            CROSS JOIN LATERAL (VALUES (0, 'SPOKE', s.actor_id, NULL::uuid),
                                       (1, 'QUOTED_BY', s.quoted_via_actor_id, NULL::uuid),
                                       (2, 'REPORTED_BY', md5('publisher:' || so.publisher_id)::uuid, s.source_id))
                          hop(rank, relation, actor_id, source_id)
            WHERE ${generated("s.claim_id")} AND hop.actor_id IS NOT NULL`,
    },
    {
      label: "evidence",
      sql: `INSERT INTO evidence (id, claim_id, direction, kind, summary, source_id, created_at, updated_at)
            SELECT e.id, e.claim_id,
                   (CASE WHEN e.supports THEN 'SUPPORTS' ELSE 'CONTRADICTS' END)::"EvidenceDirection",
                   (CASE e.kind WHEN 'DOCUMENT' THEN 'DOCUMENT' WHEN 'DATASET' THEN 'DATA' WHEN 'TESTIMONY' THEN 'STATEMENT'
                                WHEN 'VIDEO' THEN 'MEDIA_REPORT' ELSE 'IMAGERY' END)::"EvidenceKind",
                   e.summary, e.source_id, c.first_seen_at, c.first_seen_at
            FROM ${w}.evidence e JOIN ${w}.claim c ON c.id = e.claim_id WHERE ${generated("e.claim_id")}`,
    },
    {
      label: "verdicts",
      sql: `INSERT INTO verdicts (id, claim_id, reviewer_id, rating, rating_value, best_rating, worst_rating, conclusion, reviewed_at, url)
            SELECT v.id, v.claim_id, v.reviewer_actor_id, v.rating, v.rating_value, 5, 0,
                   (CASE WHEN v.rating_value <= 1 THEN 'REFUTED' WHEN v.rating_value >= 4 THEN 'SUPPORTED' ELSE 'MIXED' END)::"ClaimStatus",
                   v.reviewed_at, v.url
            FROM ${w}.verdict v WHERE ${generated("v.claim_id")}`,
    },
    {
      label: "derived columns: counts, dispute score",
      sql: `UPDATE claims c SET statement_count = x.n, support_count = x.support, oppose_count = x.oppose,
                   dispute_score = LEAST(x.support, x.oppose)
            FROM (
              SELECT cl.id,
                     count(s.id) AS n,
                     count(s.id) FILTER (WHERE s.stance IN ('ASSERTS', 'CONCEDES')) AS support,
                     count(s.id) FILTER (WHERE s.stance IN ('DENIES', 'RETRACTS')) AS oppose
              FROM claims cl LEFT JOIN statements s ON s.claim_id = cl.id AND s.retracted_at IS NULL
              GROUP BY cl.id
            ) x WHERE x.id = c.id`,
    },
    {
      label: "search documents",
      // claim_search_document_of (the one definition of the document), set-based.
      sql: `UPDATE claims c SET search_vector = claim_search_document_of(c.text, c.language, st.body, ev.body)
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
    { label: "cleanup", sql: `DROP TABLE bench_saved_indexes` },
    // The generator's tables and its helper functions (schema "bench", named by seed.sql).
    { label: "cleanup", sql: `DROP SCHEMA ${w}, bench CASCADE` },
    { label: "analyze", sql: `SET session_replication_role = DEFAULT` },
    { label: "analyze", sql: `ANALYZE` },
  ];
}
