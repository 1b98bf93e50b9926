// Re-importing a file matches each line's statements, evidence and verdicts against what
// their claims have already (findExistingItems, src/modules/bulk/bulk-import.repository.ts),
// a thousand lines per statement. Right after an import the tables have no statistics
// (or stale ones), and PostgreSQL then took the speaker's index (actor_id, stance) for the
// statements' lookup and filtered every statement of that speaker per item: 82 ms for a
// batch's 1,600 statements instead of 27, most of a re-run's database time. Each item is
// looked for among its claim's rows only, whatever the statistics say.
import { randomUUID } from "node:crypto";
import pg from "pg";
import type { SqlClient } from "../src/db/sql";
import { findExistingItems } from "../src/modules/bulk/bulk-import.repository";
import { connectTestDatabase, type ConnectedTestDatabase } from "./helpers/test-server";

let database: ConnectedTestDatabase;
let client: pg.Client;

beforeAll(async () => {
  database = await connectTestDatabase();
  client = database.client;
}, 60_000);

afterAll(() => database.close());

test("a re-import finds existing items through their claim's index, without statistics", async () => {
  for (const table of ["claims", "statements", "evidence", "verdicts"]) {
    await client.query(`ALTER TABLE ${table} SET (autovacuum_enabled = false)`);
  }
  // One speaker, one source and one reviewer behind every item of 2,000 claims, as a
  // newsroom's own archive has them; never analyzed.
  const actor = randomUUID();
  const source = randomUUID();
  await client.query(
    `INSERT INTO actors (id, name, name_key, kind, updated_at) VALUES ($1, 'Desk', 'desk', 'PERSON', now())`,
    [actor],
  );
  await client.query(
    `INSERT INTO sources (id, url, source_key, title, kind, updated_at) VALUES ($1, 'https://example.org/a', 'https://example.org/a', 'A', 'NEWS_ARTICLE', now())`,
    [source],
  );
  await client.query(`
    INSERT INTO claims (id, text, language, updated_at)
    SELECT gen_random_uuid(), 'claim ' || i, 'en', now() FROM generate_series(1, 2000) i`);
  await client.query(
    `INSERT INTO statements (id, claim_id, actor_id, source_id, stance, quote)
     SELECT gen_random_uuid(), c.id, $1, $2, 'ASSERTS', 'quote ' || n FROM claims c, generate_series(1, 2) n`,
    [actor, source],
  );
  await client.query(
    `INSERT INTO evidence (id, claim_id, source_id, direction, kind, summary)
     SELECT gen_random_uuid(), c.id, $1, 'SUPPORTS', 'DOCUMENT', 'summary' FROM claims c`,
    [source],
  );
  await client.query(
    `INSERT INTO verdicts (id, claim_id, reviewer_id, rating, conclusion, reviewed_at)
     SELECT gen_random_uuid(), c.id, $1, 'False', 'REFUTED', '2024-01-01Z' FROM claims c`,
    [actor],
  );
  const { rows: claims } = await client.query<{ id: string }>(`SELECT id FROM claims ORDER BY id LIMIT 3`);
  const [first, second, third] = claims.map((row) => row.id) as [string, string, string];

  const plans: string[] = [];
  const sql: SqlClient = {
    rows: async <Row>({ sql: query }: { sql: { text: string; values: unknown[] } }) => {
      const explained = await client.query({ text: `EXPLAIN ${query.text}`, values: query.values });
      plans.push(explained.rows.map((row: Record<string, string>) => row["QUERY PLAN"]).join("\n"));
      return (await client.query({ text: query.text, values: query.values })).rows as Row[];
    },
  };
  const statement = { actorId: actor, sourceId: source, stance: "ASSERTS" as const, paraphrase: null, statedAt: null };
  const found = await findExistingItems(sql, {
    statements: [
      { ...statement, claimId: first, quote: "quote 2" },
      { ...statement, claimId: second, quote: "quote 3" },
    ],
    evidence: [{ claimId: third, sourceId: source, direction: "SUPPORTS", summary: "summary" }],
    verdicts: [
      { claimId: first, reviewerId: actor, rating: "False", reviewedAt: new Date("2024-01-01Z"), url: null },
      { claimId: second, reviewerId: actor, rating: "True", reviewedAt: new Date("2024-01-01Z"), url: null },
    ],
  });

  expect(found).toEqual({ statements: new Set([0]), evidence: new Set([0]), verdicts: new Set([0]) });
  expect(plans).toHaveLength(1);
  expect(plans[0]).toContain("statements_claim_id_created_at_idx");
  expect(plans[0]).toContain("evidence_claim_id_created_at_idx");
  expect(plans[0]).toContain("verdicts_claim_id_reviewed_at_idx");
  expect(plans[0]).not.toMatch(/statements_actor_id_stance_idx|evidence_source_id_idx|verdicts_reviewer_id_idx/);
});
