// The claim filters of lists, search and aggregates, compiled once to SQL conditions on
// `claims c`, so every surface filters the same way. Each condition has an index:
// see prisma/schema.prisma and the benchmark's plan check.
import { z } from "zod";
import { Prisma, type Claim } from "../../generated/prisma/client";
import { ClaimStatus, Stance } from "../../generated/prisma/enums";
import { globalId, languageTag } from "../../shared/validation";
import { topicSlug } from "./claim.schema";

export const claimFilterSchema = z
  .object({
    status: z.array(z.enum(ClaimStatus)).max(5).nullish(),
    topic: topicSlug.nullish(),
    language: languageTag.nullish(),
    saidBy: globalId("Actor").nullish(),
    stance: z.enum(Stance).nullish(),
    source: globalId("Source").nullish(),
    publisher: globalId("Actor").nullish(),
    hasVerdict: z.boolean().nullish(),
    verdictRating: z.string().trim().min(1).max(200).nullish(),
    firstSeenAfter: z.date().nullish(),
    firstSeenBefore: z.date().nullish(),
    updatedAfter: z.date().nullish(),
    updatedBefore: z.date().nullish(),
  })
  .nullish();

export type ClaimFilter = NonNullable<z.output<typeof claimFilterSchema>>;

/** SQL conditions (ANDed) for a filter on `claims c`; `TRUE` when there is none. */
export function claimFilterSql(filter: ClaimFilter | null | undefined): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (filter?.status?.length) {
    // On the enum itself, so (status, updated_at) serves a one-status page in order.
    const statuses = [...new Set(filter.status)];
    conditions.push(
      statuses.length === 1
        ? Prisma.sql`c.status = ${statuses[0]}::"ClaimStatus"`
        : Prisma.sql`c.status = ANY(${statuses}::"ClaimStatus"[])`,
    );
  }
  if (filter?.topic) conditions.push(Prisma.sql`c.topics @> ARRAY[${filter.topic}]::text[]`);
  if (filter?.language) conditions.push(Prisma.sql`c.language = ${filter.language}`);
  if (filter?.saidBy || filter?.stance) {
    const byActor = filter.saidBy ? Prisma.sql`AND s.actor_id = ${filter.saidBy}::uuid` : Prisma.empty;
    const byStance = filter.stance ? Prisma.sql`AND s.stance = ${filter.stance}::"Stance"` : Prisma.empty;
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM statements s WHERE s.claim_id = c.id AND s.retracted_at IS NULL ${byActor} ${byStance})`,
    );
  }
  if (filter?.source) {
    conditions.push(Prisma.sql`(
      EXISTS (SELECT 1 FROM statements s WHERE s.claim_id = c.id AND s.source_id = ${filter.source}::uuid AND s.retracted_at IS NULL)
      OR EXISTS (SELECT 1 FROM evidence e WHERE e.claim_id = c.id AND e.source_id = ${filter.source}::uuid AND e.retracted_at IS NULL))`);
  }
  if (filter?.publisher) {
    conditions.push(Prisma.sql`EXISTS (
      SELECT 1 FROM statements s JOIN sources so ON so.id = s.source_id
      WHERE s.claim_id = c.id AND s.retracted_at IS NULL AND so.publisher_id = ${filter.publisher}::uuid)`);
  }
  if (filter?.hasVerdict !== null && filter?.hasVerdict !== undefined) {
    const exists = Prisma.sql`EXISTS (SELECT 1 FROM verdicts v WHERE v.claim_id = c.id AND v.retracted_at IS NULL)`;
    conditions.push(filter.hasVerdict ? exists : Prisma.sql`NOT ${exists}`);
  }
  if (filter?.verdictRating) {
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM verdicts v WHERE v.claim_id = c.id AND v.retracted_at IS NULL AND v.rating = ${filter.verdictRating})`,
    );
  }
  if (filter?.firstSeenAfter) conditions.push(Prisma.sql`c.first_seen_at >= ${filter.firstSeenAfter}`);
  if (filter?.firstSeenBefore) conditions.push(Prisma.sql`c.first_seen_at < ${filter.firstSeenBefore}`);
  if (filter?.updatedAfter) conditions.push(Prisma.sql`c.updated_at >= ${filter.updatedAfter}`);
  if (filter?.updatedBefore) conditions.push(Prisma.sql`c.updated_at < ${filter.updatedBefore}`);
  return conditions.length ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`;
}

/** The claim columns, named as Prisma's Claim model names them, for raw queries on `claims c`. */
/** The columns of a Claim row, as CLAIM_COLUMNS names them. */
export const CLAIM_COLUMN_NAMES = [
  ...["id", "text", "language", "topics", "status", "firstSeenAt", "createdAt", "updatedAt"],
  ...["statementCount", "supportCount", "opposeCount", "disputeScore"],
] as const satisfies readonly (keyof Claim)[];

export const CLAIM_COLUMNS = Prisma.sql`c.id, c.text, c.language, c.topics, c.status::text AS status,
  c.first_seen_at AS "firstSeenAt", c.created_at AS "createdAt", c.updated_at AS "updatedAt",
  c.statement_count AS "statementCount", c.support_count AS "supportCount", c.oppose_count AS "opposeCount",
  c.dispute_score AS "disputeScore"`;

export type ClaimColumnName = (typeof CLAIM_COLUMN_NAMES)[number];

/** Each column's expression, as CLAIM_COLUMNS writes it. */
const CLAIM_COLUMN_SQL: Record<ClaimColumnName, string> = {
  id: "c.id",
  text: "c.text",
  language: "c.language",
  topics: "c.topics",
  status: "c.status::text AS status",
  firstSeenAt: 'c.first_seen_at AS "firstSeenAt"',
  createdAt: 'c.created_at AS "createdAt"',
  updatedAt: 'c.updated_at AS "updatedAt"',
  statementCount: 'c.statement_count AS "statementCount"',
  supportCount: 'c.support_count AS "supportCount"',
  opposeCount: 'c.oppose_count AS "opposeCount"',
  disputeScore: 'c.dispute_score AS "disputeScore"',
};

/**
 * The Claim fields whose resolvers read the column of their own name (the others read the
 * claim's id: its statements, counts from the children, history...).
 */
const SELF_SERVED_CLAIM_FIELDS = new Set<string>([
  "text",
  "language",
  "topics",
  "status",
  "firstSeenAt",
  "createdAt",
  "updatedAt",
]);

export interface ClaimColumns {
  sql: Prisma.Sql;
  names: readonly ClaimColumnName[];
}

const WHOLE_CLAIM: ClaimColumns = { sql: CLAIM_COLUMNS, names: CLAIM_COLUMN_NAMES };
const claimColumnsCache = new WeakMap<readonly string[], Map<string, ClaimColumns>>();

/**
 * The claim columns a read needs: every one for `fields` null, else the id, the columns of
 * the Claim fields the operation selects (`fields`), and `also` (a list's order column, for
 * its cursors). Rows read so prime the claims loader: every Claim field the operation
 * selects anywhere is in `fields`, so no resolver of the request reads a column left out.
 */
export function claimColumns(fields: readonly string[] | null, also: readonly ClaimColumnName[] = []): ClaimColumns {
  if (!fields) return WHOLE_CLAIM;
  let byAlso = claimColumnsCache.get(fields);
  if (!byAlso) claimColumnsCache.set(fields, (byAlso = new Map<string, ClaimColumns>()));
  const key = also.join(",");
  let columns = byAlso.get(key);
  if (!columns) {
    const wanted = new Set<string>(["id", ...fields.filter((field) => SELF_SERVED_CLAIM_FIELDS.has(field)), ...also]);
    const names = CLAIM_COLUMN_NAMES.filter((name) => wanted.has(name));
    columns = { sql: Prisma.raw(names.map((name) => CLAIM_COLUMN_SQL[name]).join(", ")), names };
    byAlso.set(key, columns);
  }
  return columns;
}
