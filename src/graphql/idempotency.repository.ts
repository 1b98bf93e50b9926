// Idempotency keys in the database: claiming a key for a request, storing the first
// response, releasing a claim, purging expired records. Raw SQL: each step is one atomic
// statement, and claiming must be (two concurrent requests with one key race here).
import type { Db } from "../db/prisma";

/** How long a record is kept: after that the key may be used afresh. */
export const IDEMPOTENCY_TTL_HOURS = 24;
/** A pending record older than this belongs to a request that died; a retry may take it over. */
export const ABANDONED_AFTER_MINUTES = 5;

/** What is kept of the first response: its HTTP status and its body, serialized. */
export interface StoredResponse {
  status: number;
  /**
   * The body as the JSON text that was sent. Kept as text because jsonb reorders object
   * keys, and a replay must keep the field order of the selection set.
   */
  body: string;
}

export type ClaimResult =
  /** The key is ours: run the operation, then complete or release the claim (by `token`). */
  | { kind: "claimed"; token: Date }
  /** The key is held by another request or was used before. */
  | { kind: "existing"; requestHash: string; response: StoredResponse | null };

interface KeyRef {
  apiKeyId: string;
  key: string;
}

/**
 * Claims `key` for a request with `requestHash`: inserts a pending record, or takes over
 * an expired record or an abandoned pending one for the same request, in one statement
 * (ON CONFLICT DO UPDATE locks the conflicting row, so two racing requests cannot both
 * win). Otherwise returns the record that is there.
 */
export async function claimKey(db: Db, ref: KeyRef & { requestHash: string }): Promise<ClaimResult> {
  // The record can vanish between the two statements (its request failed and released
  // it): then claim again.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const [claimed] = await db.$queryRaw<{ createdAt: Date }[]>`
      INSERT INTO idempotency_keys (api_key_id, key, request_hash)
      VALUES (${ref.apiKeyId}::uuid, ${ref.key}, ${ref.requestHash})
      ON CONFLICT (api_key_id, key) DO UPDATE
        SET request_hash = EXCLUDED.request_hash, response = NULL, completed_at = NULL, created_at = now()
        WHERE idempotency_keys.created_at < now() - make_interval(hours => ${IDEMPOTENCY_TTL_HOURS}::int)
           OR (idempotency_keys.completed_at IS NULL
               AND idempotency_keys.request_hash = EXCLUDED.request_hash
               AND idempotency_keys.created_at < now() - make_interval(mins => ${ABANDONED_AFTER_MINUTES}::int))
      RETURNING created_at AS "createdAt"`;
    if (claimed) return { kind: "claimed", token: claimed.createdAt };
    const [existing] = await db.$queryRaw<{ requestHash: string; response: StoredResponse | null }[]>`
      SELECT request_hash AS "requestHash", response FROM idempotency_keys
      WHERE api_key_id = ${ref.apiKeyId}::uuid AND key = ${ref.key}`;
    if (existing) return { kind: "existing", requestHash: existing.requestHash, response: existing.response };
  }
  throw new Error(`idempotency key ${ref.key} could not be claimed`);
}

/** Stores the response of the request that holds the claim; false if the claim was lost. */
export async function completeKey(db: Db, ref: KeyRef & { token: Date; response: StoredResponse }): Promise<boolean> {
  const updated = await db.$executeRaw`
    UPDATE idempotency_keys SET response = ${JSON.stringify(ref.response)}::jsonb, completed_at = now()
    WHERE api_key_id = ${ref.apiKeyId}::uuid AND key = ${ref.key} AND created_at = ${ref.token}
      AND completed_at IS NULL`;
  return updated > 0;
}

/** Gives the key up (the request failed unexpectedly and wrote nothing we know of). */
export async function releaseKey(db: Db, ref: KeyRef & { token: Date }): Promise<void> {
  await db.$executeRaw`
    DELETE FROM idempotency_keys
    WHERE api_key_id = ${ref.apiKeyId}::uuid AND key = ${ref.key} AND created_at = ${ref.token}
      AND completed_at IS NULL`;
}

/** Deletes the records past their time; returns how many. */
export function purgeExpiredKeys(db: Db): Promise<number> {
  return db.$executeRaw`
    DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => ${IDEMPOTENCY_TTL_HOURS}::int)`;
}
