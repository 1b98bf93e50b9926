// API key format and hashing. A key is `ct_` + 8 hex characters (its public prefix,
// shown in lists) + `_` + 43 base64url characters of secret (256 bits). Only the
// SHA-256 of the whole key is stored: the key is random, so a slow password hash adds nothing.
import { createHash, randomBytes } from "node:crypto";

const KEY_PATTERN = /^ct_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/;

export interface NewKeySecret {
  key: string;
  prefix: string;
  hash: string;
}

export function generateKeySecret(): NewKeySecret {
  const prefix = `ct_${randomBytes(4).toString("hex")}`;
  const key = `${prefix}_${randomBytes(32).toString("base64url")}`;
  return { key, prefix, hash: hashKey(key) };
}

export function hashKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

export function looksLikeKey(value: string): boolean {
  return KEY_PATTERN.test(value);
}

/** The key from an `Authorization: Bearer <key>` header; null when there is no header. */
export function bearerToken(header: string | undefined): string | null | { malformed: true } {
  if (header === undefined || header.trim() === "") return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ? match[1] : { malformed: true };
}
