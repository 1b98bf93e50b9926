// API keys and roles over HTTP: what each role may and may not do (a refused mutation
// changes nothing), anonymous reads, the viewer, key creation (secret shown once, stored
// hashed), scopes, and bad keys (malformed, unknown, revoked, expired) refused with 401.
import { createHash } from "node:crypto";
import { ADD_EVIDENCE, ADD_VERDICT, CREATE_CLAIM, RECORD_STATEMENT, expectNoUserErrors } from "./helpers/operations";
import { dataOf, startTestServer, type GraphQLResponse, type TestServer } from "./helpers/test-server";

type RoleName = "VIEWER" | "EDITOR" | "FACT_CHECKER" | "ADMIN";
const ROLES: RoleName[] = ["VIEWER", "EDITOR", "FACT_CHECKER", "ADMIN"];

let server: TestServer;
const keys = {} as Record<RoleName, string>;
beforeAll(async () => {
  server = await startTestServer();
  for (const role of ROLES) keys[role] = role === "ADMIN" ? server.adminKey : await server.createKey(role);
});
afterAll(() => server.close());

const USER_ERRORS = "userErrors { field message code }";
const RETRACT_VERDICT = `mutation ($input: RetractInput!) { retractVerdict(input: $input) { verdict { id } ${USER_ERRORS} } }`;
const MERGE = `mutation ($input: MergeClaimsInput!) { mergeClaims(input: $input) { claim { id } ${USER_ERRORS} } }`;
const LINK = `mutation ($input: LinkClaimsInput!) { linkClaims(input: $input) { relation { id } ${USER_ERRORS} } }`;
const UNLINK = `mutation ($input: UnlinkClaimsInput!) { unlinkClaims(input: $input) { removedId ${USER_ERRORS} } }`;
const CREATE_KEY = `mutation ($input: CreateApiKeyInput!) {
  createApiKey(input: $input) { secret apiKey { id name prefix role scopes permissions expiresAt active } ${USER_ERRORS} } }`;
const REVOKE_KEY = `mutation ($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { apiKey { id revokedAt active } ${USER_ERRORS} } }`;
const VIEWER = `{ viewer { role permissions apiKey { name prefix role scopes permissions active } } }`;

let counter = 0;
function unique(label: string): string {
  counter += 1;
  return `${label} ${counter}`;
}

async function admin(query: string, input: Record<string, unknown>): Promise<any> {
  const payload = Object.values(dataOf(await server.gql(query, { input }, { key: server.adminKey })))[0];
  expectNoUserErrors(payload as { userErrors: unknown[] });
  return payload;
}

async function newClaim(): Promise<string> {
  return (await admin(CREATE_CLAIM, { text: unique("Auth claim") })).claim.id;
}

/** Row counts of everything a mutation can write, and the audit log. */
interface Counts {
  claims: number;
  merges: number;
  auditEvents: number;
  [table: string]: number;
}

async function snapshot(): Promise<Counts> {
  const [row] = await server.prisma.$queryRaw<Counts[]>`
    SELECT (SELECT count(*) FROM claims)::int AS claims,
           (SELECT count(*) FROM statements)::int AS statements,
           (SELECT count(*) FROM evidence)::int AS evidence,
           (SELECT count(*) FROM verdicts)::int AS verdicts,
           (SELECT count(*) FROM verdicts WHERE retracted_at IS NOT NULL)::int AS "retractedVerdicts",
           (SELECT count(*) FROM claim_relations)::int AS relations,
           (SELECT count(*) FROM claim_merges)::int AS merges,
           (SELECT count(*) FROM actors)::int AS actors,
           (SELECT count(*) FROM sources)::int AS sources,
           (SELECT count(*) FROM api_keys)::int AS "apiKeys",
           (SELECT count(*) FROM api_keys WHERE revoked_at IS NOT NULL)::int AS "revokedKeys",
           (SELECT count(*) FROM audit_events)::int AS "auditEvents"`;
  if (!row) throw new Error("no snapshot");
  return row;
}

interface Operation {
  field: string;
  query: string;
  variables: Record<string, unknown>;
}

interface Case {
  field: string;
  permission: string;
  allowed: RoleName[];
  /** Builds a valid operation on fresh data (made with the admin key). */
  prepare(): Promise<Operation>;
}

const WRITERS: RoleName[] = ["EDITOR", "FACT_CHECKER", "ADMIN"];
const PUBLISHERS: RoleName[] = ["FACT_CHECKER", "ADMIN"];

const verdictInput = (claimId: string) => ({
  claimId,
  reviewer: { name: "Auth Checkers", kind: "FACT_CHECKER" },
  rating: "False",
  conclusion: "REFUTED",
  reviewedAt: "2024-05-01T00:00:00Z",
});

const CASES: Case[] = [
  {
    field: "createClaim",
    permission: "WRITE_CLAIMS",
    allowed: WRITERS,
    prepare: () =>
      Promise.resolve({ field: "createClaim", query: CREATE_CLAIM, variables: { input: { text: unique("New") } } }),
  },
  {
    field: "recordStatement",
    permission: "WRITE_CLAIMS",
    allowed: WRITERS,
    prepare: async () => ({
      field: "recordStatement",
      query: RECORD_STATEMENT,
      variables: {
        input: {
          claimId: await newClaim(),
          stance: "ASSERTS",
          actor: { name: unique("Auth speaker"), kind: "PERSON" },
          source: { url: `https://auth.example/${counter}`, title: "Auth source" },
          quote: "Said it",
        },
      },
    }),
  },
  {
    field: "addEvidence",
    permission: "WRITE_CLAIMS",
    allowed: WRITERS,
    prepare: async () => ({
      field: "addEvidence",
      query: ADD_EVIDENCE,
      variables: {
        input: {
          claimId: await newClaim(),
          direction: "SUPPORTS",
          summary: "A report",
          source: { url: `https://auth.example/evidence/${counter}`, title: "Evidence source" },
        },
      },
    }),
  },
  {
    field: "addVerdict",
    permission: "PUBLISH_VERDICTS",
    allowed: PUBLISHERS,
    prepare: async () => ({
      field: "addVerdict",
      query: ADD_VERDICT,
      variables: { input: verdictInput(await newClaim()) },
    }),
  },
  {
    field: "retractVerdict",
    permission: "PUBLISH_VERDICTS",
    allowed: PUBLISHERS,
    prepare: async () => {
      const verdict = (await admin(ADD_VERDICT, verdictInput(await newClaim()))).verdict.id;
      return {
        field: "retractVerdict",
        query: RETRACT_VERDICT,
        variables: { input: { id: verdict, reason: "Wrong" } },
      };
    },
  },
  {
    field: "mergeClaims",
    permission: "MERGE_CLAIMS",
    allowed: ["ADMIN"],
    prepare: async () => ({
      field: "mergeClaims",
      query: MERGE,
      variables: { input: { sourceId: await newClaim(), targetId: await newClaim() } },
    }),
  },
  {
    field: "unlinkClaims",
    permission: "DELETE",
    allowed: ["ADMIN"],
    prepare: async () => {
      const link = await admin(LINK, { fromClaimId: await newClaim(), toClaimId: await newClaim(), kind: "SUPPORTS" });
      return { field: "unlinkClaims", query: UNLINK, variables: { input: { id: link.relation.id } } };
    },
  },
  {
    field: "createApiKey",
    permission: "MANAGE_KEYS",
    allowed: ["ADMIN"],
    prepare: () =>
      Promise.resolve({
        field: "createApiKey",
        query: CREATE_KEY,
        variables: { input: { name: unique("made key"), role: "VIEWER" } },
      }),
  },
  {
    field: "revokeApiKey",
    permission: "MANAGE_KEYS",
    allowed: ["ADMIN"],
    prepare: async () => {
      const created = await admin(CREATE_KEY, { name: unique("to revoke"), role: "VIEWER" });
      return { field: "revokeApiKey", query: REVOKE_KEY, variables: { input: { id: created.apiKey.id } } };
    },
  },
];

const TABLE = CASES.flatMap((testCase) =>
  ROLES.map(
    (role) => [testCase.field, role, testCase.allowed.includes(role) ? "allowed" : "refused", testCase] as const,
  ),
);

describe("roles and mutations", () => {
  test.each(TABLE)("%s as %s is %s", async (_field, role, verdict, testCase) => {
    const operation = await testCase.prepare();
    const before = await snapshot();
    const response = await server.gql(operation.query, operation.variables, { key: keys[role] });
    const after = await snapshot();
    if (verdict === "allowed") {
      expect(response.errors).toBeUndefined();
      expect(response.data?.[operation.field].userErrors).toEqual([]);
      expect(after.auditEvents).toBeGreaterThan(before.auditEvents);
    } else {
      expect(response.errors).toHaveLength(1);
      expect(response.errors?.[0]).toMatchObject({
        path: [operation.field],
        extensions: { code: "FORBIDDEN", permission: testCase.permission },
      });
      expect(response.errors?.[0]?.message).toMatch(new RegExp(`role ${role}.*${testCase.permission}`));
      expect(response.data).toBeNull();
      expect(after).toEqual(before);
    }
  });

  test.each(CASES.map((testCase) => [testCase.field, testCase] as const))(
    "%s without a key is UNAUTHENTICATED and changes nothing",
    async (_field, testCase) => {
      const operation = await testCase.prepare();
      const before = await snapshot();
      const response = await server.gql(operation.query, operation.variables, { key: null });
      expect(response.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      expect(response.errors?.[0]?.message).toMatch(/Authorization: Bearer/);
      expect(await snapshot()).toEqual(before);
    },
  );

  test.each(ROLES.map((role) => [role, role === "ADMIN" ? "allowed" : "refused"] as const))(
    "the apiKeys query as %s is %s",
    async (role, verdict) => {
      const response = await server.gql(`{ apiKeys { name role } }`, {}, { key: keys[role] });
      if (verdict === "allowed") {
        expect(response.errors).toBeUndefined();
        expect(response.data?.apiKeys.map((key: any) => key.role)).toEqual(expect.arrayContaining(ROLES));
      } else {
        expect(response.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", permission: "MANAGE_KEYS" });
      }
    },
  );

  test("the apiKeys query without a key is UNAUTHENTICATED", async () => {
    const response = await server.gql(`{ apiKeys { name } }`, {}, { key: null });
    expect(response.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("reading and the viewer", () => {
  test("anonymous requests read", async () => {
    const claimId = await newClaim();
    const read = await server.gql(`query ($id: ID!) { claim(id: $id) { id } claims(first: 1) { totalCount } }`, {
      id: claimId,
    });
    expect(read.errors).toBeUndefined();
    expect(read.data?.claim.id).toBe(claimId);
  });

  test("an anonymous viewer has no key, no role and no permissions", async () => {
    expect(dataOf(await server.gql(VIEWER, {}, { key: null })).viewer).toEqual({
      role: null,
      permissions: [],
      apiKey: null,
    });
  });

  test.each([
    ["VIEWER", ["BULK_EXPORT"]],
    ["EDITOR", ["BULK_EXPORT", "WRITE_CLAIMS", "BULK_IMPORT"]],
    ["FACT_CHECKER", ["BULK_EXPORT", "WRITE_CLAIMS", "BULK_IMPORT", "PUBLISH_VERDICTS"]],
    [
      "ADMIN",
      [
        "BULK_EXPORT",
        "WRITE_CLAIMS",
        "BULK_IMPORT",
        "PUBLISH_VERDICTS",
        "MERGE_CLAIMS",
        "DELETE",
        "MANAGE_KEYS",
        "MANAGE_WEBHOOKS",
      ],
    ],
  ] as const)("the viewer of the %s key shows its role and permissions", async (role, permissions) => {
    const viewer = dataOf(await server.gql(VIEWER, {}, { key: keys[role] })).viewer;
    expect(viewer.role).toBe(role);
    expect([...viewer.permissions].sort()).toEqual([...permissions].sort());
    expect(viewer.apiKey).toMatchObject({ role, scopes: [], active: true, prefix: keys[role].slice(0, 11) });
  });
});

describe("creating keys", () => {
  test("returns a secret that works, and stores only its hash", async () => {
    const created = await admin(CREATE_KEY, { name: "Newsroom editor", role: "EDITOR" });
    expect(created.secret).toMatch(/^ct_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    expect(created.apiKey).toMatchObject({ name: "Newsroom editor", role: "EDITOR", active: true });
    expect(created.secret.startsWith(`${created.apiKey.prefix}_`)).toBe(true);

    const viewer = dataOf(await server.gql(VIEWER, {}, { key: created.secret })).viewer;
    expect(viewer).toMatchObject({ role: "EDITOR", apiKey: { name: "Newsroom editor" } });
    const write = await server.gql(
      CREATE_CLAIM,
      { input: { text: unique("By the new key") } },
      { key: created.secret },
    );
    expect(write.data?.createClaim.userErrors).toEqual([]);

    const secretPart = created.secret.slice(created.apiKey.prefix.length + 1);
    const rows = await server.prisma.$queryRaw<{ row: string }[]>`
      SELECT row_to_json(k)::text AS row FROM api_keys k WHERE prefix = ${created.apiKey.prefix}`;
    expect(rows).toHaveLength(1);
    expect(rows[0]?.row).not.toContain(secretPart);
    const stored = await server.prisma.apiKey.findUniqueOrThrow({ where: { prefix: created.apiKey.prefix } });
    expect(stored.secretHash).toBe(createHash("sha256").update(created.secret).digest("hex"));

    // Nor does the audit log keep the secret or its hash.
    const events = await server.prisma.$queryRaw<{ row: string }[]>`
      SELECT row_to_json(e)::text AS row FROM audit_events e WHERE entity_type = 'ApiKey' AND entity_id = ${stored.id}::uuid`;
    expect(events).toHaveLength(1);
    expect(events[0]?.row).not.toContain(secretPart);
    expect(events[0]?.row).not.toContain(stored.secretHash);
  });

  test("scopes narrow a key: an ADMIN key scoped to WRITE_CLAIMS cannot merge", async () => {
    const created = await admin(CREATE_KEY, { name: "Scoped admin", role: "ADMIN", scopes: ["WRITE_CLAIMS"] });
    expect(created.apiKey).toMatchObject({ scopes: ["WRITE_CLAIMS"], permissions: ["WRITE_CLAIMS"] });
    const viewer = dataOf(await server.gql(VIEWER, {}, { key: created.secret })).viewer;
    expect(viewer).toMatchObject({ role: "ADMIN", permissions: ["WRITE_CLAIMS"] });

    const write = await server.gql(CREATE_CLAIM, { input: { text: unique("Scoped") } }, { key: created.secret });
    expect(write.data?.createClaim.userErrors).toEqual([]);
    const before = await snapshot();
    const merge = await server.gql(
      MERGE,
      { input: { sourceId: await newClaim(), targetId: await newClaim() } },
      { key: created.secret },
    );
    expect(merge.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", permission: "MERGE_CLAIMS" });
    const after = await snapshot();
    expect(after.merges).toBe(before.merges);
    const keysQuery = await server.gql(`{ apiKeys { name } }`, {}, { key: created.secret });
    expect(keysQuery.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", permission: "MANAGE_KEYS" });
  });

  test("scopes beyond the role are refused as userErrors, and no key is made", async () => {
    const before = await snapshot();
    const payload = dataOf(
      await server.gql(CREATE_KEY, { input: { name: "Overreach", role: "EDITOR", scopes: ["MERGE_CLAIMS"] } }),
    ).createApiKey;
    expect(payload.secret).toBeNull();
    expect(payload.apiKey).toBeNull();
    expect(payload.userErrors).toEqual([
      { field: "input.scopes", code: "INVALID", message: expect.stringMatching(/EDITOR does not grant MERGE_CLAIMS/) },
    ]);
    expect(await snapshot()).toEqual(before);
  });

  test("an expiry in the past is refused", async () => {
    const payload = dataOf(
      await server.gql(CREATE_KEY, { input: { name: "Stale", role: "VIEWER", expiresAt: "2020-01-01T00:00:00Z" } }),
    ).createApiKey;
    expect(payload.userErrors).toEqual([expect.objectContaining({ field: "input.expiresAt", code: "INVALID" })]);
  });

  test("a key narrowed to MANAGE_KEYS cannot make a key with more permissions than its own", async () => {
    const manager = await admin(CREATE_KEY, { name: "Key manager", role: "ADMIN", scopes: ["MANAGE_KEYS"] });
    const before = await snapshot();
    const escalate = await server.gql(
      CREATE_KEY,
      { input: { name: "Escalated", role: "ADMIN" } },
      { key: manager.secret },
    );
    expect(escalate.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(escalate.errors?.[0]?.message).toMatch(/permissions it lacks \(.*MERGE_CLAIMS.*\)/);
    expect(escalate.errors?.[0]?.message).not.toMatch(/MANAGE_KEYS/);
    expect(await snapshot()).toEqual(before);
    const narrow = await server.gql(
      CREATE_KEY,
      { input: { name: "Another manager", role: "ADMIN", scopes: ["MANAGE_KEYS"] } },
      { key: manager.secret },
    );
    expect(narrow.data?.createApiKey.userErrors).toEqual([]);
  });
});

describe("bad keys fail the whole request with 401 UNAUTHENTICATED", () => {
  async function post(
    authorization: string | null,
    query = `{ claims(first: 1) { totalCount } }`,
  ): Promise<{ status: number; body: GraphQLResponse }> {
    const response = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, body: (await response.json()) as GraphQLResponse };
  }

  function expect401(result: { status: number; body: GraphQLResponse }, message: RegExp): void {
    expect(result.status).toBe(401);
    expect(result.body.data).toBeUndefined();
    expect(result.body.errors).toHaveLength(1);
    expect(result.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(result.body.errors?.[0]?.message).toMatch(message);
  }

  test("a valid key and no key at all are fine", async () => {
    expect((await post(`Bearer ${keys.VIEWER}`)).status).toBe(200);
    expect((await post(null)).status).toBe(200);
  });

  test.each([
    ["not Bearer", "Basic dXNlcjpwYXNz", /Bearer <API key>/],
    ["Bearer with nothing", "Bearer ", /Bearer <API key>/],
    ["two tokens", "Bearer a b", /Bearer <API key>/],
    ["not a key", "Bearer not-a-key", /malformed/],
    ["unknown key", `Bearer ct_00000000_${"A".repeat(43)}`, /not known/],
  ])("%s", async (_label, header, message) => {
    expect401(await post(header), message);
  });

  test("a revoked key, at once", async () => {
    const created = await admin(CREATE_KEY, { name: "Soon revoked", role: "EDITOR" });
    expect((await post(`Bearer ${created.secret}`)).status).toBe(200);
    const revoked = await admin(REVOKE_KEY, { id: created.apiKey.id });
    expect(revoked.apiKey).toMatchObject({ active: false, revokedAt: expect.any(String) });
    expect401(await post(`Bearer ${created.secret}`), /revoked/);
    expect401(
      await post(
        `Bearer ${created.secret}`,
        `mutation { createClaim(input: { text: "late" }) { userErrors { code } } }`,
      ),
      /revoked/,
    );
    const again = dataOf(await server.gql(REVOKE_KEY, { input: { id: created.apiKey.id } })).revokeApiKey;
    expect(again.userErrors).toEqual([expect.objectContaining({ field: "input.id", code: "CONFLICT" })]);
  });

  test("an expired key", async () => {
    const expiresAt = new Date(Date.now() + 60 * 60 * 1000).toISOString();
    const created = await admin(CREATE_KEY, { name: "Short-lived", role: "VIEWER", expiresAt });
    expect(created.apiKey.expiresAt).toBe(expiresAt);
    expect((await post(`Bearer ${created.secret}`)).status).toBe(200);
    await server.prisma.$executeRaw`
      UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE prefix = ${created.apiKey.prefix}`;
    expect401(await post(`Bearer ${created.secret}`), /expired/);
    const listed = dataOf(await server.gql(`{ apiKeys { prefix active } }`, {}, { key: server.adminKey })).apiKeys;
    expect(listed).toContainEqual({ prefix: created.apiKey.prefix, active: false });
  });
});
