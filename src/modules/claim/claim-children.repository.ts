// One SQL statement for everything a claim page shows under each claim of a batch:
// its first live statements (with speaker, source and publisher), evidence items
// (likewise) and verdicts (with reviewer), as JSON built by PostgreSQL. Attribution
// chains are loaded apart, only when a query asks for them.
// Hand-written rather than Prisma's relation queries: this is the hot path of the claim
// page and the dashboard list, and Prisma's query compiler cost more CPU per request
// than the rest of the server (see the benchmark notes in README).
import type { PrismaClient } from "../../db/prisma";
import { queryRows, rowCountText } from "../../db/sql";
import { Prisma } from "../../generated/prisma/client";
import type { EvidenceGraph, StatementGraph, VerdictGraph } from "../../loaders/row-graphs";

/**
 * The optional keys of the children documents: a document carries one only when the
 * request's operation names a field of that name (or when whole rows are read). Each is
 * also a bit of fieldMask, which keys the shapes.
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

/** Which optional keys one shape of the documents carries. */
type Wanted = (name: string) => boolean;

function wantedOf(fields: readonly string[] | null): Wanted {
  if (!fields) return () => true;
  const names = new Set(fields);
  return (name) => {
    if (!FIELD_BITS.has(name))
      throw new Error(`${name} is not among the optional keys of the claim children documents`);
    return names.has(name);
  };
}

/**
 * A document's keys: those every resolver may read (ids and the ids of related rows)
 * always, the others only when wanted. PostgreSQL then builds no JSON for columns no
 * one will read, and Node parses none.
 */
function doc(wanted: Wanted, keys: [name: string, expression: string, always?: boolean][]): string {
  return `json_build_object(${keys
    .filter(([name, , always]) => always || wanted(name))
    .map(([name, expression]) => `'${name}', ${expression}`)
    .join(", ")})`;
}

/** A related row's key, when wanted: its document, or null when the (outer) join found nothing. */
function related(wanted: Wanted, name: string, alias: string, document: string): [string, string, boolean][] {
  return wanted(name) ? [[name, `CASE WHEN ${alias}.id IS NULL THEN NULL ELSE ${document} END`, true]] : [];
}

const actorDoc = (wanted: Wanted, alias: string) =>
  doc(wanted, [
    ["id", `${alias}.id`, true],
    ["name", `${alias}.name`],
    ["nameKey", `${alias}.name_key`],
    ["kind", `${alias}.kind`],
    ["description", `${alias}.description`],
    ["affiliation", `${alias}.affiliation`],
    ["createdAt", `${alias}.created_at`],
    ["updatedAt", `${alias}.updated_at`],
  ]);

const sourceDoc = (wanted: Wanted, alias: string, publisher: string) =>
  doc(wanted, [
    ["id", `${alias}.id`, true],
    ["url", `${alias}.url`],
    ["sourceKey", `${alias}.source_key`],
    ["title", `${alias}.title`],
    ["kind", `${alias}.kind`],
    ["language", `${alias}.language`],
    ["publisherId", `${alias}.publisher_id`, true],
    ["publishedAt", `${alias}.published_at`],
    ["retrievedAt", `${alias}.retrieved_at`],
    ["contentHash", `${alias}.content_hash`],
    ["archiveUrl", `${alias}.archive_url`],
    ["createdAt", `${alias}.created_at`],
    ["updatedAt", `${alias}.updated_at`],
    ...related(wanted, "publisher", publisher, actorDoc(wanted, publisher)),
  ]);

/** The joins a shape needs (related rows are joined only when wanted). */
const joins = (list: (string | false)[]) => list.filter(Boolean).join("\n     ");

/** A positive integer or zero, written into the SQL text (limits come from code, never from input). */
function statementsSql(wanted: Wanted, claim: string, limit: number, withSources: boolean): string {
  const sources = withSources && wanted("source");
  const document = doc(wanted, [
    ["id", "s.id", true],
    ["claimId", "s.claim_id", true],
    ["actorId", "s.actor_id", true],
    ["sourceId", "s.source_id", true],
    ["stance", "s.stance"],
    ["quote", "s.quote"],
    ["paraphrase", "s.paraphrase"],
    ["language", "s.language"],
    ["statedAt", "s.stated_at"],
    ["retractedAt", "s.retracted_at"],
    ["retractionReason", "s.retraction_reason"],
    ["createdAt", "s.created_at"],
    ["updatedAt", "s.updated_at"],
    ...related(wanted, "actor", "a", actorDoc(wanted, "a")),
    ...(sources ? related(wanted, "source", "so", sourceDoc(wanted, "so", "p")) : []),
  ]);
  return `(SELECT coalesce(json_agg(${document} ORDER BY s.created_at, s.id), '[]')
     FROM (SELECT * FROM statements s WHERE s.claim_id = ${claim} AND s.retracted_at IS NULL
           ORDER BY s.created_at, s.id LIMIT ${rowCountText(limit)}) s
     ${joins([
       wanted("actor") && "LEFT JOIN actors a ON a.id = s.actor_id",
       sources && "LEFT JOIN sources so ON so.id = s.source_id",
       sources && wanted("publisher") && "LEFT JOIN actors p ON p.id = so.publisher_id",
     ])})`;
}

function evidenceSql(wanted: Wanted, claim: string, limit: number): string {
  if (limit === 0) return `'[]'::json`;
  const document = doc(wanted, [
    ["id", "e.id", true],
    ["claimId", "e.claim_id", true],
    ["sourceId", "e.source_id", true],
    ["actorId", "e.actor_id", true],
    ["direction", "e.direction"],
    ["kind", "e.kind"],
    ["summary", "e.summary"],
    ["excerpt", "e.excerpt"],
    ["observedAt", "e.observed_at"],
    ["retractedAt", "e.retracted_at"],
    ["retractionReason", "e.retraction_reason"],
    ["createdAt", "e.created_at"],
    ["updatedAt", "e.updated_at"],
    ...related(wanted, "actor", "ea", actorDoc(wanted, "ea")),
    ...related(wanted, "source", "es", sourceDoc(wanted, "es", "ep")),
  ]);
  return `(SELECT coalesce(json_agg(${document} ORDER BY e.created_at, e.id), '[]')
     FROM (SELECT * FROM evidence e WHERE e.claim_id = ${claim} AND e.retracted_at IS NULL
           ORDER BY e.created_at, e.id LIMIT ${rowCountText(limit)}) e
     ${joins([
       wanted("source") && "LEFT JOIN sources es ON es.id = e.source_id",
       wanted("source") && wanted("publisher") && "LEFT JOIN actors ep ON ep.id = es.publisher_id",
       wanted("actor") && "LEFT JOIN actors ea ON ea.id = e.actor_id",
     ])})`;
}

function verdictsSql(wanted: Wanted, claim: string, limit: number): string {
  const document = doc(wanted, [
    ["id", "v.id", true],
    ["claimId", "v.claim_id", true],
    ["reviewerId", "v.reviewer_id", true],
    ["rating", "v.rating"],
    ["ratingValue", "v.rating_value"],
    ["bestRating", "v.best_rating"],
    ["worstRating", "v.worst_rating"],
    ["conclusion", "v.conclusion"],
    ["reviewedAt", "v.reviewed_at"],
    ["url", "v.url"],
    ["explanation", "v.explanation"],
    ["language", "v.language"],
    ["retractedAt", "v.retracted_at"],
    ["retractionReason", "v.retraction_reason"],
    ["createdAt", "v.created_at"],
    ...related(wanted, "reviewer", "r", actorDoc(wanted, "r")),
  ]);
  return `(SELECT coalesce(json_agg(${document} ORDER BY v.reviewed_at DESC, v.created_at DESC, v.id DESC), '[]')
     FROM (SELECT * FROM verdicts v WHERE v.claim_id = ${claim} AND v.retracted_at IS NULL
           ORDER BY v.reviewed_at DESC, v.created_at DESC, v.id DESC LIMIT ${rowCountText(limit)}) v
     ${joins([wanted("reviewer") && "LEFT JOIN actors r ON r.id = v.reviewer_id"])})`;
}

/**
 * The columns "childStatements", "childEvidence" and "childVerdicts" for the claim whose
 * id is the SQL expression `claim`: per claim, its first live statements, evidence items
 * and verdicts as JSON documents of the shape `limits.fields` asks for. The text depends
 * only on the limits and the shape, so db/sql.ts prepares it once per connection.
 */
export function childrenColumnsSql(claim: string, limits: ChildLimits): string {
  const wanted = wantedOf(limits.fields);
  return `${statementsSql(wanted, claim, limits.statements, limits.withSources)} AS "childStatements",
  ${evidenceSql(wanted, claim, limits.evidence)} AS "childEvidence",
  ${verdictsSql(wanted, claim, limits.verdicts)} AS "childVerdicts"`;
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

/** The shape a list of field names asks for, as a bitmask over OPTIONAL_FIELDS (-1: every field). */
export function fieldMask(fields: readonly string[] | null): string {
  if (!fields) return "-1";
  let mask = 0n;
  for (const field of fields) mask |= FIELD_BITS.get(field) ?? 0n;
  return mask.toString();
}

/** Children windows of each claim, in one statement. */
export async function findClaimChildren(
  prisma: PrismaClient,
  claimIds: readonly string[],
  limits: ChildLimits,
): Promise<ClaimChildren[]> {
  const rows = await queryRows<WithChildrenRow<{ id: string }>>(prisma, {
    sql: Prisma.sql`SELECT k.id::text AS id, ${Prisma.raw(childrenColumnsSql("k.id", limits))}
      FROM unnest(${[...claimIds]}::uuid[]) AS k(id)`,
    columns: ["id", ...CHILDREN_COLUMN_NAMES],
    prepare: true,
  });
  return rows.map((row) => splitChildren(row).children);
}

/** The columns childrenColumnsSql adds. */
export const CHILDREN_COLUMN_NAMES = ["childStatements", "childEvidence", "childVerdicts"] as const;

export type WithChildrenRow<R> = R & {
  childStatements: StatementGraph[];
  childEvidence: EvidenceGraph[];
  childVerdicts: VerdictGraph[];
};

/** Splits a row of a query made with childrenColumnsSql into the row and its claim's children. */
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
