// What a reader of the audit history may see of who made a change. Key names, key
// prefixes, key IDs and request IDs are for those who manage keys (MANAGE_KEYS: they can
// list the keys anyway); everyone else, anonymous readers and keys of any role without
// that permission, sees only the kind of author: `api-key (EDITOR)` or `system`.
import type { AuditEvent } from "../../generated/prisma/client";
import { hasPermission, type Principal } from "../auth/permissions";
import type { AuditEventWithRole } from "./audit.repository";

/** Whether the principal sees who exactly made each change (key name and prefix, key ID, request ID). */
export function seesChangeAuthors(principal: Principal): boolean {
  return hasPermission(principal, "MANAGE_KEYS");
}

/** The event as this reader may see it. */
export function eventForReader(event: AuditEventWithRole, fullDetail: boolean): AuditEvent {
  const { apiKeyRole, ...stored } = event;
  if (fullDetail) return stored;
  return {
    ...stored,
    // A key's name is chosen by people ("Alice's laptop") and its prefix is key material.
    actorLabel: stored.apiKeyId ? (apiKeyRole ? `api-key (${apiKeyRole})` : "api-key") : "system",
    apiKeyId: null,
    // Request IDs tie a change to server logs, which are the operators' business.
    requestId: null,
  };
}
