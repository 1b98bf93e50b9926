// API keys: authenticating a request's bearer key, and creating, listing and revoking keys.
import type { ApiKey } from "../../generated/prisma/client";
import type { PrismaClient } from "../../db/prisma";
import { AuthenticationError, ForbiddenError, UserInputError } from "../../shared/errors";
import type { ServiceDeps } from "../../shared/service-deps";
import { inTransaction } from "../../shared/transaction";
import { parseInput } from "../../shared/validation";
import type { ApiKeyCache } from "./api-key-cache";
import { bearerToken, generateKeySecret, hashKey, looksLikeKey } from "./api-key-secret";
import * as repo from "./api-key.repository";
import { createApiKeySchema, revokeApiKeySchema } from "./api-key.schema";
import {
  ANONYMOUS,
  effectivePermissions,
  permissionsOfRole,
  principalKeyId,
  requirePermission,
  type Principal,
} from "./permissions";

/** last_used_at is written at most this often per key and process (it is informative, not exact). */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The principal for an `Authorization` header: anonymous without one; a key's principal
 * for a valid key; UNAUTHENTICATED for a malformed, unknown, revoked or expired key
 * (a bad key is refused outright rather than treated as anonymous). With a `cache`, the
 * key's row usually comes from this process's memory (see api-key-cache.ts); revocation
 * and expiry are still checked on every use.
 */
export async function authenticate(
  prisma: PrismaClient,
  header: string | undefined,
  cache: ApiKeyCache | null = null,
): Promise<Principal> {
  const token = bearerToken(header);
  if (token === null) return ANONYMOUS;
  if (typeof token !== "string") {
    throw new AuthenticationError('The Authorization header must be "Bearer <API key>".');
  }
  if (!looksLikeKey(token)) throw new AuthenticationError("The API key is malformed.");
  const hash = hashKey(token);
  const load = async () => (await repo.findKeyByHash(prisma, hash))[0] ?? null;
  const key = cache ? await cache.lookup(hash, load) : await load();
  if (!key) throw new AuthenticationError("The API key is not known.");
  if (key.revokedAt) throw new AuthenticationError("The API key has been revoked.");
  const now = Date.now();
  if (key.expiresAt && key.expiresAt.getTime() <= now) throw new AuthenticationError("The API key has expired.");
  if (!key.lastUsedAt || now - key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    // Noted on the (possibly cached) row, so this process touches the key once a minute. The
    // UPDATE changes nothing but last_used_at, which the api_keys trigger does not announce.
    key.lastUsedAt = new Date(now);
    await repo.touchLastUsed(prisma, key.id, LAST_USED_RESOLUTION_MS);
  }
  return {
    kind: "key",
    keyId: key.id,
    name: key.name,
    prefix: key.prefix,
    role: key.role,
    permissions: effectivePermissions(key.role, key.scopes),
  };
}

export class ApiKeyService {
  constructor(private readonly deps: ServiceDeps) {}

  get principal(): Principal {
    return this.deps.principal;
  }

  /** The caller's own key (anyone may see their own key's metadata). */
  async keyOfPrincipal(keyId: string): Promise<ApiKey | null> {
    return repo.findKeyById(this.deps.prisma, keyId);
  }

  async listKeys(args: { includeRevoked?: boolean | null }): Promise<ApiKey[]> {
    requirePermission(this.deps.principal, "MANAGE_KEYS");
    return repo.findKeys(this.deps.prisma, { includeRevoked: args.includeRevoked ?? false });
  }

  /** Creates a key; the clear key is in the result and nowhere else, ever. */
  async createKey(input: unknown): Promise<{ apiKey: ApiKey; secret: string }> {
    requirePermission(this.deps.principal, "MANAGE_KEYS");
    const data = parseInput(createApiKeySchema, input);
    const scopes = data.scopes ?? [];
    const granted = permissionsOfRole(data.role);
    const beyond = scopes.filter((scope) => !granted.includes(scope));
    if (beyond.length > 0) {
      throw UserInputError.single(
        "input.scopes",
        `The role ${data.role} does not grant ${beyond.join(", ")}; scopes can only narrow a role.`,
        "INVALID",
      );
    }
    // A key cannot mint a key that may do more than itself (a key scoped to MANAGE_KEYS
    // would otherwise make an unscoped ADMIN key and undo its own narrowing).
    const principal = this.deps.principal;
    if (principal.kind === "key") {
      const lacking = effectivePermissions(data.role, scopes).filter((p) => !principal.permissions.includes(p));
      const [first] = lacking;
      if (first) {
        throw new ForbiddenError(
          first,
          `This API key cannot create a key with permissions it lacks (${lacking.join(", ")}); narrow it with scopes.`,
        );
      }
    }
    if (data.expiresAt && data.expiresAt.getTime() <= Date.now()) {
      throw UserInputError.single("input.expiresAt", "expiresAt must be in the future.", "INVALID");
    }
    const secret = generateKeySecret();
    return inTransaction(this.deps.prisma, async (tx) => {
      const apiKey = await repo.insertKey(tx, {
        name: data.name,
        prefix: secret.prefix,
        secretHash: secret.hash,
        role: data.role,
        scopes: [...new Set(scopes)],
        expiresAt: data.expiresAt ?? null,
        createdById: principalKeyId(this.deps.principal),
      });
      await this.deps.changes.record(tx, {
        action: "CREATED",
        entityType: "ApiKey",
        entityId: apiKey.id,
        after: apiKey,
      });
      return { apiKey, secret: secret.key };
    });
  }

  async revokeKey(input: unknown): Promise<{ apiKey: ApiKey }> {
    requirePermission(this.deps.principal, "MANAGE_KEYS");
    const data = parseInput(revokeApiKeySchema, input);
    const revoked = await inTransaction(this.deps.prisma, async (tx) => {
      const [current] = await repo.findKeyForUpdate(tx, data.id);
      if (!current) throw UserInputError.single("input.id", "No API key has this ID.", "NOT_FOUND");
      if (current.revokedAt) throw UserInputError.single("input.id", "The API key is already revoked.", "CONFLICT");
      const apiKey = await repo.markRevoked(tx, current.id);
      await this.deps.changes.record(tx, {
        action: "UPDATED",
        entityType: "ApiKey",
        entityId: apiKey.id,
        before: current,
        after: apiKey,
      });
      return { apiKey };
    });
    // Committed: this process stops honouring the key now, not when its own NOTIFY comes back.
    this.deps.apiKeyCache?.evict(revoked.apiKey.secretHash);
    return revoked;
  }
}
