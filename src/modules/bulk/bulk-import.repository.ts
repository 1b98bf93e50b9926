// What bulk import reads and writes, a batch of lines at a time: set-based SQL, one
// statement per kind of row for the whole batch, so that a batch of a thousand lines costs
// a handful of round trips. The rows travel as one JSON document per statement
// (json_to_recordset), which is cheaper to send than an array per column. The statements
// run in the batch's transaction on a pool connection (db/sql.ts: inPoolTransaction).
import type { SqlClient } from "../../db/sql";
import {
  Prisma,
  type Actor,
  type Claim,
  type Evidence,
  type Source,
  type Statement,
  type Verdict,
} from "../../generated/prisma/client";
import type { ActorKind, ClaimStatus, EvidenceDirection, SourceKind, Stance } from "../../generated/prisma/enums";
import { ACTOR_COLUMNS, ACTOR_COLUMN_NAMES } from "../actor/actor.repository";
import type { NewHop } from "../attribution/attribution.repository";
import { SOURCE_COLUMNS, SOURCE_COLUMN_NAMES } from "../source/source.repository";
import type { NewStatement as StatementRow } from "../statement/statement.repository";
import { CLAIM_COLUMN_NAMES, CLAIM_COLUMNS } from "../claim/claim-filter";
import type { StanceTally } from "../claim/claim-status";

const json = (rows: unknown) => Prisma.sql`${JSON.stringify(rows)}::json`;

/**
 * Settings for the rest of a batch's transaction. Its statements are planned for thousands
 * of rows, past PostgreSQL's JIT thresholds: compiling them costs more (measured: 150 ms of
 * a 155 ms wording lookup) than running them, so JIT is off. And the change records of a
 * batch (megabytes of JSON) fit in work_mem instead of spilling to a temporary file.
 */
export async function tuneBatchTransaction(db: SqlClient): Promise<void> {
  await db.rows({
    sql: Prisma.sql`SELECT set_config('jit', 'off', true), set_config('work_mem', '64MB', true)`,
    columns: [],
  });
  await db.rows({ sql: Prisma.raw(`SET CONSTRAINTS ${DEFERRABLE_REFERENCE_KEYS.join(", ")} DEFERRED`), columns: [] });
}

/**
 * The foreign keys to actors and sources, made DEFERRABLE (INITIALLY IMMEDIATE) by
 * migration 20261201000400, and deferred to commit in a batch's transaction: a batch may
 * write rows naming an actor or source that the batch before it, still in flight, has
 * created (RefCache's pending entries); they are checked once that batch has committed.
 */
export const DEFERRABLE_REFERENCE_KEYS = [
  "actor_aliases_actor_id_fkey",
  "sources_publisher_id_fkey",
  "statements_actor_id_fkey",
  "statements_source_id_fkey",
  "attribution_hops_actor_id_fkey",
  "attribution_hops_source_id_fkey",
  "evidence_source_id_fkey",
  "evidence_actor_id_fkey",
  "verdicts_reviewer_id_fkey",
] as const;

export interface Wording {
  text: string;
  language: string;
}

/**
 * Serializes the transactions that import the same wordings (two imports at once), so
 * that each wording ends with one claim: claims have no unique key on their text. The
 * locks are taken in one order (by hash), so two batches cannot deadlock on them. Held
 * until commit.
 */
export async function lockWordings(db: SqlClient, wordings: readonly Wording[]): Promise<void> {
  await db.rows({
    sql: Prisma.sql`
      SELECT count(pg_advisory_xact_lock(k.key)::text) FROM (
        SELECT DISTINCT hashtextextended(w.language || E'\\n' || w.text, 0) AS key
        FROM json_to_recordset(${json(wordings)}) AS w(text text, language text)
        ORDER BY 1) k`,
    columns: [],
  });
}

/**
 * For each wording (by its index), the claim with exactly this wording and language (the
 * oldest, should there be several), else the claim such a claim was merged into.
 * `text = $1` is served by the hash index claims_text_idx alone (OFFSET 0 keeps the planner
 * from ANDing it with the language index, which reads thousands of rows per wording).
 */
export function findClaimsByWordings(
  db: SqlClient,
  wordings: readonly Wording[],
): Promise<{ index: number; id: string; firstSeenAt: Date }[]> {
  return db.rows({
    sql: Prisma.sql`
      WITH w AS MATERIALIZED (
        SELECT * FROM json_to_recordset(${json(wordings.map((w, n) => ({ ...w, n })))})
          AS w(text text, language text, n int)
      ), found AS (
        SELECT w.n, d.id, 0 AS rank FROM w
        JOIN LATERAL (SELECT c.id FROM (SELECT * FROM claims c WHERE c.text = w.text OFFSET 0) c
                      WHERE c.language = w.language ORDER BY c.created_at, c.id LIMIT 1) d ON true
        UNION ALL
        (SELECT DISTINCT ON (w.n) w.n, m.into_claim_id, 1 FROM w JOIN claim_merges m ON m.merged_text = w.text
         ORDER BY w.n, m.merged_at DESC)
      )
      SELECT DISTINCT ON (f.n) f.n AS index, c.id, c.first_seen_at AS "firstSeenAt"
      FROM found f JOIN claims c ON c.id = f.id
      ORDER BY f.n, f.rank`,
    columns: ["index", "id", "firstSeenAt"],
  });
}

/** Actors by ID. */
export function findActorsByIds(db: SqlClient, ids: readonly string[]): Promise<Actor[]> {
  return db.rows({
    sql: Prisma.sql`SELECT ${ACTOR_COLUMNS} FROM actors a WHERE a.id IN (SELECT value::uuid FROM json_array_elements_text(${json(ids)}))`,
    columns: ACTOR_COLUMN_NAMES,
  });
}

/**
 * Actors by normalized name or alias (as findActorByKey, for many keys in one query), with
 * the key each matched: two index lookups per key (an OR of the two would scan actors).
 */
export function findActorsByKeys(db: SqlClient, keys: readonly string[]): Promise<(Actor & { key: string })[]> {
  return db.rows({
    sql: Prisma.sql`
      SELECT k.key, ${ACTOR_COLUMNS}
      FROM json_array_elements_text(${json(keys)}) AS k(key)
      JOIN LATERAL (
        SELECT * FROM (
          SELECT a.* FROM actors a WHERE a.name_key = k.key
          UNION ALL
          SELECT a.* FROM actor_aliases al JOIN actors a ON a.id = al.actor_id WHERE al.alias_key = k.key
        ) a ORDER BY a.created_at LIMIT 1
      ) a ON true`,
    columns: ["key", ...ACTOR_COLUMN_NAMES],
  });
}

/** Sources by ID. */
export function findSourcesByIds(db: SqlClient, ids: readonly string[]): Promise<Source[]> {
  return db.rows({
    sql: Prisma.sql`SELECT ${SOURCE_COLUMNS} FROM sources s WHERE s.id IN (SELECT value::uuid FROM json_array_elements_text(${json(ids)}))`,
    columns: SOURCE_COLUMN_NAMES,
  });
}

/** Sources by source_key. */
export function findSourcesByKeys(db: SqlClient, keys: readonly string[]): Promise<Source[]> {
  return db.rows({
    sql: Prisma.sql`SELECT ${SOURCE_COLUMNS} FROM sources s WHERE s.source_key IN (SELECT json_array_elements_text(${json(keys)}))`,
    columns: SOURCE_COLUMN_NAMES,
  });
}

export interface NewActor {
  id: string;
  name: string;
  nameKey: string;
  kind: ActorKind;
  description: string | null;
  affiliation: string | null;
}

/**
 * Inserts the actors in name_key order (so two batches creating the same actors take
 * their locks in one order); returns those inserted. One whose key another transaction
 * took meanwhile is skipped: the caller tries the batch again, and finds it.
 */
export function insertActors(db: SqlClient, actors: readonly NewActor[]): Promise<Actor[]> {
  return db.rows({
    sql: Prisma.sql`
      WITH a AS (
        INSERT INTO actors (id, name, name_key, kind, description, affiliation, updated_at)
        SELECT i.id, i.name, i."nameKey", i.kind::"ActorKind", i.description, i.affiliation, now()
        FROM json_to_recordset(${json(actors)})
          AS i(id uuid, name text, "nameKey" text, kind text, description text, affiliation text)
        ORDER BY i."nameKey"
        ON CONFLICT (name_key) DO NOTHING
        RETURNING *)
      SELECT ${ACTOR_COLUMNS} FROM a`,
    columns: ACTOR_COLUMN_NAMES,
  });
}

/** Inserts aliases in alias_key order; returns how many were inserted (one another actor holds is skipped). */
export async function insertAliases(
  db: SqlClient,
  aliases: readonly { actorId: string; alias: string; aliasKey: string }[],
): Promise<number> {
  const [row] = await db.rows<{ inserted: number }>({
    sql: Prisma.sql`
      WITH inserted AS (
        INSERT INTO actor_aliases (actor_id, alias, alias_key)
        SELECT i."actorId", i.alias, i."aliasKey"
        FROM json_to_recordset(${json(aliases)}) AS i("actorId" uuid, alias text, "aliasKey" text)
        ORDER BY i."aliasKey"
        ON CONFLICT (alias_key) DO NOTHING
        RETURNING 1)
      SELECT count(*)::int AS inserted FROM inserted`,
    columns: ["inserted"],
  });
  return row?.inserted ?? 0;
}

export interface NewSource {
  id: string;
  url: string | null;
  sourceKey: string;
  title: string;
  kind: SourceKind;
  language: string | null;
  publisherId: string | null;
  publishedAt: Date | null;
  retrievedAt: Date | null;
  contentHash: string | null;
  archiveUrl: string | null;
}

/** Inserts the sources in source_key order; returns those inserted (as insertActors). */
export function insertSources(db: SqlClient, sources: readonly NewSource[]): Promise<Source[]> {
  return db.rows({
    sql: Prisma.sql`
      WITH s AS (
        INSERT INTO sources (id, url, source_key, title, kind, language, publisher_id, published_at, retrieved_at,
                             content_hash, archive_url, updated_at)
        SELECT i.id, i.url, i."sourceKey", i.title, i.kind::"SourceKind", i.language, i."publisherId", i."publishedAt",
               i."retrievedAt", i."contentHash", i."archiveUrl", now()
        FROM json_to_recordset(${json(sources)})
          AS i(id uuid, url text, "sourceKey" text, title text, kind text, language text, "publisherId" uuid,
               "publishedAt" timestamptz, "retrievedAt" timestamptz, "contentHash" text, "archiveUrl" text)
        ORDER BY i."sourceKey"
        ON CONFLICT (source_key) DO NOTHING
        RETURNING *)
      SELECT ${SOURCE_COLUMNS} FROM s`,
    columns: SOURCE_COLUMN_NAMES,
  });
}

export interface StatementKey {
  claimId: string;
  actorId: string;
  sourceId: string;
  stance: Stance;
  quote: string | null;
  paraphrase: string | null;
  statedAt: Date | null;
}

export interface EvidenceKey {
  claimId: string;
  sourceId: string;
  direction: EvidenceDirection;
  summary: string;
}

export interface VerdictKey {
  claimId: string;
  reviewerId: string;
  rating: string;
  reviewedAt: Date;
  url: string | null;
}

export interface ItemKeys {
  statements: StatementKey[];
  evidence: EvidenceKey[];
  verdicts: VerdictKey[];
}

/**
 * Which of these items their claims have already, in one query: statements with the same
 * speaker, source, stance, wording and date; evidence with the same source, direction
 * and summary; verdicts by the same reviewer with the same rating, date and URL.
 * Retracted items count: re-importing a file does not bring back what was retracted.
 * Returns the 0-based indexes of the items found, per kind. Each item is looked for among
 * its claim's rows only (`OFFSET 0` keeps the claim id's index the only way in): without
 * statistics, right after an import, the planner chose the speaker's index and filtered
 * about 150 of the speaker's statements per item (82 ms for 1,600 items instead of 27).
 */
export async function findExistingItems(
  db: SqlClient,
  { statements, evidence, verdicts }: ItemKeys,
): Promise<{ statements: Set<number>; evidence: Set<number>; verdicts: Set<number> }> {
  const numbered = <T>(items: T[]) => json(items.map((item, n) => ({ ...item, n })));
  const rows = await db.rows<{ kind: "statement" | "evidence" | "verdict"; index: number }>({
    sql: Prisma.sql`
      SELECT 'statement' AS kind, i.n AS index
      FROM json_to_recordset(${numbered(statements)})
        AS i("claimId" uuid, "actorId" uuid, "sourceId" uuid, stance text, quote text, paraphrase text,
             "statedAt" timestamptz, n int)
      WHERE EXISTS (
        SELECT 1 FROM (SELECT * FROM statements s WHERE s.claim_id = i."claimId" OFFSET 0) s
        WHERE s.actor_id = i."actorId" AND s.source_id = i."sourceId"
          AND s.stance = i.stance::"Stance" AND s.quote IS NOT DISTINCT FROM i.quote
          AND s.paraphrase IS NOT DISTINCT FROM i.paraphrase AND s.stated_at IS NOT DISTINCT FROM i."statedAt")
      UNION ALL
      SELECT 'evidence', i.n
      FROM json_to_recordset(${numbered(evidence)})
        AS i("claimId" uuid, "sourceId" uuid, direction text, summary text, n int)
      WHERE EXISTS (
        SELECT 1 FROM (SELECT * FROM evidence e WHERE e.claim_id = i."claimId" OFFSET 0) e
        WHERE e.source_id = i."sourceId"
          AND e.direction = i.direction::"EvidenceDirection" AND e.summary = i.summary)
      UNION ALL
      SELECT 'verdict', i.n
      FROM json_to_recordset(${numbered(verdicts)})
        AS i("claimId" uuid, "reviewerId" uuid, rating text, "reviewedAt" timestamptz, url text, n int)
      WHERE EXISTS (
        SELECT 1 FROM (SELECT * FROM verdicts v WHERE v.claim_id = i."claimId" OFFSET 0) v
        WHERE v.reviewer_id = i."reviewerId" AND v.rating = i.rating
          AND v.reviewed_at = i."reviewedAt" AND v.url IS NOT DISTINCT FROM i.url)`,
    columns: ["kind", "index"],
  });
  const found = { statements: new Set<number>(), evidence: new Set<number>(), verdicts: new Set<number>() };
  for (const row of rows) {
    const kind = row.kind === "statement" ? "statements" : row.kind === "evidence" ? "evidence" : "verdicts";
    found[kind].add(row.index);
  }
  return found;
}

/** Locks these claims' rows (in id order, so batches cannot deadlock on them); returns the ids that exist. */
export async function lockClaimRows(db: SqlClient, ids: readonly string[]): Promise<Set<string>> {
  const rows = await db.rows<{ id: string }>({
    sql: Prisma.sql`
      SELECT id FROM claims WHERE id IN (SELECT value::uuid FROM json_array_elements_text(${json(ids)}))
      ORDER BY id FOR UPDATE`,
    columns: ["id"],
  });
  return new Set(rows.map((row) => row.id));
}

export interface NewClaim {
  id: string;
  text: string;
  language: string;
  topics: string[];
  /** As given; else now. Moved back to `earliestStatedAt` when that is earlier. */
  firstSeenAt: Date | null;
  earliestStatedAt: Date | null;
  status: ClaimStatus;
  tally: StanceTally;
  /** The search document's parts (claim_search_document_of): statements' and evidence's words, or null. */
  statementsBody: string | null;
  evidenceBody: string | null;
}

/**
 * Inserts new claims with their derived columns (status, counts, search document)
 * already computed from the items the batch writes with them: each row is written once.
 */
export function insertClaims(db: SqlClient, claims: readonly NewClaim[]): Promise<Claim[]> {
  const rows = claims.map(({ tally, ...claim }) => ({ ...claim, ...tally }));
  return db.rows({
    sql: Prisma.sql`
      WITH c AS (
        INSERT INTO claims (id, text, language, topics, first_seen_at, updated_at, status, statement_count, support_count,
                            oppose_count, dispute_score, search_vector)
        SELECT i.id, i.text, i.language, ARRAY(SELECT json_array_elements_text(i.topics)),
               LEAST(coalesce(i."firstSeenAt", now()), i."earliestStatedAt"), now(),
               i.status::"ClaimStatus", i."statementCount", i."supportCount", i."opposeCount", i."disputeScore",
               claim_search_document_of(i.text, i.language, i."statementsBody", i."evidenceBody")
        FROM json_to_recordset(${json(rows)})
          AS i(id uuid, text text, language text, topics json, "firstSeenAt" timestamptz, "earliestStatedAt" timestamptz,
               status text, "statementCount" int, "supportCount" int, "opposeCount" int, "disputeScore" int,
               "statementsBody" text, "evidenceBody" text)
        RETURNING *)
      SELECT ${CLAIM_COLUMNS} FROM c`,
    columns: CLAIM_COLUMN_NAMES,
  });
}

/** A chain's hops with the statement or evidence item they belong to. */
export type OwnedHop = NewHop & { ownerId: string };

const HOP_RECORD = Prisma.sql`h("ownerId" uuid, position int, relation text, "actorId" uuid, "sourceId" uuid, note text)`;

/** A statement's row as recordStatement writes it, with its ID given. */
export type NewStatement = StatementRow & { id: string };

/** Inserts statements and their attribution chains in one statement. */
export function insertStatements(
  db: SqlClient,
  rows: readonly NewStatement[],
  hops: readonly OwnedHop[],
): Promise<Statement[]> {
  return db.rows({
    sql: Prisma.sql`
      WITH s AS (
        INSERT INTO statements (id, claim_id, actor_id, source_id, stance, quote, paraphrase, language, stated_at, updated_at)
        SELECT i.id, i."claimId", i."actorId", i."sourceId", i.stance::"Stance", i.quote, i.paraphrase, i.language,
               i."statedAt", now()
        FROM json_to_recordset(${json(rows)})
          AS i(id uuid, "claimId" uuid, "actorId" uuid, "sourceId" uuid, stance text, quote text, paraphrase text,
               language text, "statedAt" timestamptz)
        RETURNING *),
      chain AS (
        INSERT INTO attribution_hops (statement_id, position, relation, actor_id, source_id, note)
        SELECT s.id, h.position, h.relation::"HopRelation", h."actorId", h."sourceId", h.note
        FROM json_to_recordset(${json(hops)}) AS ${HOP_RECORD} JOIN s ON s.id = h."ownerId")
      SELECT id, claim_id AS "claimId", actor_id AS "actorId", source_id AS "sourceId", stance::text AS stance,
             quote, paraphrase, language, stated_at AS "statedAt", retracted_at AS "retractedAt",
             retraction_reason AS "retractionReason", created_at AS "createdAt", updated_at AS "updatedAt"
      FROM s`,
    columns: ["id", "claimId", "actorId", "sourceId", "stance", "statedAt", "createdAt", "updatedAt"],
  });
}

export interface NewEvidence {
  id: string;
  claimId: string;
  direction: EvidenceDirection;
  kind: string;
  summary: string;
  excerpt: string | null;
  sourceId: string;
  actorId: string | null;
  observedAt: Date | null;
}

/** Inserts evidence items and their attribution chains in one statement. */
export function insertEvidence(
  db: SqlClient,
  rows: readonly NewEvidence[],
  hops: readonly OwnedHop[],
): Promise<Evidence[]> {
  return db.rows({
    sql: Prisma.sql`
      WITH e AS (
        INSERT INTO evidence (id, claim_id, direction, kind, summary, excerpt, source_id, actor_id, observed_at, updated_at)
        SELECT i.id, i."claimId", i.direction::"EvidenceDirection", i.kind::"EvidenceKind", i.summary, i.excerpt,
               i."sourceId", i."actorId", i."observedAt", now()
        FROM json_to_recordset(${json(rows)})
          AS i(id uuid, "claimId" uuid, direction text, kind text, summary text, excerpt text, "sourceId" uuid,
               "actorId" uuid, "observedAt" timestamptz)
        RETURNING *),
      chain AS (
        INSERT INTO attribution_hops (evidence_id, position, relation, actor_id, source_id, note)
        SELECT e.id, h.position, h.relation::"HopRelation", h."actorId", h."sourceId", h.note
        FROM json_to_recordset(${json(hops)}) AS ${HOP_RECORD} JOIN e ON e.id = h."ownerId")
      SELECT id, claim_id AS "claimId", direction::text AS direction, kind::text AS kind, summary, excerpt,
             source_id AS "sourceId", actor_id AS "actorId", observed_at AS "observedAt", retracted_at AS "retractedAt",
             retraction_reason AS "retractionReason", created_at AS "createdAt", updated_at AS "updatedAt"
      FROM e`,
    columns: ["id", "claimId", "direction", "kind", "summary", "sourceId", "createdAt", "updatedAt"],
  });
}

export interface NewVerdict {
  id: string;
  claimId: string;
  reviewerId: string;
  rating: string;
  ratingValue: number | null;
  bestRating: number | null;
  worstRating: number | null;
  conclusion: string;
  reviewedAt: Date;
  url: string | null;
  explanation: string | null;
  language: string | null;
}

export function insertVerdicts(db: SqlClient, rows: readonly NewVerdict[]): Promise<Verdict[]> {
  return db.rows({
    sql: Prisma.sql`
      INSERT INTO verdicts (id, claim_id, reviewer_id, rating, rating_value, best_rating, worst_rating, conclusion,
                            reviewed_at, url, explanation, language)
      SELECT i.id, i."claimId", i."reviewerId", i.rating, i."ratingValue", i."bestRating", i."worstRating",
             i.conclusion::"ClaimStatus", i."reviewedAt", i.url, i.explanation, i.language
      FROM json_to_recordset(${json(rows)})
        AS i(id uuid, "claimId" uuid, "reviewerId" uuid, rating text, "ratingValue" int, "bestRating" int,
             "worstRating" int, conclusion text, "reviewedAt" timestamptz, url text, explanation text, language text)
      RETURNING id, claim_id AS "claimId", reviewer_id AS "reviewerId", rating, rating_value AS "ratingValue",
                best_rating AS "bestRating", worst_rating AS "worstRating", conclusion::text AS conclusion,
                reviewed_at AS "reviewedAt", url, explanation, language, retracted_at AS "retractedAt",
                retraction_reason AS "retractionReason", created_at AS "createdAt"`,
    columns: ["id", "claimId", "reviewerId", "rating", "conclusion", "reviewedAt", "createdAt"],
  });
}
