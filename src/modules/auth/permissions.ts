// Roles, the permissions they grant, and who is asking (the principal of a request).
import type { Permission, Role } from "../../generated/prisma/client";
import { AuthenticationError, ForbiddenError } from "../../shared/errors";

export type { Permission, Role };

export const ROLES: readonly Role[] = ["VIEWER", "EDITOR", "FACT_CHECKER", "ADMIN"];

/** Each role includes everything the roles before it grant. Reading needs no permission. */
const GRANTED_BY_ROLE: Record<Role, readonly Permission[]> = {
  VIEWER: ["BULK_EXPORT"],
  EDITOR: ["BULK_EXPORT", "WRITE_CLAIMS", "BULK_IMPORT"],
  FACT_CHECKER: ["BULK_EXPORT", "WRITE_CLAIMS", "BULK_IMPORT", "PUBLISH_VERDICTS"],
  ADMIN: [
    "BULK_EXPORT",
    "WRITE_CLAIMS",
    "BULK_IMPORT",
    "PUBLISH_VERDICTS",
    "MERGE_CLAIMS",
    "DELETE",
    "MANAGE_KEYS",
    "MANAGE_WEBHOOKS",
  ],
};

export function permissionsOfRole(role: Role): readonly Permission[] {
  return GRANTED_BY_ROLE[role];
}

/** What a key may do: its role's permissions, narrowed to its scopes when it has any. */
export function effectivePermissions(role: Role, scopes: readonly Permission[]): Permission[] {
  const granted = GRANTED_BY_ROLE[role];
  return scopes.length === 0 ? [...granted] : granted.filter((permission) => scopes.includes(permission));
}

/** Who a request acts for: nobody, an API key, or the system (CLI, seed loader). */
export type Principal =
  | { kind: "anonymous" }
  | {
      kind: "key";
      keyId: string;
      name: string;
      prefix: string;
      role: Role;
      permissions: readonly Permission[];
    }
  | { kind: "system"; label: string };

export const ANONYMOUS: Principal = { kind: "anonymous" };

/** The CLI and the seed loader act as the system: every permission, labelled in the audit log. */
export function systemPrincipal(label: string): Principal {
  return { kind: "system", label };
}

export function hasPermission(principal: Principal, permission: Permission): boolean {
  switch (principal.kind) {
    case "anonymous":
      return false;
    case "system":
      return true;
    case "key":
      return principal.permissions.includes(permission);
    default: {
      const exhaustive: never = principal;
      return exhaustive;
    }
  }
}

/** Throws UNAUTHENTICATED (no key) or FORBIDDEN (a key without the permission). */
export function requirePermission(principal: Principal, permission: Permission): void {
  if (hasPermission(principal, permission)) return;
  if (principal.kind === "anonymous") {
    throw new AuthenticationError(
      `This operation needs an API key with the ${permission} permission: send "Authorization: Bearer <key>".`,
    );
  }
  throw new ForbiddenError(
    permission,
    `This API key (role ${principal.kind === "key" ? principal.role : "?"}) lacks the ${permission} permission.`,
  );
}

/** How the principal is named in the audit log. */
export function principalLabel(principal: Principal): string {
  switch (principal.kind) {
    case "anonymous":
      return "anonymous";
    case "system":
      return principal.label;
    case "key":
      return `${principal.name} (${principal.prefix})`;
    default: {
      const exhaustive: never = principal;
      return exhaustive;
    }
  }
}

export function principalKeyId(principal: Principal): string | null {
  return principal.kind === "key" ? principal.keyId : null;
}
