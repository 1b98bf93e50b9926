// The rules the SQL write functions share with TypeScript code that still applies them
// (prisma/migrations/20261201*): bulk import derives a new claim's status, builds chains and
// keys sources in TypeScript, and history converts snapshot IDs on the way out while webhook
// payloads are converted in SQL. Each pair is compared here over its inputs, so that the two
// cannot drift apart.
import { Client } from "pg";
import { chainHops, type ResolvedRelay } from "../src/modules/attribution/attribution-chain";
import { REFERENCE_TYPES, snapshotWithGlobalIds } from "../src/modules/audit/snapshot-ids";
import { deriveClaimStatus, tallyStances } from "../src/modules/claim/claim-status";
import { sourceKeyOf } from "../src/modules/source/source.service";
import { ClaimStatus, Stance } from "../src/generated/prisma/enums";
import { encodeId, type EntityType } from "../src/shared/global-id";
import { nameKey } from "../src/shared/name-key";
import { createTestDatabase, type TestDatabase } from "./helpers/test-server";

let database: TestDatabase;
let client: Client;
beforeAll(async () => {
  database = await createTestDatabase();
  client = new Client({ connectionString: database.url });
  await client.connect();
});
afterAll(async () => {
  await client.end();
  await database.drop();
});

/** Runs `sql` with `$1` set to `cases` (as JSON) and returns its rows. */
async function inSql<Row>(sql: string, cases: unknown, values: unknown[] = []): Promise<Row[]> {
  return (await client.query(sql, [JSON.stringify(cases), ...values])).rows as Row[];
}

const STANCES = Object.values(Stance);

/** Every mix of stances with up to two statements of each. */
function stanceMixes(): Stance[][] {
  let mixes: Stance[][] = [[]];
  for (const stance of STANCES) {
    mixes = mixes.flatMap((mix) => [mix, [...mix, stance], [...mix, stance, stance]]);
  }
  return mixes;
}

test("the status rule and the counts: claimtrail_derived_of agrees with claim-status.ts on every input", async () => {
  const cases = [null, ...Object.values(ClaimStatus)].flatMap((latestVerdict) =>
    stanceMixes().map((stances) => ({ latestVerdict, stances })),
  );
  const rows = await inSql<{
    status: string;
    statementCount: number;
    supportCount: number;
    opposeCount: number;
    disputeScore: number;
  }>(
    `SELECT d.status::text, d.statement_count AS "statementCount", d.support_count AS "supportCount",
            d.oppose_count AS "opposeCount", d.dispute_score AS "disputeScore"
     FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS c(input, n),
     LATERAL claimtrail_derived_of((c.input->>'latestVerdict')::"ClaimStatus",
       ARRAY(SELECT jsonb_array_elements_text(c.input->'stances'))::"Stance"[]) d
     ORDER BY c.n`,
    cases,
  );
  const expected = cases.map(({ latestVerdict, stances }) => {
    const counts = STANCES.map((stance) => ({ stance, count: stances.filter((s) => s === stance).length }));
    return { status: deriveClaimStatus({ latestVerdict, stances }), ...tallyStances(counts) };
  });
  expect(cases).toHaveLength((1 + Object.values(ClaimStatus).length) * 3 ** STANCES.length);
  expect(rows).toEqual(expected);
});

test("the attribution chain: claimtrail_chain_hops agrees with chainHops", async () => {
  const [speaker, relayA, relayB, publisher] = ["a", "b", "c", "d"].map((digit) => ({
    id: `${digit.repeat(8)}-0000-4000-8000-000000000000`,
  }));
  const source = { id: "eeeeeeee-0000-4000-8000-000000000000" };
  const relaySource = { id: "ffffffff-0000-4000-8000-000000000000" };
  const relay = (actor: { id: string }, extra: Partial<ResolvedRelay> = {}): ResolvedRelay => ({
    relation: "TOLD",
    actor,
    source: null,
    note: null,
    ...extra,
  });
  const relayLists: ResolvedRelay[][] = [
    [],
    [relay(relayA!, { note: "by phone" })],
    [relay(relayA!), relay(relayB!, { relation: "QUOTED_BY", source: relaySource })],
    [relay(relayA!), relay(publisher!, { relation: "CARRIED_BY" })],
  ];
  const cases = relayLists.flatMap((relays) =>
    [null, publisher!.id, speaker!.id].map((publisherId) => ({ relays, publisherId })),
  );
  const rows = await inSql<{ hops: unknown }>(
    `SELECT claimtrail_chain_hops($2::uuid,
       (SELECT coalesce(jsonb_agg(jsonb_build_object('relation', r->'relation', 'actorId', r->'actor'->'id',
          'sourceId', r->'source'->'id', 'note', r->'note') ORDER BY m), '[]')
        FROM jsonb_array_elements(c.input->'relays') WITH ORDINALITY AS x(r, m)),
       $3::uuid, (c.input->>'publisherId')::uuid) AS hops
     FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS c(input, n) ORDER BY c.n`,
    cases,
    [speaker!.id, source.id],
  );
  expect(rows.map((row) => row.hops)).toEqual(
    cases.map(({ relays, publisherId }) => chainHops(speaker!, relays, { ...source, publisherId })),
  );
});

test("source keys: claimtrail_source_key agrees with sourceKeyOf", async () => {
  const publisherId = "abababab-0000-4000-8000-000000000000";
  const cases = [
    { url: "https://example.org/a?b=1", title: "Whatever", publisherId: null },
    { url: "https://example.org/a", title: "", publisherId },
    { url: null, title: "The  Morning Edition", publisherId },
    { url: null, title: "Ｆｕｌｌｗｉｄｔｈ Title", publisherId: null },
  ];
  const rows = await inSql<{ key: string }>(
    `SELECT claimtrail_source_key(c.input->>'url', c.input->>'titleKey', (c.input->>'publisherId')::uuid) AS key
     FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS c(input, n) ORDER BY c.n`,
    cases.map((source) => ({ ...source, titleKey: nameKey(source.title) })),
  );
  expect(rows.map((row) => row.key)).toEqual(cases.map(sourceKeyOf));
});

test("snapshot IDs: webhook payloads (claimtrail_snapshot_global_ids) and history (snapshotWithGlobalIds) convert alike", async () => {
  const uuid = (n: number) => `${String(n).padStart(8, "0")}-1111-4111-8111-111111111111`;
  const references = Object.keys(REFERENCE_TYPES);
  const snapshot = {
    id: uuid(0),
    ...Object.fromEntries(references.map((key, index) => [key, uuid(index + 1)])),
    hops: [
      { actorId: uuid(90), sourceId: null, note: "n" },
      { actorId: "not-a-uuid", sourceId: uuid(91).toUpperCase() },
    ],
    nested: { deeper: { claimId: uuid(92), list: [[{ reviewerId: uuid(93) }]] } },
    plain: uuid(94),
    numbers: [1, 2.5, null, true],
  };
  const types: EntityType[] = [
    "Claim",
    "Statement",
    "Evidence",
    "Verdict",
    "Actor",
    "Source",
    "ApiKey",
    "WebhookEndpoint",
  ];
  const cases = [
    ...types.map((type) => ({ type, snapshot })),
    { type: "Claim", snapshot: null },
    { type: "Claim", snapshot: [1] },
  ];
  const rows = await inSql<{ converted: unknown }>(
    `SELECT claimtrail_snapshot_global_ids(c.input->>'type', c.input->'snapshot', $2::jsonb) AS converted
     FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS c(input, n) ORDER BY c.n`,
    cases,
    [JSON.stringify(REFERENCE_TYPES)],
  );
  expect(rows.map((row) => row.converted)).toEqual(cases.map((c) => snapshotWithGlobalIds(c.type, c.snapshot)));
  const ids = await inSql<{ id: string }>(
    `SELECT claimtrail_global_id(c.input->>'type', c.input->>'id') AS id
     FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS c(input, n) ORDER BY c.n`,
    [...types, "WebhookDelivery" as const].map((type) => ({ type, id: uuid(7) })),
  );
  expect(ids.map((row) => row.id)).toEqual(
    [...types, "WebhookDelivery" as const].map((type) => encodeId(type, uuid(7))),
  );
});

test("times in SQL snapshots are written as JSON.stringify writes a Date", async () => {
  const times = [
    "0001-01-01T00:00:00.000Z",
    "1999-12-31T23:59:59.999Z",
    "2024-02-29T12:00:00.120Z",
    "9999-12-31T23:59:59.999Z",
  ];
  const rows = await inSql<{ time: string }>(
    `SELECT claimtrail_json_time(t::timestamptz) AS time FROM jsonb_array_elements_text($1::jsonb) WITH ORDINALITY AS x(t, n)
     ORDER BY n`,
    times,
  );
  expect(rows.map((row) => row.time)).toEqual(times.map((time) => new Date(time).toISOString()));
});
