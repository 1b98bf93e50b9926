// Drift between prisma/schema.prisma and prisma/migrations/: a database built by the
// committed migrations (the test template, made with `prisma migrate deploy`) must have
// the same public schema as one built by `prisma migrate diff --from-empty` of the
// current schema.prisma. When this fails, a schema change has no migration (or a
// migration no schema change): write one with `prisma migrate diff` (CONTRIBUTING.md).
import { createTestDatabase } from "./helpers/test-server";
import { migrateDiffFromEmpty, runSql, schemaSnapshot, type SchemaSnapshot } from "./helpers/schema-snapshot";
import { DEFERRABLE_REFERENCE_KEYS } from "../src/modules/bulk/bulk-import.repository";

type Database = { url: string; drop(): Promise<void> };

const databases: Database[] = [];
let fromSchema: SchemaSnapshot;

async function track(database: Promise<Database>): Promise<Database> {
  const created = await database;
  databases.push(created);
  return created;
}

beforeAll(async () => {
  const empty = await track(createTestDatabase({ empty: true }));
  // The CLI waits for its pg pool's idle timeout (10 s) before it exits.
  const script = await migrateDiffFromEmpty(empty.url);
  expect(script).toMatch(/CREATE TABLE "claims"/);
  await runSql(empty.url, script);
  fromSchema = await schemaSnapshot(empty.url);
}, 120_000);

afterAll(async () => {
  await Promise.all(databases.map((database) => database.drop()));
});

/**
 * The snapshot as schema.prisma can describe it: Prisma's schema cannot say DEFERRABLE, so
 * the foreign keys a migration made deferrable by hand (DEFERRABLE_REFERENCE_KEYS) are
 * checked to be, and compared without it.
 */
function asPrismaSees(snapshot: SchemaSnapshot): SchemaSnapshot {
  const tables = Object.fromEntries(
    Object.entries(snapshot.tables).map(([name, table]) => [
      name,
      {
        ...table,
        constraints: Object.fromEntries(
          Object.entries(table.constraints).map(([key, constraint]) => {
            if (!(DEFERRABLE_REFERENCE_KEYS as readonly string[]).includes(key)) return [key, constraint];
            expect(`${key}: ${constraint.definition}`).toMatch(/ DEFERRABLE$/);
            return [key, { ...constraint, definition: constraint.definition.replace(/ DEFERRABLE$/, "") }];
          }),
        ),
      },
    ]),
  );
  return { ...snapshot, tables };
}

test("the committed migrations build the same schema as schema.prisma", async () => {
  const migrated = await track(createTestDatabase());
  const raw = await schemaSnapshot(migrated.url);
  const deferrable = Object.values(raw.tables).flatMap((table) =>
    Object.entries(table.constraints).flatMap(([key, { definition }]) =>
      / DEFERRABLE$/.test(definition) ? [key] : [],
    ),
  );
  expect(deferrable.sort()).toEqual([...DEFERRABLE_REFERENCE_KEYS].sort());
  const fromMigrations = asPrismaSees(raw);

  // The snapshot really reads the schema (an empty one on both sides would match too).
  expect(Object.keys(fromSchema.tables)).toEqual(expect.arrayContaining(["claims", "actors", "verdicts"]));
  expect(fromSchema.enums.ClaimStatus).toEqual(["UNVERIFIED", "DISPUTED", "SUPPORTED", "REFUTED", "MIXED"]);
  expect(fromMigrations).toEqual(fromSchema);
});

test("a column that only the database has is reported as drift", async () => {
  const drifted = await track(createTestDatabase());
  await runSql(drifted.url, "ALTER TABLE claims ADD COLUMN drift_probe int");
  const snapshot = asPrismaSees(await schemaSnapshot(drifted.url));

  expect(snapshot).not.toEqual(fromSchema);
  // ...and the probe is the whole difference.
  const { drift_probe: probe, ...columns } = snapshot.tables.claims!.columns;
  expect(probe).toEqual({
    type: "integer",
    udt: "pg_catalog.int4",
    notNull: false,
    default: null,
    identity: "",
    generated: "",
  });
  expect({ ...snapshot, tables: { ...snapshot.tables, claims: { ...snapshot.tables.claims!, columns } } }).toEqual(
    fromSchema,
  );
});
