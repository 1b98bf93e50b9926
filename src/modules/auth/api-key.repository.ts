// API keys in the database.
import type { ApiKey, Permission, Role } from "../../generated/prisma/client";
import type { Db } from "../../db/prisma";

export function findKeyByHash(db: Db, hash: string): Promise<ApiKey[]> {
  // Hot path (every authenticated request): raw SQL, no query compilation.
  return db.$queryRaw<ApiKey[]>`
    SELECT id, name, prefix, secret_hash AS "secretHash", role, scopes::text[] AS scopes, expires_at AS "expiresAt",
           revoked_at AS "revokedAt", last_used_at AS "lastUsedAt", created_by_id AS "createdById",
           created_at AS "createdAt"
    FROM api_keys WHERE secret_hash = ${hash}`;
}

/**
 * Notes that the key was used, unless another process did so less than `resolutionMs` ago
 * (each process keeps its own clock of when it last touched a key, see authenticate).
 */
export async function touchLastUsed(db: Db, id: string, resolutionMs: number): Promise<void> {
  await db.$executeRaw`
    UPDATE api_keys SET last_used_at = now()
    WHERE id = ${id}::uuid
      AND (last_used_at IS NULL OR last_used_at < now() - make_interval(secs => ${resolutionMs / 1000}))`;
}

export function insertKey(
  db: Db,
  data: {
    name: string;
    prefix: string;
    secretHash: string;
    role: Role;
    scopes: Permission[];
    expiresAt: Date | null;
    createdById: string | null;
  },
): Promise<ApiKey> {
  return db.apiKey.create({ data });
}

export function findKeys(db: Db, options: { includeRevoked: boolean }): Promise<ApiKey[]> {
  return db.apiKey.findMany({
    where: options.includeRevoked ? {} : { revokedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

export function findKeyForUpdate(db: Db, id: string): Promise<ApiKey[]> {
  return db.$queryRaw<ApiKey[]>`
    SELECT id, name, prefix, secret_hash AS "secretHash", role, scopes::text[] AS scopes, expires_at AS "expiresAt",
           revoked_at AS "revokedAt", last_used_at AS "lastUsedAt", created_by_id AS "createdById",
           created_at AS "createdAt"
    FROM api_keys WHERE id = ${id}::uuid FOR UPDATE`;
}

export function markRevoked(db: Db, id: string): Promise<ApiKey> {
  return db.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
}

export function findKeyById(db: Db, id: string): Promise<ApiKey | null> {
  return db.apiKey.findUnique({ where: { id } });
}
