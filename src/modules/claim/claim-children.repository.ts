// One SQL statement for everything a claim page shows under each claim of a batch:
// its first live statements (with speaker, source and publisher), evidence items
// (likewise) and verdicts (with reviewer), as JSON built by PostgreSQL. Attribution
// chains are loaded apart, only when a query asks for them.
// Hand-written rather than Prisma's relation queries: this is the hot path of the claim
// page and the dashboard list, and Prisma's query compiler cost more CPU per request
// than the rest of the server (see the benchmark notes in README).
import pg from "pg";
import type { PrismaClient } from "../../db/prisma";
import { queryRows, rowCountText } from "../../db/sql";
import { Prisma } from "../../generated/prisma/client";
import type { EvidenceGraph, StatementGraph, VerdictGraph } from "../../loaders/row-graphs";
import { CHILD_DOCUMENT_TYPES, SELF_SERVED_FIELDS, type ChildDocumentType, type ChildFields } from "./child-fields";

/**
 * The optional keys of the children documents: a document carries one only when the
 * request's operation selects a field of that name on the document's type (or when whole
 * rows are read). The list guards the SQL builders below against a misspelt key.
 */
export const OPTIONAL_CHILD_KEYS: ReadonlySet<string> = new Set([
  ...["name", "nameKey", "kind", "description", "affiliation", "createdAt", "updatedAt"],
  ...["url", "sourceKey", "title", "language", "publishedAt", "retrievedAt", "contentHash", "archiveUrl"],
  ...["stance", "quote", "paraphrase", "statedAt", "retractedAt", "retractionReason"],
  ...["direction", "summary", "excerpt", "observedAt"],
  ...["rating", "ratingValue", "bestRating", "worstRating", "conclusion", "reviewedAt", "explanation"],
  // Related rows, joined only when asked for.
  ...["actor", "source", "publisher", "reviewer"],
]);

/** What the documents of one type carry. */
interface TypeShape {
  /** The optional key `name` (a column or a related row). */
  wants(name: string): boolean;
  /** The row's own id. */
  id: boolean;
  /**
   * The claim's id and the ids of related rows: only for a selection that reads them (a
   * field outside SELF_SERVED_FIELDS). Otherwise splitChildren fills them in from the
   * claim and from the related rows the document embeds.
   */
  foreignKeys: boolean;
}

type Shape = Readonly<Record<ChildDocumentType, TypeShape>>;

const WHOLE: TypeShape = { wants: () => true, id: true, foreignKeys: true };

function shapeOf(fields: ChildFields | null): Shape {
  const shape = (type: ChildDocumentType): TypeShape => {
    if (!fields) return WHOLE;
    const names = new Set(fields[type]);
    const served = new Set(SELF_SERVED_FIELDS[type]);
    const foreignKeys = [...names].some((name) => name !== "id" && name !== "__typename" && !served.has(name));
    return {
      wants: (name) => {
        if (!OPTIONAL_CHILD_KEYS.has(name))
          throw new Error(`${name} is not among the optional keys of the claim children documents`);
        return names.has(name);
      },
      id: foreignKeys || names.has("id"),
      foreignKeys,
    };
  };
  return Object.fromEntries(CHILD_DOCUMENT_TYPES.map((type) => [type, shape(type)])) as Shape;
}

/**
 * Where a document's values are: its keys in order, and the layout of each related row
 * among them (null for a plain value). A document is a flat array of text values, a
 * related row's values inline where its key is (all null when the outer join found
 * none), not a JSON object: PostgreSQL then writes no key into every document, and builds
 * arrays of text, cheaper than JSON (see listSql); splitChildren names the values.
 */
export interface Layout {
  keys: readonly string[];
  related: readonly (Layout | null)[];
}

/** A document: the SQL of its values as text, in order (related rows' inline), and its layout. */
interface Doc {
  columns: readonly string[];
  layout: Layout;
}

/** A key of a document: its name, its SQL expression (a related row's document), and when it is there. */
type Key = [name: string, expression: string | Doc, presence?: "always" | "id" | "foreignKey"];

/**
 * A document's keys: a related row's id always (splitChildren reads it), the row's own id
 * and the ids of its related rows when the type's selection needs them, the others when
 * wanted. PostgreSQL then builds no JSON for columns no one will read, and Node parses none.
 */
function doc(type: TypeShape, keys: Key[]): Doc {
  const present = ([name, , presence]: Key) =>
    presence === "always" || presence === "id"
      ? presence === "always" || type.id
      : presence === "foreignKey"
        ? type.foreignKeys
        : type.wants(name);
  const kept = keys.filter(present);
  return {
    columns: kept.flatMap(([, expression]) =>
      typeof expression === "string" ? [`(${expression})::text`] : expression.columns,
    ),
    layout: {
      keys: kept.map(([name]) => name),
      related: kept.map(([, expression]) => (typeof expression === "string" ? null : expression.layout)),
    },
  };
}

/** A related row's key, when wanted: its document (its id first: null when the outer join found nothing). */
function related(type: TypeShape, name: string, document: Doc): Key[] {
  return type.wants(name) ? [[name, document, "always"]] : [];
}

const actorDoc = (shape: Shape, alias: string) =>
  doc(shape.Actor, [
    ["id", `${alias}.id`, "always"],
    ["name", `${alias}.name`],
    ["nameKey", `${alias}.name_key`],
    ["kind", `${alias}.kind`],
    ["description", `${alias}.description`],
    ["affiliation", `${alias}.affiliation`],
    ["createdAt", `${alias}.created_at`],
    ["updatedAt", `${alias}.updated_at`],
  ]);

const sourceDoc = (shape: Shape, alias: string, publisher: string) =>
  doc(shape.Source, [
    ["id", `${alias}.id`, "always"],
    ["url", `${alias}.url`],
    ["sourceKey", `${alias}.source_key`],
    ["title", `${alias}.title`],
    ["kind", `${alias}.kind`],
    ["language", `${alias}.language`],
    ["publisherId", `${alias}.publisher_id`, "foreignKey"],
    ["publishedAt", `${alias}.published_at`],
    ["retrievedAt", `${alias}.retrieved_at`],
    ["contentHash", `${alias}.content_hash`],
    ["archiveUrl", `${alias}.archive_url`],
    ["createdAt", `${alias}.created_at`],
    ["updatedAt", `${alias}.updated_at`],
    ...related(shape.Source, "publisher", actorDoc(shape, publisher)),
  ]);

/** The joins a shape needs (related rows are joined only when wanted). */
const joins = (list: (string | false)[]) => list.filter(Boolean).join("\n     ");

/**
 * A claim's first `limit` live rows of `table` in `order`, as the subquery `alias`, with
 * only the columns that `reads` (the rest of the statement's SQL) reads of `alias`: the
 * window is sorted and cut before the joins, and whole rows (quotes, excerpts and all)
 * carried through that sort cost PostgreSQL a sixth of the claim page.
 */
function windowSql(table: string, alias: string, claim: string, order: string, limit: number, reads: string): string {
  const columns = new Set([...reads.matchAll(new RegExp(`\\b${alias}\\.([a-z_]+)`, "g"))].map((match) => match[1]));
  return `(SELECT ${[...columns].map((column) => `${alias}.${column}`).join(", ")}
           FROM ${table} ${alias} WHERE ${alias}.claim_id = ${claim} AND ${alias}.retracted_at IS NULL
           ORDER BY ${order} LIMIT ${rowCountText(limit)}) ${alias}`;
}

/** A children list: the SQL of its column (a JSON array of documents) and the documents' layout. */
interface List {
  sql: string;
  layout: Layout;
}

/**
 * The subquery of a children list over a window of its rows: an array of the documents'
 * text arrays, in order, as JSON (a two-dimensional text array, which `JSON.parse` reads
 * far faster than Node parses PostgreSQL's array text). Under pgbench the dashboard list's
 * statement ran 30% more often per second this way than with `json_agg(json_build_array(...)
 * ORDER BY ...)`: half of it from the ordered aggregate (a sort set up per claim, where
 * the window comes sorted already), half from building text arrays instead of JSON values.
 */
function listSql(
  table: string,
  alias: string,
  claim: string,
  limit: number,
  document: Doc,
  order: string,
  joined: string,
): List {
  const values = document.columns.join(", ");
  const window = windowSql(table, alias, claim, order, limit, `${values} ${order} ${joined}`);
  // A document with no values (a selection of __typename alone) still counts its rows.
  const row = `ARRAY[${values || "NULL"}]::text[]`;
  const ordered = limit === 1 ? "" : `\n     ORDER BY ${order}`;
  const sql = `array_to_json(ARRAY(SELECT ${row}
     FROM ${window}
     ${joined}${ordered}))`;
  return { sql, layout: document.layout };
}

function statementsSql(shape: Shape, claim: string, limit: number, withSources: boolean): List {
  const statement = shape.Statement;
  const sources = withSources && statement.wants("source");
  const document: Doc = doc(statement, [
    ["id", "s.id", "id"],
    ["claimId", "s.claim_id", "foreignKey"],
    ["actorId", "s.actor_id", "foreignKey"],
    ["sourceId", "s.source_id", "foreignKey"],
    ["stance", "s.stance"],
    ["quote", "s.quote"],
    ["paraphrase", "s.paraphrase"],
    ["language", "s.language"],
    ["statedAt", "s.stated_at"],
    ["retractedAt", "s.retracted_at"],
    ["retractionReason", "s.retraction_reason"],
    ["createdAt", "s.created_at"],
    ["updatedAt", "s.updated_at"],
    ...related(statement, "actor", actorDoc(shape, "a")),
    ...(sources ? related(statement, "source", sourceDoc(shape, "so", "p")) : []),
  ]);
  const joined = joins([
    statement.wants("actor") && "LEFT JOIN actors a ON a.id = s.actor_id",
    sources && "LEFT JOIN sources so ON so.id = s.source_id",
    sources && shape.Source.wants("publisher") && "LEFT JOIN actors p ON p.id = so.publisher_id",
  ]);
  return listSql("statements", "s", claim, limit, document, "s.created_at, s.id", joined);
}

function evidenceSql(shape: Shape, claim: string, limit: number): List {
  if (limit === 0) return { sql: `'[]'::json`, layout: { keys: [], related: [] } };
  const evidence = shape.Evidence;
  const sources = evidence.wants("source");
  const document = doc(evidence, [
    ["id", "e.id", "id"],
    ["claimId", "e.claim_id", "foreignKey"],
    ["sourceId", "e.source_id", "foreignKey"],
    ["actorId", "e.actor_id", "foreignKey"],
    ["direction", "e.direction"],
    ["kind", "e.kind"],
    ["summary", "e.summary"],
    ["excerpt", "e.excerpt"],
    ["observedAt", "e.observed_at"],
    ["retractedAt", "e.retracted_at"],
    ["retractionReason", "e.retraction_reason"],
    ["createdAt", "e.created_at"],
    ["updatedAt", "e.updated_at"],
    ...related(evidence, "actor", actorDoc(shape, "ea")),
    ...related(evidence, "source", sourceDoc(shape, "es", "ep")),
  ]);
  const joined = joins([
    sources && "LEFT JOIN sources es ON es.id = e.source_id",
    sources && shape.Source.wants("publisher") && "LEFT JOIN actors ep ON ep.id = es.publisher_id",
    evidence.wants("actor") && "LEFT JOIN actors ea ON ea.id = e.actor_id",
  ]);
  return listSql("evidence", "e", claim, limit, document, "e.created_at, e.id", joined);
}

function verdictsSql(shape: Shape, claim: string, limit: number): List {
  const verdict = shape.Verdict;
  const document = doc(verdict, [
    ["id", "v.id", "id"],
    ["claimId", "v.claim_id", "foreignKey"],
    ["reviewerId", "v.reviewer_id", "foreignKey"],
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
    ...related(verdict, "reviewer", actorDoc(shape, "r")),
  ]);
  const joined = joins([verdict.wants("reviewer") && "LEFT JOIN actors r ON r.id = v.reviewer_id"]);
  return listSql("verdicts", "v", claim, limit, document, "v.reviewed_at DESC, v.created_at DESC, v.id DESC", joined);
}

/** The children columns' SQL for one claim expression and the layouts of their documents. */
export interface Built {
  sql: string;
  layouts: ChildLayouts;
}

/** The layouts of a claim's statements, evidence items and verdicts (splitChildren). */
export interface ChildLayouts {
  statements: Layout;
  evidence: Layout;
  verdicts: Layout;
}

/** Built statements, per fields object (the query shape's, one per parsed document) and limits. */
const built = new WeakMap<object, Map<string, Built>>();
const WHOLE_ROWS = {};

/**
 * The columns "childStatements", "childEvidence" and "childVerdicts" for the claim whose
 * id is the SQL expression `claim` (`sql`): per claim, its first live statements, evidence
 * items and verdicts as JSON arrays of the shape `limits.fields` asks for, with their
 * `layouts` for splitChildren. The text depends only on the limits and the shape, so
 * db/sql.ts prepares it once per connection; it is built once per shape here.
 */
export function childrenColumns(claim: string, limits: ChildLimits): Built {
  const key = `${claim}|${limits.statements}|${limits.evidence}|${limits.verdicts}|${limits.withSources}`;
  let byLimits = built.get(limits.fields ?? WHOLE_ROWS);
  if (!byLimits) built.set(limits.fields ?? WHOLE_ROWS, (byLimits = new Map<string, Built>()));
  let result = byLimits.get(key);
  if (!result) {
    const shape = shapeOf(limits.fields);
    const statements = statementsSql(shape, claim, limits.statements, limits.withSources);
    const evidence = evidenceSql(shape, claim, limits.evidence);
    const verdicts = verdictsSql(shape, claim, limits.verdicts);
    result = {
      sql: `${statements.sql} AS "childStatements",
  ${evidence.sql} AS "childEvidence",
  ${verdicts.sql} AS "childVerdicts"`,
      layouts: { statements: statements.layout, evidence: evidence.layout, verdicts: verdicts.layout },
    };
    byLimits.set(key, result);
  }
  return result;
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
   * Per type, the fields the request's operation selects, or null for whole rows. Rows
   * read for a request carry only the columns of those fields (ids only when a selected
   * field reads them): its resolvers read nothing else, as each reads the property of its
   * field's name (tests/field-mask.test.ts asks every field alone to make sure).
   */
  fields: ChildFields | null;
  /** The Claim fields selected, when the claims read with their children carry only those columns (claimColumns). */
  claimFields?: readonly string[] | null;
}

type Row = Record<string, unknown>;

/**
 * node-postgres's parser of `timestamptz` columns, for the same text inside the documents
 * (PostgreSQL's ISO output, such as `2024-03-01 10:00:00.123456+00`; the pool sets
 * DateStyle=ISO). `new Date()` reads most of it too, but makes 2001 of the year 1 and
 * nothing of a local-mean-time offset such as `+05:53:28`.
 */
const parseTimestamp = pg.types.getTypeParser(pg.types.builtins.TIMESTAMPTZ) as (text: string) => Date;

/** Documents hold text: turns the named timestamp fields back into Date objects, as Prisma returns them. */
function revive(record: Row | null | undefined, keys: readonly string[]): void {
  if (!record) return;
  for (const key of keys) {
    const value = record[key];
    if (typeof value === "string") record[key] = parseTimestamp(value);
  }
}

/** Documents hold text: the named integer fields back as numbers. */
function reviveIntegers(record: Row, keys: readonly string[]): void {
  for (const key of keys) {
    const value = record[key];
    if (typeof value === "string") record[key] = Number(value);
  }
}

/**
 * The id of a related row a document left out (see TypeShape.foreignKeys), from the
 * related row it embeds: what the left-out column holds.
 */
function fillForeignKey(record: Row, key: string, relation: string): void {
  if (key in record || !(relation in record)) return;
  record[key] = (record[relation] as Row | null)?.id ?? null;
}

const ACTOR_DATES = ["createdAt", "updatedAt"] as const;

function reviveSource(source: Row | null | undefined): void {
  if (!source) return;
  revive(source, ["publishedAt", "retrievedAt", "createdAt", "updatedAt"]);
  fillForeignKey(source, "publisherId", "publisher");
  revive(source.publisher as Row | null | undefined, ACTOR_DATES);
}

/** The dates, integers and left-out ids of one claim's children documents, in place (a targeted walk: this is the hot path). */
function reviveChildren(children: ClaimChildren): ClaimChildren {
  const { claimId } = children;
  for (const statement of children.statements as unknown as Row[]) {
    revive(statement, ["statedAt", "retractedAt", "createdAt", "updatedAt"]);
    statement.claimId ??= claimId;
    fillForeignKey(statement, "actorId", "actor");
    fillForeignKey(statement, "sourceId", "source");
    revive(statement.actor as Row, ACTOR_DATES);
    reviveSource(statement.source as Row | null | undefined);
  }
  for (const item of children.evidence as unknown as Row[]) {
    revive(item, ["observedAt", "retractedAt", "createdAt", "updatedAt"]);
    item.claimId ??= claimId;
    fillForeignKey(item, "actorId", "actor");
    fillForeignKey(item, "sourceId", "source");
    revive(item.actor as Row | null, ACTOR_DATES);
    reviveSource(item.source as Row);
  }
  for (const verdict of children.verdicts as unknown as Row[]) {
    revive(verdict, ["reviewedAt", "retractedAt", "createdAt"]);
    reviveIntegers(verdict, ["ratingValue", "bestRating", "worstRating"]);
    verdict.claimId ??= claimId;
    fillForeignKey(verdict, "reviewerId", "reviewer");
    revive(verdict.reviewer as Row, ACTOR_DATES);
  }
  return children;
}

/** Children windows of each claim, in one statement. */
export async function findClaimChildren(
  prisma: PrismaClient,
  claimIds: readonly string[],
  limits: ChildLimits,
): Promise<ClaimChildren[]> {
  const children = childrenColumns("k.id", limits);
  const rows = await queryRows<WithChildrenRow<{ id: string }>>(prisma, {
    sql: Prisma.sql`SELECT k.id::text AS id, ${Prisma.raw(children.sql)}
      FROM unnest(${[...claimIds]}::uuid[]) AS k(id)`,
    columns: ["id", ...CHILDREN_COLUMN_NAMES],
    prepare: true,
  });
  return rows.map((row) => splitChildren(row, children.layouts).children);
}

/** The columns childrenColumns adds. */
export const CHILDREN_COLUMN_NAMES = ["childStatements", "childEvidence", "childVerdicts"] as const;

/** A row with the children columns: each a list of documents, positional (see Layout). */
export type WithChildrenRow<R> = R & {
  childStatements: unknown[][] | null;
  childEvidence: unknown[][] | null;
  childVerdicts: unknown[][] | null;
};

/**
 * The values of a document from `at.next` on, named by its layout; a related row's values
 * are inline, and null as a whole when its id is (the outer join found none).
 */
function named(layout: Layout, values: readonly unknown[], at: { next: number }): Row {
  const row: Row = {};
  for (let index = 0; index < layout.keys.length; index += 1) {
    const related = layout.related[index];
    if (related) {
      const relatedRow = named(related, values, at);
      row[layout.keys[index]!] = relatedRow.id === null || relatedRow.id === undefined ? null : relatedRow;
    } else {
      row[layout.keys[index]!] = values[at.next];
      at.next += 1;
    }
  }
  return row;
}

const namedAll = (layout: Layout, documents: readonly unknown[][] | null) =>
  (documents ?? []).map((values) => named(layout, values, { next: 0 }));

/** Splits a row of a query made with childrenColumns (with its `layouts`) into the row and its claim's children. */
export function splitChildren<R extends { id: string }>(
  row: WithChildrenRow<R>,
  layouts: ChildLayouts,
): { row: R; children: ClaimChildren } {
  const { childStatements, childEvidence, childVerdicts, ...rest } = row;
  const children = reviveChildren({
    claimId: row.id,
    statements: namedAll(layouts.statements, childStatements) as unknown as StatementGraph[],
    evidence: namedAll(layouts.evidence, childEvidence) as unknown as EvidenceGraph[],
    verdicts: namedAll(layouts.verdicts, childVerdicts) as unknown as VerdictGraph[],
  });
  return { row: rest as unknown as R, children };
}
