// The live feed's poll (readClaimEvents, src/modules/live/live.repository.ts) runs several
// times a second on every instance, idle or not, so its plan must not depend on fresh
// statistics. Right after a bulk import the audit log holds far more rows than its last
// ANALYZE saw; PostgreSQL then thought the entity-type filter (which every claim event
// passes) selective and combined that index into a bitmap scan of the whole log: 20 ms per
// poll, a tenth of a core, instead of an ordered scan of (tx_id, id) from the cursor.
import pg from "pg";
import { onClient, readClaimEvents, type RunSql } from "../src/modules/live/live.repository";
import { connectTestDatabase, type ConnectedTestDatabase } from "./helpers/test-server";

let database: ConnectedTestDatabase;
let client: pg.Client;

beforeAll(async () => {
  database = await connectTestDatabase();
  client = database.client;
}, 60_000);

afterAll(() => database.close());

test("the feed's poll reads the audit log from its cursor in order, whatever the statistics say", async () => {
  // Statistics taken while the log is small, then 100,000 claim events (as one import writes).
  await client.query(`ALTER TABLE audit_events SET (autovacuum_enabled = false)`);
  await client.query(`ANALYZE audit_events`);
  await client.query(`
    INSERT INTO audit_events (action, entity_type, entity_id, claim_id, actor_label)
    SELECT 'CREATED', (ARRAY['Claim', 'Statement', 'Evidence'])[1 + i % 3], gen_random_uuid(), gen_random_uuid(), 'test'
    FROM generate_series(1, 100000) i`);
  const { rows } = await client.query<{ tx: string; id: string }>(
    `SELECT tx_id::text AS tx, max(id)::text AS id FROM audit_events GROUP BY tx_id ORDER BY tx_id DESC LIMIT 1`,
  );
  const cursor = { tx: BigInt(rows[0]!.tx), id: BigInt(rows[0]!.id) };

  const plans: string[] = [];
  const run = onClient(client);
  const explaining: RunSql = async (query) => {
    const explained = await client.query({ text: `EXPLAIN ${query.sql.text}`, values: query.sql.values });
    plans.push(explained.rows.map((row: Record<string, string>) => row["QUERY PLAN"]).join("\n"));
    return run(query);
  };
  const page = await readClaimEvents(explaining, cursor, 500);

  expect(page.events).toEqual([]);
  expect(plans).toHaveLength(1);
  expect(plans[0]).toContain("audit_events_tx_id_id_idx");
  expect(plans[0]).not.toContain("audit_events_entity_type_entity_id_id_idx");
});
