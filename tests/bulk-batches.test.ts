// Bulk import in batches (src/modules/bulk: bulk-import.service.ts, batch-writer.ts,
// batch-refs.ts, bulk-import.repository.ts): lines are parsed one by one and written a
// thousand to a transaction, set-wise, yet must behave as if imported one at a time.
// Each test checks the report and the database (rows, audit log, webhook outbox):
//   1. order inside one batch: a later line uses the actor an earlier line created, a line
//      naming an unknown actor without its kind is rejected (REQUIRED) and writes nothing,
//      a later line with an earlier line's wording updates that claim (no duplicate);
//   2. a batch failing in the database (a test trigger on `claims`) is split down to the
//      failing line, rejected as INTERNAL with nothing of it written; the others import;
//   3. every change is audited once and queues one webhook delivery per subscribed
//      endpoint; a re-run of the file writes neither;
//   4. overlapping imports at once (shared wordings; shared new actors and sources in
//      other orders; shared wordings naming only what exists) end with one claim per
//      wording and no duplicate statement;
//   5. an import racing recordStatement and mergeClaims loses and duplicates nothing, and
//      every claim's statement_count stays right;
//   6. a client hanging up mid-import leaves each line fully written or not at all.
import http from "node:http";
import { Readable } from "node:stream";
import pino from "pino";
import { systemPrincipal } from "../src/modules/auth/permissions";
import type { LineReport } from "../src/modules/bulk/bulk-format";
import { createServices } from "../src/modules/services";
import { onSql } from "../src/db/sql";
import { decodeIdOfType } from "../src/shared/global-id";
import { RECORD_STATEMENT, expectNoUserErrors } from "./helpers/operations";
import { dataOf, startTestServer, type TestServer } from "./helpers/test-server";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

interface ImportResult {
  status: number;
  reports: any[];
  summary: any;
}

async function importNdjson(body: string, key: string = server.adminKey): Promise<ImportResult> {
  const response = await fetch(`${server.origin}/import/claims`, {
    method: "POST",
    headers: { "content-type": "application/x-ndjson", authorization: `Bearer ${key}` },
    body,
  });
  const text = await response.text();
  if (!response.headers.get("content-type")?.startsWith("application/x-ndjson")) {
    throw new Error(`import answered ${response.status}: ${text}`);
  }
  const lines = text
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));
  return { status: response.status, reports: lines.slice(0, -1), summary: lines.at(-1)?.summary };
}

const ndjson = (lines: readonly object[]) => `${lines.map((line) => JSON.stringify(line)).join("\n")}\n`;

/** The claim's UUID from a report's global ID. */
function claimUuid(report: { claimId: string | null }): string {
  const id = report.claimId === null ? null : decodeIdOfType(report.claimId, "Claim");
  if (!id) throw new Error(`report without a claim: ${JSON.stringify(report)}`);
  return id;
}

function statement(actor: object, url: string, quote: string, stance = "ASSERTS") {
  return { stance, actor, source: { url, title: `Page ${url}` }, quote };
}

/** The last audit event's id (0 for none): events after it are the ones a step wrote. */
async function auditMark(): Promise<number> {
  const [row] = await server.prisma.$queryRaw<{ mark: number }[]>`
    SELECT coalesce(max(id), 0)::int AS mark FROM audit_events`;
  return row!.mark;
}

/** Audit events whose `after` mentions `text` (nothing of a rejected line may be there). */
async function auditMentions(...texts: string[]): Promise<number> {
  const patterns = texts.map((text) => `%${text}%`);
  const [row] = await server.prisma.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM audit_events WHERE after::text LIKE ANY (${patterns}::text[])`;
  return row!.count;
}

/** How many CREATED audit events each of these entities has (absent: none). */
async function createdEvents(entityType: string, ids: readonly string[]): Promise<Map<string, number>> {
  const rows = await server.prisma.$queryRaw<{ id: string; count: number }[]>`
    SELECT entity_id::text AS id, count(*)::int AS count FROM audit_events
    WHERE action = 'CREATED' AND entity_type = ${entityType} AND entity_id::text = ANY (${[...ids]}::text[])
    GROUP BY entity_id`;
  return new Map(rows.map((row) => [row.id, row.count]));
}

/** Statements repeated on one claim (same speaker, source, stance, wording and date). */
async function duplicateStatements(): Promise<unknown[]> {
  return server.prisma.$queryRaw<unknown[]>`
    SELECT claim_id, actor_id, source_id, stance, quote, paraphrase, stated_at, count(*)::int AS count
    FROM statements GROUP BY claim_id, actor_id, source_id, stance, quote, paraphrase, stated_at
    HAVING count(*) > 1`;
}

/** Claims whose statement_count is not their number of live statements. */
async function wrongStatementCounts(): Promise<unknown[]> {
  return server.prisma.$queryRaw<unknown[]>`
    SELECT c.id, c.text, c.statement_count,
           (SELECT count(*)::int FROM statements s WHERE s.claim_id = c.id AND s.retracted_at IS NULL) AS live
    FROM claims c
    WHERE c.statement_count <> (SELECT count(*) FROM statements s WHERE s.claim_id = c.id AND s.retracted_at IS NULL)`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("lines of one batch are judged in input order, as if imported one at a time", () => {
  const wording = "Batch order: the harbour bridge opened in 1932";
  const repainted = "Batch order: the bridge was repainted in 1990";
  const stranger = "Batch order: a line naming a stranger";
  const lines = [
    // 1: creates the speaker (with its kind and an alias) and the claim.
    {
      claim: { text: wording },
      statements: [
        statement(
          { name: "Batch Speaker", kind: "PERSON", aliases: ["Speaker of the Batch"] },
          "https://order.example/1",
          "It opened in 1932",
        ),
      ],
    },
    // 2: names the speaker line 1 creates, without its kind, by its name and by its alias.
    {
      claim: { text: repainted },
      statements: [
        statement({ name: "Batch Speaker" }, "https://order.example/2", "Repainted in 1990"),
        statement({ name: "Speaker of the Batch" }, "https://order.example/2", "Grey, as before", "CONCEDES"),
      ],
    },
    // 3: a new actor with its kind and a new source, then an unknown actor without a kind.
    {
      claim: { text: stranger },
      statements: [
        statement({ name: "Batch Order Newcomer", kind: "PERSON" }, "https://order.example/3", "First words"),
        statement({ name: "Batch Stranger" }, "https://order.example/2", "Second words"),
      ],
    },
    // 4: line 1's wording again, with line 1's statement and one new statement.
    {
      claim: { text: wording },
      statements: [
        statement({ name: "Batch Speaker" }, "https://order.example/1", "It opened in 1932"),
        statement({ name: "Batch Speaker" }, "https://order.example/4", "The opening drew crowds"),
      ],
    },
  ];
  let first: ImportResult;

  beforeAll(async () => {
    first = await importNdjson(ndjson(lines));
  });

  test("the report: created, created, rejected (REQUIRED at the stranger's kind), updated", () => {
    expect(first.status).toBe(200);
    expect(first.reports.map((report) => [report.line, report.status])).toEqual([
      [1, "created"],
      [2, "created"],
      [3, "rejected"],
      [4, "updated"],
    ]);
    expect(first.reports[1]).toMatchObject({ created: { statements: 2 }, matched: { statements: 0 }, errors: [] });
    expect(first.reports[2]).toEqual({
      line: 3,
      status: "rejected",
      claimId: null,
      created: { statements: 0, evidence: 0, verdicts: 0 },
      matched: { statements: 0, evidence: 0, verdicts: 0 },
      errors: [
        { field: "statements.1.actor.kind", code: "REQUIRED", message: expect.stringContaining("Batch Stranger") },
      ],
    });
    expect(first.reports[3]).toEqual({
      line: 4,
      status: "updated",
      claimId: first.reports[0].claimId,
      created: { statements: 1, evidence: 0, verdicts: 0 },
      matched: { statements: 1, evidence: 0, verdicts: 0 },
      errors: [],
    });
    expect(first.summary).toMatchObject({
      lines: 4,
      created: 2,
      updated: 1,
      matched: 0,
      rejected: 1,
      items: { created: { statements: 4 }, matched: { statements: 1 } },
    });
  });

  test("in the database: one claim for the repeated wording, line 2 on line 1's speaker, nothing of line 3", async () => {
    const { prisma } = server;
    const claims = await prisma.claim.findMany({ where: { text: wording }, include: { statements: true } });
    expect(claims).toHaveLength(1);
    const [claim] = claims;
    expect(claim!.id).toBe(claimUuid(first.reports[0]));
    expect(claim!.statements.map((row) => row.quote).sort()).toEqual(["It opened in 1932", "The opening drew crowds"]);
    expect(claim!.statementCount).toBe(2);

    const speakers = await prisma.actor.findMany({
      where: { name: { in: ["Batch Speaker", "Batch Order Newcomer", "Batch Stranger"] } },
    });
    expect(speakers.map((actor) => actor.name)).toEqual(["Batch Speaker"]);
    const speakerId = speakers[0]!.id;
    const line2 = await prisma.statement.findMany({ where: { claimId: claimUuid(first.reports[1]) } });
    expect(line2.map((row) => row.actorId)).toEqual([speakerId, speakerId]);
    expect(new Set([...claim!.statements, ...line2].map((row) => row.actorId))).toEqual(new Set([speakerId]));

    // Line 3 wrote nothing: not its claim, not the actor and source it would have created.
    expect(await prisma.claim.count({ where: { text: stranger } })).toBe(0);
    expect(await prisma.source.count({ where: { url: { startsWith: "https://order.example/3" } } })).toBe(0);
    expect(await prisma.statement.count({ where: { quote: { in: ["First words", "Second words"] } } })).toBe(0);
    expect(await auditMentions(stranger, "Batch Order Newcomer", "order.example/3")).toBe(0);

    // Each created row is audited once; line 4 created no second claim event.
    expect([...(await createdEvents("Actor", [speakerId])).values()]).toEqual([1]);
    expect([...(await createdEvents("Claim", [claim!.id])).values()]).toEqual([1]);
  });

  test("the same file again matches lines 1, 2 and 4, rejects line 3 again, and writes nothing", async () => {
    const mark = await auditMark();
    const before = await server.prisma.statement.count();
    const second = await importNdjson(ndjson(lines));
    expect(second.reports.map((report) => report.status)).toEqual(["matched", "matched", "rejected", "matched"]);
    expect(second.reports[3]).toMatchObject({ claimId: first.reports[0].claimId, matched: { statements: 2 } });
    expect(second.reports[2].errors).toEqual(first.reports[2].errors);
    expect(await auditMark()).toBe(mark);
    expect(await server.prisma.statement.count()).toBe(before);
  });
});

test("batches written at once still judge lines in input order: a wording's first line creates, later ones update", async () => {
  // One line per batch, so consecutive lines are written by batches in flight together. (Without
  // LockTurn the later batch would only rarely lock a shared wording first: this checks the
  // outcome, and cannot force that race.)
  const wordings = ["Across batches: the first wording", "Across batches: the second wording"];
  const lines = Array.from({ length: 12 }, (_, index) => ({
    claim: { text: wordings[index % 2] },
    statements: [
      statement(
        { name: `Across Speaker ${index}`, kind: "PERSON" },
        `https://across.example/${index}`,
        `Line ${index + 1}`,
      ),
    ],
  }));
  const services = createServices(server.prisma, pino({ level: "silent" }), { principal: systemPrincipal("test") });
  const reports: LineReport[] = [];
  await services.bulkImport.importNdjson(Readable.from([ndjson(lines)]), (report) => void reports.push(report), {
    batchSize: 1,
  });
  expect(reports.map((report) => [report.line, report.status])).toEqual(
    lines.map((_, index) => [index + 1, index < 2 ? "created" : "updated"]),
  );
  const claims = new Set(reports.map((report) => report.claimId));
  expect(claims.size).toBe(2);
  expect(await wrongStatementCounts()).toEqual([]);
});

test("a batch uses the actors and sources that the batch in flight before it created, without creating them again", async () => {
  // One line per batch, each naming the same new speaker (by name or alias) and source: the
  // first batch creates them, and each later one, written while the one before it may not
  // have committed, uses them (RefCache's pending entries) instead of inserting them too,
  // which would wait for that commit and then fail and start over.
  const lines = Array.from({ length: 10 }, (_, index) => ({
    claim: { text: `Shared refs in flight: claim ${index}` },
    statements: [
      statement(
        index % 3 === 2 ? { name: "The Relay" } : { name: "Relay Speaker", kind: "PERSON", aliases: ["The Relay"] },
        "https://relay.example/shared",
        `Relayed words ${index}`,
      ),
    ],
  }));
  const services = createServices(server.prisma, pino({ level: "silent" }), { principal: systemPrincipal("test") });
  const inserts = { actors: 0, sources: 0 };
  let counting = true;
  onSql(server.prisma, (text) => {
    if (!counting) return;
    if (/INSERT INTO actors\b/.test(text)) inserts.actors += 1;
    if (/INSERT INTO sources\b/.test(text)) inserts.sources += 1;
  });
  const reports: LineReport[] = [];
  try {
    await services.bulkImport.importNdjson(Readable.from([ndjson(lines)]), (report) => void reports.push(report), {
      batchSize: 1,
    });
  } finally {
    counting = false;
  }
  expect(reports.map((report) => report.status)).toEqual(lines.map(() => "created"));
  expect(inserts).toEqual({ actors: 1, sources: 1 });
  const actors = await server.prisma.actor.findMany({ where: { name: "Relay Speaker" } });
  const sources = await server.prisma.source.findMany({ where: { url: "https://relay.example/shared" } });
  expect([actors.length, sources.length]).toEqual([1, 1]);
  const statements = await server.prisma.statement.findMany({
    where: { claim: { text: { startsWith: "Shared refs in flight:" } } },
  });
  expect(statements).toHaveLength(10);
  expect(new Set(statements.map((row) => `${row.actorId} ${row.sourceId}`))).toEqual(
    new Set([`${actors[0]!.id} ${sources[0]!.id}`]),
  );
  expect([...(await createdEvents("Actor", [actors[0]!.id])).values()]).toEqual([1]);
  expect([...(await createdEvents("Source", [sources[0]!.id])).values()]).toEqual([1]);
});

test("a batch that used the actor of a batch in flight, which then rolls back, is tried again and creates it", async () => {
  // Batch 1 creates "Vanishing Speaker", then fails on its claim (a test trigger waits half a
  // second and raises). Batch 2, written meanwhile, uses that speaker; its rows are checked
  // against it at commit, which waits for batch 1 and fails once batch 1 rolls back: batch 2
  // is tried again, and creates the speaker itself.
  const { prisma } = server;
  const speaker = { name: "Vanishing Speaker", kind: "PERSON" };
  const lines = [
    { claim: { text: "vanishing poison" }, statements: [statement(speaker, "https://vanish.example/1", "Gone")] },
    {
      claim: { text: "Vanishing survivor" },
      statements: [statement(speaker, "https://vanish.example/2", "Still here")],
    },
  ];
  const services = createServices(prisma, pino({ level: "silent" }), { principal: systemPrincipal("test") });
  let claimInserts = 0;
  let counting = false;
  onSql(prisma, (text) => {
    if (counting && /INSERT INTO claims\b/.test(text)) claimInserts += 1;
  });
  const reports: LineReport[] = [];
  await prisma.$executeRawUnsafe(`
    CREATE OR REPLACE FUNCTION bulk_batches_vanish() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.text = 'vanishing poison' THEN
        PERFORM pg_sleep(0.5);
        RAISE EXCEPTION 'vanishing claim refused by a test trigger';
      END IF;
      RETURN NEW;
    END $$`);
  try {
    await prisma.$executeRawUnsafe(
      `CREATE TRIGGER bulk_batches_vanish BEFORE INSERT ON claims FOR EACH ROW EXECUTE FUNCTION bulk_batches_vanish()`,
    );
    counting = true;
    await services.bulkImport.importNdjson(Readable.from([ndjson(lines)]), (report) => void reports.push(report), {
      batchSize: 1,
    });
  } finally {
    counting = false;
    await prisma.$executeRawUnsafe(`DROP TRIGGER IF EXISTS bulk_batches_vanish ON claims`);
    await prisma.$executeRawUnsafe(`DROP FUNCTION IF EXISTS bulk_batches_vanish()`);
  }

  expect(reports.map((report) => report.status)).toEqual(["rejected", "created"]);
  expect(reports[0]!.errors).toEqual([{ field: null, code: "INTERNAL", message: expect.stringContaining("server") }]);
  // Batch 2 wrote its claim twice (the trigger made batch 1's insert fail): first naming
  // batch 1's speaker, then, tried again, its own.
  expect(claimInserts).toBe(2);
  const actors = await prisma.actor.findMany({ where: { name: "Vanishing Speaker" } });
  expect(actors).toHaveLength(1);
  expect([...(await createdEvents("Actor", [actors[0]!.id])).values()]).toEqual([1]);
  const survivor = await prisma.claim.findFirstOrThrow({
    where: { text: "Vanishing survivor" },
    include: { statements: true },
  });
  expect(survivor.statements.map((row) => row.actorId)).toEqual([actors[0]!.id]);
  expect(await prisma.claim.count({ where: { text: "vanishing poison" } })).toBe(0);
  expect(await prisma.source.count({ where: { url: "https://vanish.example/1" } })).toBe(0);
});

test("a batch failing in the database is split down to the failing line: it alone is rejected (INTERNAL)", async () => {
  const { prisma } = server;
  const lines = Array.from({ length: 20 }, (_, index) =>
    index === 6
      ? {
          claim: { text: "poison line" },
          statements: [
            statement({ name: "Poison Only Speaker", kind: "PERSON" }, "https://split.example/poison", "Poisoned"),
          ],
        }
      : {
          claim: { text: `Split line ${index + 1}` },
          statements: [
            statement(
              { name: "Split Speaker", kind: "ORGANIZATION" },
              `https://split.example/${index}`,
              `Split ${index}`,
            ),
          ],
        },
  );
  let result: ImportResult;
  await prisma.$executeRawUnsafe(`
    CREATE OR REPLACE FUNCTION bulk_batches_poison() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.text = 'poison line' THEN RAISE EXCEPTION 'poisoned claim refused by a test trigger'; END IF;
      RETURN NEW;
    END $$`);
  try {
    await prisma.$executeRawUnsafe(
      `CREATE TRIGGER bulk_batches_poison BEFORE INSERT ON claims FOR EACH ROW EXECUTE FUNCTION bulk_batches_poison()`,
    );
    // The trigger is live: an insert of the poison wording fails, any other passes.
    await expect(
      prisma.$executeRaw`INSERT INTO claims (id, text) VALUES (gen_random_uuid(), 'poison line')`,
    ).rejects.toThrow(/poisoned claim/);
    result = await importNdjson(ndjson(lines));
  } finally {
    await prisma.$executeRawUnsafe(`DROP TRIGGER IF EXISTS bulk_batches_poison ON claims`);
    await prisma.$executeRawUnsafe(`DROP FUNCTION IF EXISTS bulk_batches_poison()`);
  }

  expect(result.reports.map((report) => report.status)).toEqual(
    lines.map((_, index) => (index === 6 ? "rejected" : "created")),
  );
  expect(result.reports[6]).toEqual({
    line: 7,
    status: "rejected",
    claimId: null,
    created: { statements: 0, evidence: 0, verdicts: 0 },
    matched: { statements: 0, evidence: 0, verdicts: 0 },
    errors: [{ field: null, code: "INTERNAL", message: expect.stringContaining("server error") }],
  });
  expect(result.summary).toMatchObject({ lines: 20, created: 19, rejected: 1, items: { created: { statements: 19 } } });

  // The other 19 lines are there, each with its statement, each claim audited once.
  const created = await prisma.claim.findMany({
    where: { text: { startsWith: "Split line " } },
    include: { statements: true },
  });
  const reported = result.reports.filter((report) => report.status === "created").map(claimUuid);
  expect(created.map((claim) => claim.id).sort()).toEqual([...reported].sort());
  expect(created.every((claim) => claim.statements.length === 1 && claim.statementCount === 1)).toBe(true);
  const events = await createdEvents("Claim", reported);
  expect(reported.map((id) => events.get(id))).toEqual(Array(19).fill(1));
  const splitSpeakers = await prisma.actor.findMany({ where: { name: "Split Speaker" } });
  expect(splitSpeakers).toHaveLength(1);
  expect([...(await createdEvents("Actor", [splitSpeakers[0]!.id])).values()]).toEqual([1]);

  // Nothing of the poison line: no claim, no actor or source it would have created, no audit event.
  expect(await prisma.claim.count({ where: { text: "poison line" } })).toBe(0);
  expect(await prisma.actor.count({ where: { name: "Poison Only Speaker" } })).toBe(0);
  expect(await prisma.source.count({ where: { url: { startsWith: "https://split.example/poison" } } })).toBe(0);
  expect(await auditMentions("poison line", "Poison Only Speaker", "split.example/poison")).toBe(0);

  // Without the trigger the same line imports: it was refused for the trigger alone.
  const again = await importNdjson(ndjson([lines[6]!]));
  expect(again.reports.map((report) => report.status)).toEqual(["created"]);
});

describe("audit log and webhook outbox", () => {
  const CREATE_ENDPOINT = `mutation ($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) { endpoint { id } userErrors { field message code } } }`;
  // Nothing listens there and no worker runs: deliveries stay queued rows, which is what is counted.
  const STATEMENT_HOOK = "http://127.0.0.1:9/bulk-batches/statements";
  const CLAIM_HOOK = "http://127.0.0.1:9/bulk-batches/claims";
  const reviewer = { name: "Audit Once Checker", kind: "FACT_CHECKER" };
  const lines = Array.from({ length: 4 }, (_, index) => ({
    claim: { text: `Audit once claim ${index}` },
    statements: [
      statement(
        { name: `Audit Once Speaker ${index}`, kind: "PERSON" },
        `https://audit-once.example/${index}`,
        `Audit quote ${index}`,
      ),
      statement(
        { name: "Audit Once Outlet", kind: "ORGANIZATION" },
        "https://audit-once.example/shared",
        `Shared quote ${index}`,
        "DENIES",
      ),
    ],
    evidence:
      index % 2 === 0
        ? [
            {
              direction: "SUPPORTS",
              summary: `Audit evidence ${index}`,
              source: { url: `https://audit-once.example/evidence/${index}`, title: `Evidence ${index}` },
            },
          ]
        : [],
    verdicts:
      index === 0 ? [{ reviewer, rating: "False", conclusion: "REFUTED", reviewedAt: "2024-07-01T00:00:00Z" }] : [],
  }));
  const actorNames = [...lines.map((_, index) => `Audit Once Speaker ${index}`), "Audit Once Outlet", reviewer.name];
  const endpoints = { statements: "", claims: "" };
  let mark: number;
  let first: ImportResult;

  /** Deliveries of events after the mark: endpoint, event type and the audited entity. */
  const deliveries = () =>
    server.prisma.$queryRaw<{ endpointId: string; eventType: string; entityType: string; entityId: string }[]>`
      SELECT d.endpoint_id::text AS "endpointId", d.event_type::text AS "eventType", e.entity_type AS "entityType",
             e.entity_id::text AS "entityId"
      FROM webhook_deliveries d JOIN audit_events e ON e.id = d.audit_event_id
      WHERE e.id > ${mark} ORDER BY d.endpoint_id, e.entity_type, e.entity_id`;
  const outboxCounts = async () => {
    const [row] = await server.prisma.$queryRaw<{ deliveries: number; jobs: number }[]>`
      SELECT (SELECT count(*)::int FROM webhook_deliveries) AS deliveries,
             (SELECT count(*)::int FROM graphile_worker.jobs j WHERE j.key IN (SELECT id::text FROM webhook_deliveries))
               AS jobs`;
    return row!;
  };

  beforeAll(async () => {
    for (const [name, url, eventTypes] of [
      ["statements", STATEMENT_HOOK, ["STATEMENT_RECORDED"]],
      ["claims", CLAIM_HOOK, ["CLAIM_CREATED", "VERDICT_PUBLISHED"]],
    ] as const) {
      const payload = dataOf(await server.gql(CREATE_ENDPOINT, { input: { url, eventTypes } })).createWebhookEndpoint;
      expectNoUserErrors(payload);
      endpoints[name] = (await server.prisma.webhookEndpoint.findFirstOrThrow({ where: { url } })).id;
    }
    mark = await auditMark();
    first = await importNdjson(ndjson(lines));
  });
  // The other tests' imports need no deliveries (each costs a queued job).
  afterAll(() =>
    server.prisma.webhookEndpoint.updateMany({
      where: { id: { in: Object.values(endpoints) } },
      data: { active: false },
    }),
  );

  test("each created claim, statement, evidence item, verdict, actor and source has exactly one CREATED event", async () => {
    const { prisma } = server;
    expect(first.summary).toMatchObject({
      lines: 4,
      created: 4,
      rejected: 0,
      items: { created: { statements: 8, evidence: 2, verdicts: 1 } },
    });
    const claimIds = first.reports.map(claimUuid);
    const ids = (rows: { id: string }[]) => rows.map((row) => row.id).sort();
    const expected: Record<string, string[]> = {
      Claim: [...claimIds].sort(),
      Statement: ids(await prisma.statement.findMany({ where: { claimId: { in: claimIds } } })),
      Evidence: ids(await prisma.evidence.findMany({ where: { claimId: { in: claimIds } } })),
      Verdict: ids(await prisma.verdict.findMany({ where: { claimId: { in: claimIds } } })),
      Actor: ids(await prisma.actor.findMany({ where: { name: { in: actorNames } } })),
      Source: ids(await prisma.source.findMany({ where: { url: { startsWith: "https://audit-once.example/" } } })),
    };
    expect(Object.values(expected).map((list) => list.length)).toEqual([4, 8, 2, 1, 6, 7]);

    const events = await prisma.$queryRaw<{ action: string; entityType: string; entityId: string }[]>`
      SELECT action::text AS action, entity_type AS "entityType", entity_id::text AS "entityId"
      FROM audit_events WHERE id > ${mark} ORDER BY entity_type, entity_id`;
    expect(events.every((event) => event.action === "CREATED")).toBe(true);
    const audited: Record<string, string[]> = {};
    for (const event of events) (audited[event.entityType] ??= []).push(event.entityId);
    expect(audited).toEqual(expected);
  });

  test("each statement queues one delivery to the statement endpoint; claims and the verdict to the other", async () => {
    const claimIds = first.reports.map(claimUuid);
    const statementIds = (await server.prisma.statement.findMany({ where: { claimId: { in: claimIds } } }))
      .map((row) => row.id)
      .sort();
    const verdictIds = (await server.prisma.verdict.findMany({ where: { claimId: { in: claimIds } } })).map(
      (row) => row.id,
    );
    const rows = await deliveries();
    const of = (endpointId: string) =>
      rows
        .filter((row) => row.endpointId === endpointId)
        .map((row) => [row.eventType, row.entityType, row.entityId])
        .sort();
    expect(of(endpoints.statements)).toEqual(statementIds.map((id) => ["STATEMENT_RECORDED", "Statement", id]).sort());
    expect(of(endpoints.claims)).toEqual(
      [
        ...claimIds.map((id) => ["CLAIM_CREATED", "Claim", id]),
        ...verdictIds.map((id) => ["VERDICT_PUBLISHED", "Verdict", id]),
      ].sort(),
    );
    expect(rows).toHaveLength(8 + 4 + 1);
    // The payloads carry global IDs, as the API and the history do.
    const payloads = await server.prisma.$queryRaw<{ after: Record<string, unknown> }[]>`
      SELECT payload->'data'->'after' AS after FROM webhook_deliveries WHERE event_type = 'STATEMENT_RECORDED'
        AND (payload->'data'->'after'->>'id') IS NOT NULL`;
    expect(payloads.length).toBeGreaterThan(0);
    for (const { after } of payloads) {
      expect(decodeIdOfType(String(after.id), "Statement")).not.toBeNull();
      expect(decodeIdOfType(String(after.claimId), "Claim")).not.toBeNull();
      expect(decodeIdOfType(String(after.actorId), "Actor")).not.toBeNull();
    }
    // Each delivery has its job queued with it.
    const { deliveries: total, jobs } = await outboxCounts();
    expect(jobs).toBe(total);
  });

  test("re-importing the file matches every line and writes no audit event and no delivery", async () => {
    const auditBefore = await auditMark();
    const outboxBefore = await outboxCounts();
    const second = await importNdjson(ndjson(lines));
    expect(second.reports.map((report) => report.status)).toEqual(Array(4).fill("matched"));
    expect(second.summary).toMatchObject({
      matched: 4,
      items: { created: { statements: 0, evidence: 0, verdicts: 0 } },
    });
    expect(await auditMark()).toBe(auditBefore);
    expect(await outboxCounts()).toEqual(outboxBefore);
  });
});

test("overlapping imports at once end with one claim per wording and no duplicate statement", async () => {
  const { prisma } = server;
  // A: wordings 0..299 in order; B: wordings 449..150 backwards. 150..299 are in both, B's
  // odd ones with one more statement. They name four new speakers and ten new pages, in
  // opposite orders.
  const speakers = ["Overlap North", "Overlap East", "Overlap South", "Overlap West"];
  const overlapLine = (i: number, reverse: boolean, extra: boolean) => {
    const items = [
      statement({ name: speakers[i % 4], kind: "ORGANIZATION" }, `https://overlap.example/${i % 10}`, `Overlap ${i}`),
      statement(
        { name: speakers[(i + 1) % 4], kind: "ORGANIZATION" },
        `https://overlap.example/${(i + 5) % 10}`,
        `Overlap reply ${i}`,
        "DENIES",
      ),
      ...(extra
        ? [statement({ name: speakers[(i + 2) % 4], kind: "ORGANIZATION" }, "https://overlap.example/9", `Extra ${i}`)]
        : []),
    ];
    return { claim: { text: `Overlap claim ${i}` }, statements: reverse ? items.reverse() : items };
  };
  const fileA = Array.from({ length: 300 }, (_, i) => overlapLine(i, false, false));
  const fileB = Array.from({ length: 300 }, (_, n) => 449 - n).map((i) => overlapLine(i, true, i < 300 && i % 2 === 1));
  // C and D: no wording in common, the same six new speakers and pages in opposite orders:
  // their batches race to create them.
  const racers = ["Racer One", "Racer Two", "Racer Three", "Racer Four", "Racer Five", "Racer Six"];
  const racerLine = (file: string, j: number, names: string[]) => ({
    claim: { text: `Racing creators ${file} ${j}` },
    statements: names.map((name) =>
      statement({ name, kind: "PERSON" }, `https://racers.example/${name.replace(" ", "-")}`, `${file} ${j} ${name}`),
    ),
  });
  const fileC = Array.from({ length: 100 }, (_, j) => racerLine("C", j, racers));
  const fileD = Array.from({ length: 100 }, (_, j) => racerLine("D", j, [...racers].reverse()));
  // E and F: wordings 0..199 and 299..100, naming only speakers and pages that exist
  // already, so that nothing but the wording lock keeps them from creating a claim twice
  // (A and B also wait on each other's new actors).
  const settled = ["Settled One", "Settled Two", "Settled Three", "Settled Four"];
  const setup = await importNdjson(
    ndjson([
      {
        claim: { text: "Settled speakers and pages" },
        statements: settled.map((name, k) =>
          statement({ name, kind: "PERSON" }, `https://settled.example/${k}`, `Setup ${k}`),
        ),
      },
    ]),
  );
  expect(setup.summary).toMatchObject({ created: 1, rejected: 0 });
  const settledLine = (i: number) => ({
    claim: { text: `Settled overlap ${i}` },
    statements: [statement({ name: settled[i % 4] }, `https://settled.example/${i % 4}`, `Settled ${i}`)],
  });
  const fileE = Array.from({ length: 200 }, (_, i) => settledLine(i));
  const fileF = Array.from({ length: 200 }, (_, n) => settledLine(299 - n));

  const files = [fileA, fileB, fileC, fileD, fileE, fileF];
  const keys = await Promise.all(files.map(() => server.createKey("EDITOR")));
  const [a, b, c, d, e, f] = await Promise.all(files.map((file, index) => importNdjson(ndjson(file), keys[index])));

  for (const result of [a!, b!, c!, d!, e!, f!]) {
    expect(result.reports.filter((report) => report.status === "rejected")).toEqual([]);
    expect(result.summary.rejected).toBe(0);
  }
  // Each wording was created by one import exactly; the other matched or updated the same claim.
  const created = [...a!.reports, ...b!.reports].filter((report) => report.status === "created");
  expect(created).toHaveLength(450);
  const byWording = new Map<number, any[]>();
  for (const [file, result] of [
    [fileA, a!],
    [fileB, b!],
  ] as const) {
    result.reports.forEach((report, index) => {
      const i = Number(file[index]!.claim.text.slice("Overlap claim ".length));
      byWording.set(i, [...(byWording.get(i) ?? []), report]);
    });
  }
  for (let i = 150; i < 300; i += 1) {
    const [x, y] = byWording.get(i)!;
    expect(x.claimId).toBe(y.claimId);
    // A's line first: an odd wording created by A is updated by B; created by B, matched by A.
    const expected = x.status === "created" ? ["created", i % 2 === 1 ? "updated" : "matched"] : ["matched", "created"];
    expect([x.status, y.status]).toEqual(expected);
    expect(x.created.statements + y.created.statements).toBe(i % 2 === 1 ? 3 : 2);
  }
  expect(a!.summary.items.created.statements + b!.summary.items.created.statements).toBe(450 * 2 + 75);

  const wordings = await prisma.$queryRaw<{ text: string; claims: number; statements: number; counted: number }[]>`
    SELECT c.text, count(DISTINCT c.id)::int AS claims, count(s.id)::int AS statements,
           max(c.statement_count)::int AS counted
    FROM claims c LEFT JOIN statements s ON s.claim_id = c.id
    WHERE c.text LIKE 'Overlap claim %' GROUP BY c.text`;
  expect(wordings).toHaveLength(450);
  for (const row of wordings) {
    const i = Number(row.text.slice("Overlap claim ".length));
    const expected = i >= 150 && i < 300 && i % 2 === 1 ? 3 : 2;
    expect(row).toEqual({ text: row.text, claims: 1, statements: expected, counted: expected });
  }
  expect(await duplicateStatements()).toEqual([]);
  expect([e!, f!].map((result) => result.summary.created).reduce((x, y) => x + y)).toBe(300);
  const settledWordings = await prisma.$queryRaw<{ text: string; claims: number; statements: number }[]>`
    SELECT c.text, count(DISTINCT c.id)::int AS claims, count(s.id)::int AS statements
    FROM claims c LEFT JOIN statements s ON s.claim_id = c.id
    WHERE c.text LIKE 'Settled overlap %' GROUP BY c.text`;
  expect(settledWordings).toHaveLength(300);
  expect(settledWordings.filter((row) => row.claims !== 1 || row.statements !== 1)).toEqual([]);
  expect(await prisma.claim.count({ where: { text: { startsWith: "Racing creators " } } })).toBe(200);
  expect(await prisma.statement.count({ where: { claim: { text: { startsWith: "Racing creators " } } } })).toBe(1200);

  // One row per new speaker and page, each audited once; one CREATED event per claim.
  const actors = await prisma.actor.findMany({ where: { name: { in: [...speakers, ...racers] } } });
  expect(actors.map((actor) => actor.name).sort()).toEqual([...speakers, ...racers].sort());
  const actorEvents = await createdEvents(
    "Actor",
    actors.map((actor) => actor.id),
  );
  expect(actors.map((actor) => actorEvents.get(actor.id))).toEqual(Array(10).fill(1));
  expect(await prisma.source.count({ where: { url: { startsWith: "https://overlap.example/" } } })).toBe(10);
  expect(await prisma.source.count({ where: { url: { startsWith: "https://racers.example/" } } })).toBe(6);
  const claimIds = created.map(claimUuid);
  const claimEvents = await createdEvents("Claim", claimIds);
  expect(claimIds.every((id) => claimEvents.get(id) === 1)).toBe(true);
});

test("an import racing recordStatement and mergeClaims on its claims loses and duplicates nothing", async () => {
  const { prisma } = server;
  const RACED = 60;
  const MERGED = 20; // claims 0..19 are merged into claims 30..49
  const before = (i: number) =>
    statement(
      { name: `Race Speaker ${i % 4}`, kind: "PERSON" },
      `https://race.example/pre/${i}`,
      `Before the race ${i}`,
    );
  const setup = await importNdjson(
    ndjson(Array.from({ length: RACED }, (_, i) => ({ claim: { text: `Race claim ${i}` }, statements: [before(i)] }))),
  );
  expect(setup.summary).toMatchObject({ created: RACED, rejected: 0 });
  const ids = setup.reports.map(claimUuid);
  const globalIds = setup.reports.map((report) => report.claimId as string);
  const survivor = (i: number) => (i < MERGED ? ids[i + 30]! : ids[i]!);

  // 2,400 lines (three batches): a line for each raced claim every 40 lines, with its
  // statement from before the race and a new one; fillers creating claims in between.
  const file = Array.from({ length: 2400 }, (_, n) =>
    n % 40 === 0
      ? {
          claim: { text: `Race claim ${n / 40}` },
          statements: [
            before(n / 40),
            statement(
              { name: `Race Speaker ${(n / 40 + 1) % 4}` },
              `https://race.example/import/${n / 40}`,
              `Import adds ${n / 40}`,
              "DENIES",
            ),
          ],
        }
      : {
          claim: { text: `Race filler ${n}` },
          statements: [statement({ name: `Race Speaker ${n % 4}` }, `https://race.example/filler/${n % 25}`, `F${n}`)],
        },
  );
  const [importKey, writerKey] = await Promise.all([server.createKey("ADMIN"), server.createKey("EDITOR")]);
  const MERGE = `mutation ($input: MergeClaimsInput!) { mergeClaims(input: $input) {
    claim { id } userErrors { field message code } } }`;
  const recorded: { i: number; claimId: string }[] = [];
  const [result] = await Promise.all([
    importNdjson(ndjson(file), importKey),
    (async () => {
      for (let k = 0; k < RACED; k += 1) {
        const i = (k * 7) % RACED; // an order unlike the file's
        const payload = dataOf(
          await server.gql(
            RECORD_STATEMENT,
            {
              input: {
                claimId: globalIds[i],
                stance: "ASSERTS",
                actor: { name: `Race Speaker ${i % 4}` },
                source: { url: `https://race.example/mutation/${i}`, title: `Mutation ${i}` },
                quote: `Mutation adds ${i}`,
              },
            },
            { key: writerKey },
          ),
        ).recordStatement;
        expectNoUserErrors(payload);
        recorded.push({ i, claimId: payload.claim.id });
      }
    })(),
    (async () => {
      for (let i = 0; i < MERGED; i += 1) {
        const payload = dataOf(
          await server.gql(MERGE, { input: { sourceId: globalIds[i], targetId: globalIds[i + 30] } }),
        ).mergeClaims;
        expectNoUserErrors(payload);
      }
    })(),
  ]);

  expect(result.reports.filter((report) => report.status === "rejected")).toEqual([]);
  expect(result.summary).toMatchObject({ lines: 2400, created: 2400 - RACED, updated: RACED, rejected: 0 });
  for (let i = 0; i < RACED; i += 1) {
    const report = result.reports[i * 40];
    expect(report).toMatchObject({ status: "updated", created: { statements: 1 }, matched: { statements: 1 } });
    expect([ids[i], survivor(i)]).toContain(claimUuid(report));
  }
  for (const { i, claimId } of recorded) {
    expect([globalIds[i], globalIds[i < MERGED ? i + 30 : i]]).toContain(claimId);
  }

  // Every raced claim's three statements (before, import, mutation) exist once, on the survivor.
  const rows = await prisma.$queryRaw<{ quote: string; claimId: string; count: number }[]>`
    SELECT quote, claim_id::text AS "claimId", count(*)::int AS count FROM statements
    WHERE quote LIKE 'Before the race %' OR quote LIKE 'Import adds %' OR quote LIKE 'Mutation adds %'
    GROUP BY quote, claim_id ORDER BY quote`;
  const expected = Array.from({ length: RACED }, (_, i) =>
    [`Before the race ${i}`, `Import adds ${i}`, `Mutation adds ${i}`].map((quote) => ({
      quote,
      claimId: survivor(i),
      count: 1,
    })),
  ).flat();
  const byQuote = (x: { quote: string }, y: { quote: string }) => x.quote.localeCompare(y.quote);
  expect([...rows].sort(byQuote)).toEqual(expected.sort(byQuote));
  // The merged claims are gone and the import did not create them again.
  expect(await prisma.claim.count({ where: { id: { in: ids.slice(0, MERGED) } } })).toBe(0);
  const raced = await prisma.claim.findMany({ where: { text: { startsWith: "Race claim " } } });
  expect(raced.map((claim) => claim.text).sort()).toEqual(
    Array.from({ length: RACED - MERGED }, (_, k) => `Race claim ${k + MERGED}`).sort(),
  );
  // A merge target holds its own three statements and its merged claim's three.
  const isTarget = (text: string) => Number(text.slice("Race claim ".length)) >= 30 && Number(text.slice(11)) < 50;
  expect(raced.map((claim) => [claim.text, claim.statementCount])).toEqual(
    raced.map((claim) => [claim.text, isTarget(claim.text) ? 6 : 3]),
  );
  expect(await wrongStatementCounts()).toEqual([]);
  expect(await duplicateStatements()).toEqual([]);
  // The import's statements were audited once each (no event of a rolled-back attempt).
  const importIds = (await prisma.statement.findMany({ where: { quote: { startsWith: "Import adds " } } })).map(
    (row) => row.id,
  );
  const events = await createdEvents("Statement", importIds);
  expect(importIds.map((id) => events.get(id))).toEqual(Array(RACED).fill(1));
});

test("a client hanging up mid-import leaves each line fully written or not at all", async () => {
  const { prisma } = server;
  const LINES = 5000;
  const lines = Array.from({ length: LINES }, (_, i) =>
    JSON.stringify({
      claim: { text: `Hang-up claim ${i}`, topics: ["hang-up"] },
      statements: [0, 1, 2].map((k) => ({
        ...statement(
          { name: `Hang-up Speaker ${(i + k) % 7}`, kind: "PERSON" },
          `https://hangup.example/${(i * 3 + k) % 100}`,
          `Hang-up ${i}.${k}`,
          k === 1 ? "DENIES" : "ASSERTS",
        ),
        paraphrase: `Statement ${k} of line ${i}: each line is whole in the database, or absent.`,
      })),
    }),
  );

  const request = http.request(`${server.origin}/import/claims`, {
    method: "POST",
    headers: { "content-type": "application/x-ndjson", authorization: `Bearer ${server.adminKey}` },
  });
  request.on("error", () => undefined); // the hang-up is ours
  let received = "";
  let hungUp = false;
  const firstReports = new Promise<void>((resolve, reject) => {
    request.on("response", (response) => {
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        received += chunk;
        if (received.includes("\n")) resolve();
      });
      response.on("error", () => undefined);
      response.on("end", () => reject(new Error("the import ended before the client hung up")));
    });
    request.on("close", () => reject(new Error("the request closed before a report arrived")));
  });
  const writing = (async () => {
    for (let start = 0; start < LINES && !hungUp; start += 50) {
      // Half the file goes before the first report, the rest only after it: the hang-up
      // comes mid-file whatever the socket buffers hold, with a batch being written.
      if (start === LINES / 2) await firstReports.catch(() => undefined);
      if (hungUp || request.destroyed) break;
      const chunk = `${lines.slice(start, start + 50).join("\n")}\n`;
      if (!request.write(chunk)) {
        await new Promise((resolve) => {
          request.once("drain", resolve);
          request.once("close", resolve);
        });
      }
    }
    if (!hungUp) request.end();
  })();
  await firstReports;
  hungUp = true;
  request.destroy();
  await writing;

  // Wait until no statement of this database is running and the claims stop changing.
  const deadline = Date.now() + 20_000;
  for (let quiet = 0, last = -1; quiet < 5;) {
    if (Date.now() > deadline) throw new Error("the server did not go idle after the hang-up");
    await sleep(100);
    const [row] = await prisma.$queryRaw<{ busy: number; claims: number }[]>`
      SELECT (SELECT count(*)::int FROM pg_stat_activity
              WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
                AND state <> 'idle') AS busy,
             (SELECT count(*)::int FROM claims WHERE 'hang-up' = ANY (topics)) AS claims`;
    quiet = row!.busy === 0 && row!.claims === last ? quiet + 1 : 0;
    last = row!.claims;
  }

  const reports = received
    .split("\n")
    .slice(0, -1) // the last piece is an incomplete line (or empty)
    .map((line) => JSON.parse(line));
  expect(reports.length).toBeGreaterThan(0);
  expect(reports.every((report) => report.status === "created")).toBe(true);
  expect(reports.some((report) => "summary" in report)).toBe(false);

  const written = await prisma.$queryRaw<{ text: string; id: string; statements: number; counted: number }[]>`
    SELECT c.text, c.id::text AS id, count(s.id)::int AS statements, c.statement_count AS counted
    FROM claims c LEFT JOIN statements s ON s.claim_id = c.id
    WHERE 'hang-up' = ANY (c.topics) GROUP BY c.id`;
  const byText = new Map(written.map((row) => [row.text, row]));
  expect(byText.size).toBe(written.length); // no wording twice
  // Every line: its claim is absent, or present with all three statements.
  const partial = written.filter((row) => row.statements !== 3 || row.counted !== 3);
  expect(partial).toEqual([]);
  // What was reported is written; the hang-up stopped the import before the end of the file.
  for (const report of reports) expect(byText.get(`Hang-up claim ${report.line - 1}`)?.id).toBe(claimUuid(report));
  expect(written.length).toBeGreaterThanOrEqual(reports.length);
  expect(written.length).toBeLessThan(LINES);
  const events = await createdEvents(
    "Claim",
    written.map((row) => row.id),
  );
  expect(written.every((row) => events.get(row.id) === 1)).toBe(true);

  // The server is free for the next import.
  const next = await importNdjson(ndjson([{ claim: { text: "After the hang-up" } }]));
  expect(next.reports.map((report) => report.status)).toEqual(["created"]);
});
