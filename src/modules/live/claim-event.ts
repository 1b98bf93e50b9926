// Claim events as the live stream carries them: an audit row that bears on a claim, its type
// (from the row's action and entity), its position in the stream (the writing transaction's
// ID, then the row's ID) and the opaque cursor that position is on the wire.
import { BadQueryArgumentError } from "../../shared/errors";
import type { AuditAction } from "../../generated/prisma/client";

export type ClaimEventType =
  | "CLAIM_CREATED"
  | "CLAIM_UPDATED"
  | "STATEMENT_RECORDED"
  | "STATEMENT_RETRACTED"
  | "EVIDENCE_ADDED"
  | "EVIDENCE_RETRACTED"
  | "VERDICT_PUBLISHED"
  | "VERDICT_RETRACTED"
  | "CLAIMS_MERGED"
  | "CLAIMS_LINKED"
  | "CLAIMS_UNLINKED";

/** The event type of each (entity type, action) an audit row may carry; other rows are not claim events. */
const EVENT_TYPES: Readonly<Record<string, Partial<Record<AuditAction, ClaimEventType>>>> = {
  Claim: { CREATED: "CLAIM_CREATED", UPDATED: "CLAIM_UPDATED", MERGED: "CLAIMS_MERGED" },
  Statement: { CREATED: "STATEMENT_RECORDED", RETRACTED: "STATEMENT_RETRACTED" },
  Evidence: { CREATED: "EVIDENCE_ADDED", RETRACTED: "EVIDENCE_RETRACTED" },
  Verdict: { CREATED: "VERDICT_PUBLISHED", RETRACTED: "VERDICT_RETRACTED" },
  ClaimRelation: { CREATED: "CLAIMS_LINKED", DELETED: "CLAIMS_UNLINKED" },
};

export function claimEventType(entityType: string, action: AuditAction): ClaimEventType | null {
  return EVENT_TYPES[entityType]?.[action] ?? null;
}

/**
 * Where an event stands in the stream: events are ordered by their transaction's ID, then by
 * their own ID (see migration 20261130190000_live_claim_events for why not by ID alone).
 */
export interface EventPosition {
  tx: bigint;
  id: bigint;
}

export function comparePositions(a: EventPosition, b: EventPosition): number {
  if (a.tx !== b.tx) return a.tx < b.tx ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}

export function encodeCursor(position: EventPosition): string {
  return Buffer.from(`ev:${position.tx}:${position.id}`, "utf8").toString("base64url");
}

/** A cursor's position; a string that is not a claim event cursor is a BAD_USER_INPUT on `after`. */
export function decodeCursor(cursor: string): EventPosition {
  const match = /^ev:(\d{1,20}):(\d{1,19})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!match?.[1] || !match[2]) {
    throw new BadQueryArgumentError("after", "`after` is not a claim event cursor (`ClaimEvent.cursor`).");
  }
  return { tx: BigInt(match[1]), id: BigInt(match[2]) };
}

/** One claim event, as read from the audit log (IDs are plain UUIDs). */
export interface ClaimEventView {
  position: EventPosition;
  cursor: string;
  type: ClaimEventType;
  occurredAt: Date;
  entityId: string;
  /** The claim the change was made on (for a merge: the claim that went). */
  claimId: string;
  /** The other end of a link, or for a merge the claim that stayed. */
  relatedClaimId: string | null;
  /** Actors the change names: the speaker and the relays of a statement or evidence item, a verdict's reviewer. */
  actorIds: readonly string[];
  apiKeyId: string | null;
  /** The role of the key that made the change, for readers who may not see the key's name. */
  apiKeyRole: string | null;
  actorLabel: string;
}

/** The claim an event is about, as `ClaimEvent.claim` shows it: for a merge, the surviving claim. */
export function subjectClaimId(event: ClaimEventView): string {
  return event.type === "CLAIMS_MERGED" && event.relatedClaimId ? event.relatedClaimId : event.claimId;
}
