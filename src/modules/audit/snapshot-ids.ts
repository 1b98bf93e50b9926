// History snapshots (`AuditEvent.before`/`after`) are rows as they were stored, with
// database UUIDs; the API speaks global IDs everywhere else. On the way out, a snapshot's
// `id` and the IDs it refers to become global IDs, so an integrator can pass them to
// `node(id:)` or the mutations as they are. Webhook payloads carry their `after` the same way,
// converted in SQL when the change is recorded (claimtrail_snapshot_global_ids, given
// REFERENCE_TYPES by ChangeLog); tests/write-functions.test.ts holds the two conversions alike.
import { encodeId, isEntityType, isUuid, type EntityType } from "../../shared/global-id";

/** The type a reference field names, by its key (at any depth: chains' hops carry actorId and sourceId too). */
export const REFERENCE_TYPES: Readonly<Record<string, EntityType>> = {
  claimId: "Claim",
  fromClaimId: "Claim",
  toClaimId: "Claim",
  intoClaimId: "Claim",
  mergedClaimId: "Claim",
  relatedClaimId: "Claim",
  actorId: "Actor",
  publisherId: "Actor",
  reviewerId: "Actor",
  sourceId: "Source",
  statementId: "Statement",
  evidenceId: "Evidence",
  createdById: "ApiKey",
  apiKeyId: "ApiKey",
  endpointId: "WebhookEndpoint",
};

/** `snapshot` with its own `id` (an `entityType` row's) and its references as global IDs. */
export function snapshotWithGlobalIds(entityType: string, snapshot: unknown): unknown {
  if (snapshot === null || typeof snapshot !== "object" || Array.isArray(snapshot)) return snapshot;
  const converted = references(snapshot) as Record<string, unknown>;
  const id = converted.id;
  if (isUuid(id) && isEntityType(entityType)) converted.id = encodeId(entityType, id);
  return converted;
}

function references(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(references);
  // Plain objects only (a snapshot parsed from JSON); a Date or the like is a value.
  if (value === null || typeof value !== "object" || Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => {
      const type = REFERENCE_TYPES[key];
      if (type && isUuid(field)) return [key, encodeId(type, field)];
      return [key, references(field)];
    }),
  );
}
