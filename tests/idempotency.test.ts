// Idempotency keys on mutations: a retry with the same key gets the first response and
// writes nothing; concurrent retries never write twice; a key reused for another request
// is refused; keys are scoped per API key; queries and requests without a key are untouched.
import { parse, print } from "graphql";
import { parseIdempotencyKey, requestHashOf } from "../src/graphql/idempotency";
import { CREATE_CLAIM } from "./helpers/operations";
import { startTestServer, type TestServer } from "./helpers/test-server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

interface Sent {
  status: number;
  replayed: string | null;
  text: string;
  body: any;
}

/** POSTs an operation with an Idempotency-Key header (or none); keeps the raw body and headers. */
async function send(
  query: string,
  variables: Record<string, unknown>,
  options: { idempotencyKey?: string; key?: string | null } = {},
): Promise<Sent> {
  const key = options.key === undefined ? server.adminKey : options.key;
  const response = await fetch(server.url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...(options.idempotencyKey !== undefined ? { "idempotency-key": options.idempotencyKey } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return {
    status: response.status,
    replayed: response.headers.get("idempotent-replayed"),
    text,
    body: JSON.parse(text),
  };
}

let counter = 0;
function uniqueText(label: string): string {
  counter += 1;
  return `Idempotent claim ${label} ${counter} ${Date.now()}`;
}

async function claimCount(text: string): Promise<number> {
  return server.prisma.claim.count({ where: { text } });
}

async function auditCount(): Promise<number> {
  return server.prisma.auditEvent.count();
}

async function apiKeyIdOf(key: string): Promise<string> {
  const row = await server.prisma.apiKey.findUniqueOrThrow({ where: { prefix: key.slice(0, 11) } });
  return row.id;
}

describe("a mutation retried with the same Idempotency-Key", () => {
  test("returns the first response, marked as replayed, and writes once", async () => {
    const text = uniqueText("retried");
    const auditBefore = await auditCount();
    const first = await send(CREATE_CLAIM, { input: { text } }, { idempotencyKey: "retry-1" });
    const second = await send(CREATE_CLAIM, { input: { text } }, { idempotencyKey: "retry-1" });

    expect(first.status).toBe(200);
    expect(first.replayed).toBeNull();
    expect(first.body.data.createClaim.userErrors).toEqual([]);
    expect(second.status).toBe(200);
    expect(second.replayed).toBe("true");
    expect(second.text).toBe(first.text);
    expect(await claimCount(text)).toBe(1);
    expect((await auditCount()) - auditBefore).toBe(1);
  });

  test("concurrent sends with one key write once; the others get the replay or 409", async () => {
    const text = uniqueText("concurrent");
    const results = await Promise.all(
      Array.from({ length: 6 }, () => send(CREATE_CLAIM, { input: { text } }, { idempotencyKey: "concurrent-1" })),
    );
    const originals = results.filter((result) => result.status === 200 && result.replayed === null);
    const replays = results.filter((result) => result.status === 200 && result.replayed === "true");
    const inUse = results.filter((result) => result.status === 409);
    expect(originals).toHaveLength(1);
    expect(replays.length + inUse.length).toBe(results.length - 1);
    for (const replay of replays) expect(replay.text).toBe(originals[0]?.text);
    for (const refused of inUse) {
      expect(refused.body.errors[0].extensions.code).toBe("IDEMPOTENCY_KEY_IN_USE");
      expect(refused.body.data).toBeUndefined();
    }
    expect(await claimCount(text)).toBe(1);
  });

  test("with other variables is refused with 422 IDEMPOTENCY_KEY_REUSED and writes nothing", async () => {
    const text = uniqueText("first");
    await send(CREATE_CLAIM, { input: { text } }, { idempotencyKey: "reused-1" });
    const otherText = uniqueText("other");
    const auditBefore = await auditCount();
    const reused = await send(CREATE_CLAIM, { input: { text: otherText } }, { idempotencyKey: "reused-1" });

    expect(reused.status).toBe(422);
    expect(reused.body.errors).toHaveLength(1);
    expect(reused.body.errors[0].extensions.code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(reused.body.data).toBeUndefined();
    expect(await claimCount(otherText)).toBe(0);
    expect(await auditCount()).toBe(auditBefore);
  });

  test("with another operation document is refused too, but not for a reformatted one", async () => {
    const text = uniqueText("document");
    await send(CREATE_CLAIM, { input: { text } }, { idempotencyKey: "document-1" });
    const other = `mutation ($input: CreateClaimInput!) { createClaim(input: $input) { claim { id } userErrors { code } } }`;
    expect((await send(other, { input: { text } }, { idempotencyKey: "document-1" })).status).toBe(422);
    const reformatted = CREATE_CLAIM.replace(/\s+/g, "  ");
    const replay = await send(reformatted, { input: { text } }, { idempotencyKey: "document-1" });
    expect(replay.replayed).toBe("true");
    expect(await claimCount(text)).toBe(1);
  });

  test("variables in another key order are the same request", async () => {
    const text = uniqueText("order");
    await send(CREATE_CLAIM, { input: { text, language: "en", topics: ["a"] } }, { idempotencyKey: "order-1" });
    const again = await send(
      CREATE_CLAIM,
      { input: { topics: ["a"], language: "en", text } },
      { idempotencyKey: "order-1" },
    );
    expect(again.replayed).toBe("true");
    expect(await claimCount(text)).toBe(1);
  });

  test("replays a response with userErrors: it is a result", async () => {
    const first = await send(CREATE_CLAIM, { input: { text: "   " } }, { idempotencyKey: "user-errors-1" });
    expect(first.body.data.createClaim.userErrors.length).toBeGreaterThan(0);
    const second = await send(CREATE_CLAIM, { input: { text: "   " } }, { idempotencyKey: "user-errors-1" });
    expect(second.replayed).toBe("true");
    expect(second.text).toBe(first.text);
  });
});

describe("scope and applicability", () => {
  test("different API keys may use the same key string independently", async () => {
    const editor = await server.createKey("EDITOR");
    const text = uniqueText("scoped");
    const asAdmin = await send(CREATE_CLAIM, { input: { text } }, { idempotencyKey: "shared-key" });
    const asEditor = await send(CREATE_CLAIM, { input: { text } }, { idempotencyKey: "shared-key", key: editor });
    expect(asAdmin.replayed).toBeNull();
    expect(asEditor.replayed).toBeNull();
    expect(asEditor.body.data.createClaim.claim.id).not.toBe(asAdmin.body.data.createClaim.claim.id);
    expect(await claimCount(text)).toBe(2);
    const rows = await server.prisma.idempotencyRecord.findMany({ where: { key: "shared-key" } });
    expect(new Set(rows.map((row) => row.apiKeyId))).toEqual(
      new Set([await apiKeyIdOf(server.adminKey), await apiKeyIdOf(editor)]),
    );
  });

  test("a query with the header is unaffected and stores nothing", async () => {
    const query = `{ viewer { role } }`;
    const first = await send(query, {}, { idempotencyKey: "query-key" });
    expect(first.status).toBe(200);
    expect(first.replayed).toBeNull();
    expect(first.body.data.viewer.role).toBe("ADMIN");
    const malformed = await send(query, {}, { idempotencyKey: "x".repeat(300) });
    expect(malformed.status).toBe(200);
    expect(await server.prisma.idempotencyRecord.count({ where: { key: "query-key" } })).toBe(0);
  });

  test("without the header, two sends are two writes", async () => {
    const text = uniqueText("no header");
    const first = await send(CREATE_CLAIM, { input: { text } });
    const second = await send(CREATE_CLAIM, { input: { text } });
    expect(second.replayed).toBeNull();
    expect(second.body.data.createClaim.claim.id).not.toBe(first.body.data.createClaim.claim.id);
    expect(await claimCount(text)).toBe(2);
  });

  test("an anonymous mutation with a key is refused as usual and stores nothing", async () => {
    const text = uniqueText("anonymous");
    const result = await send(CREATE_CLAIM, { input: { text } }, { idempotencyKey: "anonymous-1", key: null });
    expect(result.body.errors[0].extensions.code).toBe("UNAUTHENTICATED");
    expect(await server.prisma.idempotencyRecord.count({ where: { key: "anonymous-1" } })).toBe(0);
    expect(await claimCount(text)).toBe(0);
  });

  test.each([
    ["empty", ""],
    ["too long", "k".repeat(256)],
    ["not ASCII", "clé"],
  ])("a malformed key (%s) is a 400 BAD_REQUEST and nothing runs", async (_label, idempotencyKey) => {
    const text = uniqueText("malformed");
    const result = await send(CREATE_CLAIM, { input: { text } }, { idempotencyKey });
    expect(result.status).toBe(400);
    expect(result.body.errors[0].extensions.code).toBe("BAD_REQUEST");
    expect(result.body.errors[0].message).toMatch(/Idempotency-Key/);
    expect(await claimCount(text)).toBe(0);
  });

  test("a key of 255 characters, and the draft's quoted form, are accepted", async () => {
    const long = "k".repeat(255);
    const text = uniqueText("long key");
    expect((await send(CREATE_CLAIM, { input: { text } }, { idempotencyKey: long })).status).toBe(200);
    const replay = await send(CREATE_CLAIM, { input: { text } }, { idempotencyKey: `"${long}"` });
    expect(replay.replayed).toBe("true");
    expect(await claimCount(text)).toBe(1);
  });

  test("parses bare and Structured Fields string keys", () => {
    expect(parseIdempotencyKey("abc-123")).toBe("abc-123");
    expect(parseIdempotencyKey(' "8e03978e-40d5" ')).toBe("8e03978e-40d5");
    expect(parseIdempotencyKey('"a\\"b\\\\c"')).toBe('a"b\\c');
    expect(parseIdempotencyKey("")).toBeNull();
    expect(parseIdempotencyKey('""')).toBeNull();
    expect(parseIdempotencyKey("tab\there")).toBeNull();
  });
});

describe("failures and expiry", () => {
  async function insertRecord(
    key: string,
    requestHash: string,
    options: { age: string; response?: unknown },
  ): Promise<void> {
    const apiKeyId = await apiKeyIdOf(server.adminKey);
    const response = options.response === undefined ? null : JSON.stringify(options.response);
    const completed = options.response === undefined ? "NULL" : `now() - interval '${options.age}'`;
    await server.prisma.$executeRawUnsafe(
      `INSERT INTO idempotency_keys (api_key_id, key, request_hash, response, created_at, completed_at)
       VALUES ($1::uuid, $2, $3, $4::jsonb, now() - interval '${options.age}', ${completed})`,
      apiKeyId,
      key,
      requestHash,
      response,
    );
  }

  function hashOf(variables: Record<string, unknown>): string {
    return requestHashOf(print(parse(CREATE_CLAIM)), null, variables);
  }

  test("a request still running holds the key: 409 IDEMPOTENCY_KEY_IN_USE, nothing runs", async () => {
    const text = uniqueText("pending");
    await insertRecord("pending-1", hashOf({ input: { text } }), { age: "1 second" });
    const result = await send(CREATE_CLAIM, { input: { text } }, { idempotencyKey: "pending-1" });
    expect(result.status).toBe(409);
    expect(result.body.errors[0].extensions.code).toBe("IDEMPOTENCY_KEY_IN_USE");
    expect(await claimCount(text)).toBe(0);
  });

  test("a pending record abandoned for over 5 minutes is taken over by the retry", async () => {
    const text = uniqueText("abandoned");
    await insertRecord("abandoned-1", hashOf({ input: { text } }), { age: "6 minutes" });
    const result = await send(CREATE_CLAIM, { input: { text } }, { idempotencyKey: "abandoned-1" });
    expect(result.status).toBe(200);
    expect(result.replayed).toBeNull();
    expect(await claimCount(text)).toBe(1);
    const again = await send(CREATE_CLAIM, { input: { text } }, { idempotencyKey: "abandoned-1" });
    expect(again.replayed).toBe("true");
    expect(await claimCount(text)).toBe(1);
  });

  test("a record older than 24 hours has expired: the key runs a new request", async () => {
    const text = uniqueText("expired");
    await insertRecord("expired-1", hashOf({ input: { text: "something else" } }), {
      age: "25 hours",
      response: { status: 200, body: "{}" },
    });
    const result = await send(CREATE_CLAIM, { input: { text } }, { idempotencyKey: "expired-1" });
    expect(result.status).toBe(200);
    expect(result.replayed).toBeNull();
    expect(await claimCount(text)).toBe(1);
  });

  test("an unexpected server error gives the key up, so the retry runs", async () => {
    const text = uniqueText("boom");
    // Make the claim insert fail inside the database, once.
    await server.prisma.$executeRawUnsafe(`
      CREATE FUNCTION idempotency_test_boom() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.text LIKE 'Idempotent claim boom%' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$`);
    await server.prisma.$executeRawUnsafe(
      `CREATE TRIGGER idempotency_test_boom BEFORE INSERT ON claims FOR EACH ROW EXECUTE FUNCTION idempotency_test_boom()`,
    );
    let failed: Sent;
    try {
      failed = await send(CREATE_CLAIM, { input: { text } }, { idempotencyKey: "boom-1" });
    } finally {
      await server.prisma.$executeRawUnsafe(`DROP TRIGGER idempotency_test_boom ON claims`);
      await server.prisma.$executeRawUnsafe(`DROP FUNCTION idempotency_test_boom()`);
    }
    expect(failed.body.errors[0].extensions.code).toBe("INTERNAL_SERVER_ERROR");
    expect(await server.prisma.idempotencyRecord.count({ where: { key: "boom-1" } })).toBe(0);

    const retry = await send(CREATE_CLAIM, { input: { text } }, { idempotencyKey: "boom-1" });
    expect(retry.replayed).toBeNull();
    expect(retry.body.data.createClaim.claim.text).toBe(text);
    expect(await claimCount(text)).toBe(1);
  });
});
