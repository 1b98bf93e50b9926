// A normalized picture of a database's public schema, read from the catalogs (not from
// pg_dump, whose client may be older than the server), for comparing two databases:
// one built from the committed migrations and one from `prisma migrate diff` of
// schema.prisma. Also: the diff script itself.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { Client } from "pg";
import { projectRoot } from "../../src/project-root";

const run = promisify(execFile);

/** Prisma's bookkeeping table: only migrate deploy creates it, and its content is not schema. */
const IGNORED_TABLES = ["_prisma_migrations"];

export interface ColumnSnapshot {
  /** format_type(): `text[]`, `character varying(16)`, `"ClaimStatus"`, `timestamp(3) with time zone`. */
  type: string;
  /** The underlying type as schema.name: `pg_catalog._text` for text[], `public.ClaimStatus`. */
  udt: string;
  notNull: boolean;
  default: string | null;
  identity: string;
  generated: string;
}

export interface TableSnapshot {
  /** pg_class.relkind: r table, p partitioned table, v view, m materialized view, f foreign table. */
  kind: string;
  columns: Record<string, ColumnSnapshot>;
  /** Index name → pg_indexes.indexdef. */
  indexes: Record<string, string>;
  /** Constraint name → type (pg_constraint.contype) and pg_get_constraintdef(). */
  constraints: Record<string, { type: string; definition: string }>;
}

export interface SchemaSnapshot {
  /** Enum name → its labels in their declared order. */
  enums: Record<string, string[]>;
  tables: Record<string, TableSnapshot>;
  sequences: Record<
    string,
    { type: string; start: string; min: string; max: string; increment: string; cycle: boolean }
  >;
}

/** Builds an object whose keys are inserted in sorted order, so printed diffs are stable. */
function sortedRecord<T>(entries: [string, T][]): Record<string, T> {
  const record: Record<string, T> = {};
  for (const [key, value] of [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) record[key] = value;
  return record;
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

/** Reads the public schema of the database at `url`. */
export async function schemaSnapshot(url: string): Promise<SchemaSnapshot> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const database = (await client.query<{ name: string }>("SELECT current_database() AS name")).rows[0]!.name;
    // Definitions do not name the database today; if one ever does, both sides must still match.
    const normalize = (text: string): string => text.split(database).join("<database>");
    const normalizeNullable = (text: string | null): string | null => (text === null ? null : normalize(text));

    const enumRows = (
      await client.query<{ name: string; label: string }>(
        `SELECT t.typname AS name, e.enumlabel AS label
           FROM pg_type t
           JOIN pg_namespace n ON n.oid = t.typnamespace
           JOIN pg_enum e ON e.enumtypid = t.oid
          WHERE n.nspname = 'public'
          ORDER BY t.typname, e.enumsortorder`,
      )
    ).rows;

    const relationRows = (
      await client.query<{ table: string; kind: string }>(
        `SELECT c.relname AS table, c.relkind::text AS kind
           FROM pg_class c
           JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT (c.relname = ANY($1))`,
        [IGNORED_TABLES],
      )
    ).rows;

    const columnRows = (
      await client.query<{
        table: string;
        column: string;
        type: string;
        udt: string;
        not_null: boolean;
        default: string | null;
        identity: string;
        generated: string;
      }>(
        `SELECT c.relname AS table, a.attname AS column,
                format_type(a.atttypid, a.atttypmod) AS type,
                tn.nspname || '.' || t.typname AS udt,
                a.attnotnull AS not_null,
                pg_get_expr(d.adbin, d.adrelid) AS default,
                a.attidentity::text AS identity,
                a.attgenerated::text AS generated
           FROM pg_class c
           JOIN pg_namespace n ON n.oid = c.relnamespace
           JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
           JOIN pg_type t ON t.oid = a.atttypid
           JOIN pg_namespace tn ON tn.oid = t.typnamespace
           LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
          WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT (c.relname = ANY($1))`,
        [IGNORED_TABLES],
      )
    ).rows;

    const indexRows = (
      await client.query<{ table: string; name: string; definition: string }>(
        `SELECT tablename AS table, indexname AS name, indexdef AS definition
           FROM pg_indexes
          WHERE schemaname = 'public' AND NOT (tablename = ANY($1))`,
        [IGNORED_TABLES],
      )
    ).rows;

    // NOT NULL constraints (contype 'n', catalogued since PostgreSQL 18) are left out:
    // nullability is in the columns already, and their generated names are not schema
    // that Prisma manages, so PostgreSQL 15 and 18 give the same snapshot.
    const constraintRows = (
      await client.query<{ table: string; name: string; type: string; definition: string }>(
        `SELECT c.relname AS table, con.conname AS name, con.contype::text AS type,
                pg_get_constraintdef(con.oid) AS definition
           FROM pg_constraint con
           JOIN pg_class c ON c.oid = con.conrelid
           JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND con.contype <> 'n' AND NOT (c.relname = ANY($1))`,
        [IGNORED_TABLES],
      )
    ).rows;

    const sequenceRows = (
      await client.query<{
        name: string;
        type: string;
        start: string;
        min: string;
        max: string;
        increment: string;
        cycle: boolean;
      }>(
        `SELECT sequencename AS name, data_type::text AS type, start_value::text AS start,
                min_value::text AS min, max_value::text AS max, increment_by::text AS increment,
                cycle
           FROM pg_sequences
          WHERE schemaname = 'public'`,
      )
    ).rows;

    const enums = sortedRecord(
      [...groupBy(enumRows, (row) => row.name)].map(([name, rows]) => [name, rows.map((row) => row.label)]),
    );
    const columnsByTable = groupBy(columnRows, (row) => row.table);
    const indexesByTable = groupBy(indexRows, (row) => row.table);
    const constraintsByTable = groupBy(constraintRows, (row) => row.table);
    const tables = sortedRecord(
      relationRows.map(({ table, kind }): [string, TableSnapshot] => [
        table,
        {
          kind,
          columns: sortedRecord(
            (columnsByTable.get(table) ?? []).map((row): [string, ColumnSnapshot] => [
              row.column,
              {
                type: row.type,
                udt: row.udt,
                notNull: row.not_null,
                default: normalizeNullable(row.default),
                identity: row.identity,
                generated: row.generated,
              },
            ]),
          ),
          indexes: sortedRecord(
            (indexesByTable.get(table) ?? []).map((row): [string, string] => [row.name, normalize(row.definition)]),
          ),
          constraints: sortedRecord(
            (constraintsByTable.get(table) ?? []).map((row): [string, { type: string; definition: string }] => [
              row.name,
              { type: row.type, definition: normalize(row.definition) },
            ]),
          ),
        },
      ]),
    );
    const sequences = sortedRecord(sequenceRows.map(({ name, ...sequence }) => [name, sequence]));
    return { enums, tables, sequences };
  } finally {
    await client.end();
  }
}

/**
 * The SQL that builds prisma/schema.prisma from nothing: `prisma migrate diff --from-empty
 * --to-schema-datamodel prisma/schema.prisma --script`, run with this project's Prisma CLI.
 * The diff itself touches no database, but the CLI's adapter config wants a reachable
 * DATABASE_URL: give it `databaseUrl`.
 */
export async function migrateDiffFromEmpty(databaseUrl: string): Promise<string> {
  const cli = path.join(path.dirname(require.resolve("prisma/package.json")), "build", "index.js");
  const schema = path.join("prisma", "schema.prisma");
  const { stdout } = await run(
    process.execPath,
    [cli, "migrate", "diff", "--from-empty", "--to-schema-datamodel", schema, "--script"],
    {
      cwd: projectRoot(),
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
      maxBuffer: 10 * 1024 * 1024,
    },
  );
  return stdout;
}

/** Runs a multi-statement SQL script on the database at `url`. */
export async function runSql(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
