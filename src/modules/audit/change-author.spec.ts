import type { AuditEventWithRole } from "./audit.repository";
import { eventForReader, seesChangeAuthors } from "./change-author";
import { ANONYMOUS, systemPrincipal, type Principal } from "../auth/permissions";

const key = (role: "VIEWER" | "ADMIN", permissions: string[]): Principal =>
  ({ kind: "key", keyId: "k1", name: "Alice's laptop", prefix: "ct_0123abcd", role, permissions }) as Principal;

const event = (overrides: Partial<AuditEventWithRole>): AuditEventWithRole => ({
  id: 1n,
  occurredAt: new Date("2026-01-01T00:00:00Z"),
  action: "CREATED",
  entityType: "Claim",
  entityId: "00000000-0000-0000-0000-000000000001",
  claimId: "00000000-0000-0000-0000-000000000001",
  relatedClaimId: null,
  apiKeyId: "00000000-0000-0000-0000-0000000000aa",
  actorLabel: "Alice's laptop (ct_0123abcd)",
  requestId: "req-42",
  before: null,
  after: { text: "A claim" },
  apiKeyRole: "EDITOR",
  ...overrides,
});

describe("seesChangeAuthors", () => {
  test("only principals that may manage keys see who exactly made a change", () => {
    expect(seesChangeAuthors(ANONYMOUS)).toBe(false);
    expect(seesChangeAuthors(key("VIEWER", ["BULK_EXPORT"]))).toBe(false);
    expect(seesChangeAuthors(key("ADMIN", ["WRITE_CLAIMS"]))).toBe(false);
    expect(seesChangeAuthors(key("ADMIN", ["MANAGE_KEYS"]))).toBe(true);
    expect(seesChangeAuthors(systemPrincipal("cli"))).toBe(true);
  });
});

describe("eventForReader", () => {
  test("in full: the stored event, without the role it was read with", () => {
    const full = eventForReader(event({}), true);
    expect(full).not.toHaveProperty("apiKeyRole");
    expect(full).toMatchObject({
      actorLabel: "Alice's laptop (ct_0123abcd)",
      apiKeyId: "00000000-0000-0000-0000-0000000000aa",
      requestId: "req-42",
    });
  });

  test("otherwise: the author's kind and role only, no key ID, no request ID", () => {
    expect(eventForReader(event({}), false)).toMatchObject({
      actorLabel: "api-key (EDITOR)",
      apiKeyId: null,
      requestId: null,
      after: { text: "A claim" },
    });
    expect(eventForReader(event({ apiKeyRole: null }), false).actorLabel).toBe("api-key");
    expect(eventForReader(event({ apiKeyId: null, apiKeyRole: null, actorLabel: "seed" }), false).actorLabel).toBe(
      "system",
    );
  });
});
