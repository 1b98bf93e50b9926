// Relay global IDs: base64("Type:uuid"). The database keeps plain UUIDs.
import { fromGlobalId, toGlobalId } from "graphql-relay";

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

export function encodeId(type: EntityType, id: string): string {
  return toGlobalId(type, id);
}

/** Splits a global ID; null when it is not one of ours. */
export function decodeId(globalId: string): { type: NodeType; id: string } | null {
  let decoded: { type: string; id: string };
  try {
    decoded = fromGlobalId(globalId);
  } catch {
    return null;
  }
  const type = NODE_TYPES.find((candidate) => candidate === decoded.type);
  if (!type || !UUID.test(decoded.id)) return null;
  return { type, id: decoded.id.toLowerCase() };
}

/** The UUID inside a global ID of the expected type; null otherwise. */
export function decodeIdOfType(globalId: string, type: EntityType): string | null {
  let decoded: { type: string; id: string };
  try {
    decoded = fromGlobalId(globalId);
  } catch {
    return null;
  }
  return decoded.type === type && UUID.test(decoded.id) ? decoded.id.toLowerCase() : null;
}
