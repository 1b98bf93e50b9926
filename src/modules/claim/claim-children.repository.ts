// One SQL statement for everything a claim page shows under each claim of a batch:
// its first live statements (with speaker, source and publisher), evidence items
// (likewise) and verdicts (with reviewer), as JSON built by PostgreSQL. Attribution
// chains are loaded apart, only when a query asks for them.
// Hand-written rather than Prisma's relation queries: this is the hot path of the claim
// page and the dashboard list, and Prisma's query compiler cost more CPU per request
// than the rest of the server (see the benchmark notes in README).
import type { PrismaClient } from "../../db/prisma";
import { queryRows } from "../../db/sql";
import { Prisma } from "../../generated/prisma/client";
import type { EvidenceGraph, StatementGraph, VerdictGraph } from "../../loaders/row-graphs";

/**
 * The optional keys of the children documents, each a bit of p_fields (a bigint mask,
 * see fieldMask) in this order: appending keeps the bits of the function already in the
 * database; anything else needs a new migration of the function.
 */
const OPTIONAL_FIELDS = [
  ...["name", "nameKey", "kind", "description", "affiliation", "createdAt", "updatedAt"],
  ...["url", "sourceKey", "title", "language", "publishedAt", "retrievedAt", "contentHash", "archiveUrl"],
  ...["stance", "quote", "paraphrase", "statedAt", "retractedAt", "retractionReason"],
  ...["direction", "summary", "excerpt", "observedAt"],
  ...["rating", "ratingValue", "bestRating", "worstRating", "conclusion", "reviewedAt", "explanation"],
  // Related rows, joined only when asked for.
  ...["actor", "source", "publisher", "reviewer"],
] as const;
const FIELD_BITS = new Map<string, bigint>(OPTIONAL_FIELDS.map((name, index) => [name, 1n << BigInt(index)]));

/**
 * A document key: always there for the keys every resolver may read (ids and the ids
 * of related rows), otherwise only when the request's document names a field of that
 * name (its bit is set in p_fields). PostgreSQL then skips converting the columns no
 * one will read, and Node skips parsing them.
 */
function key(name: string, expression: string, always = false): string {
  return always ? `'${name}', ${expression}` : `'${name}', CASE WHEN ${wanted(name)} THEN ${expression} END`;
}

/** SQL true when the request names the field `name`. */
function wanted(name: string): string {
  const bit = FIELD_BITS.get(name);
  if (bit === undefined) throw new Error(`${name} is not among the optional keys of the claim children documents`);
  return `p_fields & ${bit} <> 0`;
}

/** A related row's document, or null when its join (made only when the field is wanted) found nothing. */
const related = (name: string, alias: string, doc: string) =>
  key(name, `CASE WHEN ${alias}.id IS NULL THEN NULL ELSE ${doc} END`, true);

const ACTOR = (alias: string) =>
  `json_build_object(${[
    key("id", `${alias}.id`, true),
    key("name", `${alias}.name`),
    key("nameKey", `${alias}.name_key`),
    key("kind", `${alias}.kind`),
    key("description", `${alias}.description`),
    key("affiliation", `${alias}.affiliation`),
    key("createdAt", `${alias}.created_at`),
    key("updatedAt", `${alias}.updated_at`),
  ].join(", ")})`;

const SOURCE = (alias: string, publisher: string) =>
  `json_build_object(${[
    key("id", `${alias}.id`, true),
    key("url", `${alias}.url`),
    key("sourceKey", `${alias}.source_key`),
    key("title", `${alias}.title`),
    key("kind", `${alias}.kind`),
    key("language", `${alias}.language`),
    key("publisherId", `${alias}.publisher_id`, true),
    key("publishedAt", `${alias}.published_at`),
    key("retrievedAt", `${alias}.retrieved_at`),
    key("contentHash", `${alias}.content_hash`),
    key("archiveUrl", `${alias}.archive_url`),
    key("createdAt", `${alias}.created_at`),
    key("updatedAt", `${alias}.updated_at`),
    related("publisher", publisher, ACTOR(publisher)),
  ].join(", ")})`;

const STATEMENT = `json_build_object(${[
  key("id", "s.id", true),
  key("claimId", "s.claim_id", true),
  key("actorId", "s.actor_id", true),
  key("sourceId", "s.source_id", true),
  key("stance", "s.stance"),
  key("quote", "s.quote"),
  key("paraphrase", "s.paraphrase"),
  key("language", "s.language"),
  key("statedAt", "s.stated_at"),
  key("retractedAt", "s.retracted_at"),
  key("retractionReason", "s.retraction_reason"),
  key("createdAt", "s.created_at"),
  key("updatedAt", "s.updated_at"),
  related("actor", "a", ACTOR("a")),
  related("source", "so", SOURCE("so", "p")),
].join(", ")})`;

const EVIDENCE = `json_build_object(${[
  key("id", "e.id", true),
  key("claimId", "e.claim_id", true),
  key("sourceId", "e.source_id", true),
  key("actorId", "e.actor_id", true),
  key("direction", "e.direction"),
  key("kind", "e.kind"),
  key("summary", "e.summary"),
  key("excerpt", "e.excerpt"),
  key("observedAt", "e.observed_at"),
  key("retractedAt", "e.retracted_at"),
  key("retractionReason", "e.retraction_reason"),
  key("createdAt", "e.created_at"),
  key("updatedAt", "e.updated_at"),
  related("actor", "ea", ACTOR("ea")),
  related("source", "es", SOURCE("es", "ep")),
].join(", ")})`;

const VERDICT = `json_build_object(${[
  key("id", "v.id", true),
  key("claimId", "v.claim_id", true),
  key("reviewerId", "v.reviewer_id", true),
  key("rating", "v.rating"),
  key("ratingValue", "v.rating_value"),
  key("bestRating", "v.best_rating"),
  key("worstRating", "v.worst_rating"),
  key("conclusion", "v.conclusion"),
  key("reviewedAt", "v.reviewed_at"),
  key("url", "v.url"),
  key("explanation", "v.explanation"),
  key("language", "v.language"),
  key("retractedAt", "v.retracted_at"),
  key("retractionReason", "v.retraction_reason"),
  key("createdAt", "v.created_at"),
  related("reviewer", "r", ACTOR("r")),
].join(", ")})`;

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
  p_claim_ids uuid[], p_statements int, p_evidence int, p_verdicts int, p_with_sources boolean, p_fields bigint
) RETURNS TABLE ("claimId" text, statements json, evidence json, verdicts json)
LANGUAGE plpgsql STABLE SET plan_cache_mode = force_generic_plan AS E'${escaped}';`;
}

function childrenSql(statementLimit: string, evidenceLimit: string, verdictLimit: string, ids: string): string {
  return `
SELECT k.id::text AS "claimId",
  (SELECT coalesce(json_agg(x.doc ORDER BY x.created_at, x.id), '[]') FROM (
     SELECT s.created_at, s.id, ${STATEMENT} AS doc
     FROM statements s LEFT JOIN actors a ON ${wanted("actor")} AND a.id = s.actor_id
     LEFT JOIN sources so ON p_with_sources AND ${wanted("source")} AND so.id = s.source_id
     LEFT JOIN actors p ON ${wanted("publisher")} AND p.id = so.publisher_id
     WHERE s.claim_id = k.id AND s.retracted_at IS NULL
     ORDER BY s.created_at, s.id LIMIT ${statementLimit}) x) AS statements,
  (SELECT coalesce(json_agg(x.doc ORDER BY x.created_at, x.id), '[]') FROM (
     SELECT e.created_at, e.id, ${EVIDENCE} AS doc
     FROM evidence e LEFT JOIN sources es ON ${wanted("source")} AND es.id = e.source_id
     LEFT JOIN actors ep ON ${wanted("publisher")} AND ep.id = es.publisher_id
     LEFT JOIN actors ea ON ${wanted("actor")} AND ea.id = e.actor_id
     WHERE e.claim_id = k.id AND e.retracted_at IS NULL
     ORDER BY e.created_at, e.id LIMIT ${evidenceLimit}) x) AS evidence,
  (SELECT coalesce(json_agg(x.doc ORDER BY x.reviewed_at DESC, x.created_at DESC, x.id DESC), '[]') FROM (
     SELECT v.reviewed_at, v.created_at, v.id, ${VERDICT} AS doc
     FROM verdicts v LEFT JOIN actors r ON ${wanted("reviewer")} AND r.id = v.reviewer_id
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
  /**
   * The field names the request's document uses, or null for every field. Rows read
   * with a list carry only those fields (and ids): a resolver of that request reads
   * nothing else, as resolvers read the property of their field's name or an id.
   */
  fields: readonly string[] | null;
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

/** p_fields for a list of field names (null: every field). */
export function fieldMask(fields: readonly string[] | null): string {
  if (!fields) return "-1";
  let mask = 0n;
  for (const field of fields) mask |= FIELD_BITS.get(field) ?? 0n;
  return mask.toString();
}

function functionCall(ids: Prisma.Sql, limits: ChildLimits): Prisma.Sql {
  return Prisma.sql`claimtrail_claim_children(${ids}, ${limits.statements}::int, ${limits.evidence}::int,
    ${limits.verdicts}::int, ${limits.withSources}::boolean, ${fieldMask(limits.fields)}::bigint)`;
}

/** Children windows of each claim, in one statement. */
export async function findClaimChildren(
  prisma: PrismaClient,
  claimIds: readonly string[],
  limits: ChildLimits,
): Promise<ClaimChildren[]> {
  const rows = await queryRows<ClaimChildren>(prisma, {
    sql: Prisma.sql`SELECT * FROM ${functionCall(Prisma.sql`${[...claimIds]}::uuid[]`, limits)}`,
    columns: ["claimId", "statements", "evidence", "verdicts"],
  });
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

/** The columns withChildrenSql adds. */
export const CHILDREN_COLUMN_NAMES = ["childStatements", "childEvidence", "childVerdicts"] as const;

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
