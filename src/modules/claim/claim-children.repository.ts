// One SQL statement for everything a claim page shows under each claim of a batch:
// its first live statements (with speaker, source and publisher), evidence items
// (likewise) and verdicts (with reviewer), as JSON built by PostgreSQL. Attribution
// chains are loaded apart, only when a query asks for them.
// Hand-written rather than Prisma's relation queries: this is the hot path of the claim
// page and the dashboard list, and Prisma's query compiler cost more CPU per request
// than the rest of the server (see the benchmark notes in README).
import type { Db } from "../../db/prisma";
import { Prisma } from "../../generated/prisma/client";
import type { EvidenceGraph, StatementGraph, VerdictGraph } from "../../graphql/loader-priming";

const ACTOR = (
  alias: string,
) => `json_build_object('id', ${alias}.id, 'name', ${alias}.name, 'nameKey', ${alias}.name_key,
  'kind', ${alias}.kind, 'description', ${alias}.description, 'affiliation', ${alias}.affiliation,
  'createdAt', ${alias}.created_at, 'updatedAt', ${alias}.updated_at)`;

const SOURCE = (alias: string, publisher: string) => `json_build_object('id', ${alias}.id, 'url', ${alias}.url,
  'sourceKey', ${alias}.source_key, 'title', ${alias}.title, 'kind', ${alias}.kind, 'language', ${alias}.language,
  'publisherId', ${alias}.publisher_id, 'publishedAt', ${alias}.published_at, 'retrievedAt', ${alias}.retrieved_at,
  'contentHash', ${alias}.content_hash, 'archiveUrl', ${alias}.archive_url, 'createdAt', ${alias}.created_at,
  'updatedAt', ${alias}.updated_at, 'publisher', CASE WHEN ${publisher}.id IS NULL THEN NULL ELSE ${ACTOR(publisher)} END)`;

/**
 * The SQL of claimtrail_claim_children(), the PL/pgSQL function that the newest migration
 * defining it creates from it (`npm run sql:claim-children` prints it).
 * A function, because PostgreSQL caches the plan of a PL/pgSQL query: planning this
 * statement afresh for every request cost more than running it. The plan must be the
 * generic one: left to choose, PostgreSQL kept planning it afresh for each call (its
 * generic plan looks dearer on paper), which cut the function's throughput to a third.
 */
export function claimChildrenFunctionSql(): string {
  const body = `BEGIN RETURN QUERY ${childrenSql("p_statements", "p_evidence", "p_verdicts", "p_claim_ids")}; END`;
  // Prisma's migration runner splits scripts at every ';', even inside a quoted function
  // body, so the body is an escaped string with its semicolons written as \073.
  const escaped = body.replace(/\\/g, "\\\\").replace(/'/g, "''").replace(/;/g, "\\073");
  return `CREATE OR REPLACE FUNCTION claimtrail_claim_children(
  p_claim_ids uuid[], p_statements int, p_evidence int, p_verdicts int, p_with_sources boolean
) RETURNS TABLE ("claimId" text, statements json, evidence json, verdicts json)
LANGUAGE plpgsql STABLE SET plan_cache_mode = force_generic_plan AS E'${escaped}';`;
}

function childrenSql(statementLimit: string, evidenceLimit: string, verdictLimit: string, ids: string): string {
  return `
SELECT k.id::text AS "claimId",
  (SELECT coalesce(json_agg(x.doc ORDER BY x.created_at, x.id), '[]') FROM (
     SELECT s.created_at, s.id, json_build_object('id', s.id, 'claimId', s.claim_id, 'actorId', s.actor_id,
       'sourceId', s.source_id, 'stance', s.stance, 'quote', s.quote, 'paraphrase', s.paraphrase,
       'language', s.language, 'statedAt', s.stated_at, 'retractedAt', s.retracted_at,
       'retractionReason', s.retraction_reason, 'createdAt', s.created_at, 'updatedAt', s.updated_at,
       'actor', ${ACTOR("a")}, 'source', CASE WHEN p_with_sources THEN ${SOURCE("so", "p")} END) AS doc
     FROM statements s JOIN actors a ON a.id = s.actor_id JOIN sources so ON so.id = s.source_id
     LEFT JOIN actors p ON p.id = so.publisher_id
     WHERE s.claim_id = k.id AND s.retracted_at IS NULL
     ORDER BY s.created_at, s.id LIMIT ${statementLimit}) x) AS statements,
  (SELECT coalesce(json_agg(x.doc ORDER BY x.created_at, x.id), '[]') FROM (
     SELECT e.created_at, e.id, json_build_object('id', e.id, 'claimId', e.claim_id, 'direction', e.direction,
       'kind', e.kind, 'summary', e.summary, 'excerpt', e.excerpt, 'sourceId', e.source_id, 'actorId', e.actor_id,
       'observedAt', e.observed_at, 'retractedAt', e.retracted_at, 'retractionReason', e.retraction_reason,
       'createdAt', e.created_at, 'updatedAt', e.updated_at,
       'actor', CASE WHEN ea.id IS NULL THEN NULL ELSE ${ACTOR("ea")} END,
       'source', ${SOURCE("es", "ep")}) AS doc
     FROM evidence e JOIN sources es ON es.id = e.source_id LEFT JOIN actors ep ON ep.id = es.publisher_id
     LEFT JOIN actors ea ON ea.id = e.actor_id
     WHERE e.claim_id = k.id AND e.retracted_at IS NULL
     ORDER BY e.created_at, e.id LIMIT ${evidenceLimit}) x) AS evidence,
  (SELECT coalesce(json_agg(x.doc ORDER BY x.reviewed_at DESC, x.created_at DESC, x.id DESC), '[]') FROM (
     SELECT v.reviewed_at, v.created_at, v.id, json_build_object('id', v.id, 'claimId', v.claim_id, 'reviewerId', v.reviewer_id,
       'rating', v.rating, 'ratingValue', v.rating_value, 'bestRating', v.best_rating, 'worstRating', v.worst_rating,
       'conclusion', v.conclusion, 'reviewedAt', v.reviewed_at, 'url', v.url, 'explanation', v.explanation,
       'language', v.language, 'retractedAt', v.retracted_at, 'retractionReason', v.retraction_reason,
       'createdAt', v.created_at, 'reviewer', ${ACTOR("r")}) AS doc
     FROM verdicts v JOIN actors r ON r.id = v.reviewer_id
     WHERE v.claim_id = k.id AND v.retracted_at IS NULL
     ORDER BY v.reviewed_at DESC, v.created_at DESC, v.id DESC LIMIT ${verdictLimit}) x) AS verdicts
FROM unnest(${ids}) AS k(id)`;
}

export interface ClaimChildren {
  claimId: string;
  statements: StatementGraph[];
  evidence: EvidenceGraph[];
  verdicts: VerdictGraph[];
}

export interface ChildLimits {
  statements: number;
  evidence: number;
  verdicts: number;
  withSources: boolean;
}

type Row = Record<string, unknown>;

/** JSON has no dates: turns the named timestamp fields back into Date objects, as Prisma returns them. */
function revive(record: Row | null | undefined, keys: readonly string[]): void {
  if (!record) return;
  for (const key of keys) {
    const value = record[key];
    if (typeof value === "string") record[key] = new Date(value);
  }
}

const ACTOR_DATES = ["createdAt", "updatedAt"] as const;

function reviveSource(source: Row | null | undefined): void {
  revive(source, ["publishedAt", "retrievedAt", "createdAt", "updatedAt"]);
  revive(source?.publisher as Row | null | undefined, ACTOR_DATES);
}

/** The dates of one claim's children documents, in place (a targeted walk: this is the hot path). */
function reviveChildren(children: ClaimChildren): ClaimChildren {
  for (const statement of children.statements as unknown as Row[]) {
    revive(statement, ["statedAt", "retractedAt", "createdAt", "updatedAt"]);
    revive(statement.actor as Row, ACTOR_DATES);
    reviveSource(statement.source as Row | null | undefined);
  }
  for (const item of children.evidence as unknown as Row[]) {
    revive(item, ["observedAt", "retractedAt", "createdAt", "updatedAt"]);
    revive(item.actor as Row | null, ACTOR_DATES);
    reviveSource(item.source as Row);
  }
  for (const verdict of children.verdicts as unknown as Row[]) {
    revive(verdict, ["reviewedAt", "retractedAt", "createdAt"]);
    revive(verdict.reviewer as Row, ACTOR_DATES);
  }
  return children;
}

function functionCall(ids: Prisma.Sql, limits: ChildLimits): Prisma.Sql {
  return Prisma.sql`claimtrail_claim_children(${ids}, ${limits.statements}::int, ${limits.evidence}::int,
    ${limits.verdicts}::int, ${limits.withSources}::boolean)`;
}

/** Children windows of each claim, in one statement. */
export async function findClaimChildren(
  db: Db,
  claimIds: readonly string[],
  limits: ChildLimits,
): Promise<ClaimChildren[]> {
  const rows = await db.$queryRaw<ClaimChildren[]>`
    SELECT * FROM ${functionCall(Prisma.sql`${[...claimIds]}::uuid[]`, limits)}`;
  return rows.map(reviveChildren);
}

/**
 * Columns and join that add each claim's children to a query over `claims c`, for
 * reading claims and their children in one statement: `ids` is an SQL uuid[] of the
 * claims the query returns (or more).
 */
export function withChildrenSql(ids: Prisma.Sql, limits: ChildLimits): { columns: Prisma.Sql; join: Prisma.Sql } {
  return {
    columns: Prisma.sql`ch.statements AS "childStatements", ch.evidence AS "childEvidence", ch.verdicts AS "childVerdicts"`,
    join: Prisma.sql`LEFT JOIN ${functionCall(ids, limits)} ch ON ch."claimId" = c.id::text`,
  };
}

export type WithChildrenRow<R> = R & {
  childStatements: StatementGraph[];
  childEvidence: EvidenceGraph[];
  childVerdicts: VerdictGraph[];
};

/** Splits a row of a query made with withChildrenSql into the row and its claim's children. */
export function splitChildren<R extends { id: string }>(row: WithChildrenRow<R>): { row: R; children: ClaimChildren } {
  const { childStatements, childEvidence, childVerdicts, ...rest } = row;
  const children = reviveChildren({
    claimId: row.id,
    statements: childStatements ?? [],
    evidence: childEvidence ?? [],
    verdicts: childVerdicts ?? [],
  });
  return { row: rest as unknown as R, children };
}
