// Relay global IDs: "Type:uuid" in unpadded base64url, one encoding for every ID the API
// issues (cursors use it too): no `=` at the end of some IDs and not others, and no `/` or
// `+`, so an ID is safe in a URL path as it is (GET /claims/:id/claim-review). IDs issued
// before, in padded standard base64, still decode. The database keeps plain UUIDs.

export type NodeType = "Claim" | "Actor" | "Source" | "Statement" | "Evidence" | "Verdict" | "ClaimRelation";

export const NODE_TYPES: readonly NodeType[] = [
  "Claim",
  "Actor",
  "Source",
  "Statement",
  "Evidence",
  "Verdict",
  "ClaimRelation",
];

/** Types with global IDs that are not Nodes (admin objects): decodable by type, not by `node`. */
export type EntityType = NodeType | "ApiKey" | "WebhookEndpoint" | "WebhookDelivery";

const ENTITY_TYPES: ReadonlySet<string> = new Set<EntityType>([
  ...NODE_TYPES,
  "ApiKey",
  "WebhookEndpoint",
  "WebhookDelivery",
]);

export function isEntityType(type: string): type is EntityType {
  return ENTITY_TYPES.has(type);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

/** The global ID of any typed object (AuditEvent IDs are numbers, not UUIDs). */
export function globalIdOf(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`, "utf8").toString("base64url");
}

export function encodeId(type: EntityType, id: string): string {
  return globalIdOf(type, id);
}

const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/** "Type" and "id" of a global ID in base64url or standard base64, padded or not. */
function fromGlobalId(globalId: string): { type: string; id: string } {
  if (!BASE64.test(globalId)) return { type: "", id: "" };
  const text = Buffer.from(globalId, "base64").toString("utf8");
  const colon = text.indexOf(":");
  return colon < 0 ? { type: "", id: "" } : { type: text.slice(0, colon), id: text.slice(colon + 1) };
}

/** Splits a global ID; null when it is not one of ours. */
export function decodeId(globalId: string): { type: NodeType; id: string } | null {
  const decoded = fromGlobalId(globalId);
  const type = NODE_TYPES.find((candidate) => candidate === decoded.type);
  if (!type || !UUID.test(decoded.id)) return null;
  return { type, id: decoded.id.toLowerCase() };
}

/** The UUID inside a global ID of the expected type; null otherwise. */
export function decodeIdOfType(globalId: string, type: EntityType): string | null {
  const decoded = fromGlobalId(globalId);
  return decoded.type === type && UUID.test(decoded.id) ? decoded.id.toLowerCase() : null;
}
