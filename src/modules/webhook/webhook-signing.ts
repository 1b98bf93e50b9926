// Standard Webhooks secrets and signatures (https://www.standardwebhooks.com): a secret is
// `whsec_` + base64 of random bytes; each delivery is signed with HMAC-SHA256 over
// `id.timestamp.body` by the `standardwebhooks` package, which receivers use to verify.
import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";

/** 32 random bytes (the spec asks for 24 to 64). */
const SECRET_BYTES = 32;

export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(SECRET_BYTES).toString("base64")}`;
}

export interface SignedHeaders {
  "content-type": "application/json";
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
}

/** The headers of one attempt: the id is the delivery's (stable across retries), the timestamp the attempt's. */
export function signedHeaders(secret: string, deliveryId: string, body: string, at: Date): SignedHeaders {
  return {
    "content-type": "application/json",
    "webhook-id": deliveryId,
    "webhook-timestamp": Math.floor(at.getTime() / 1000).toString(),
    "webhook-signature": new Webhook(secret).sign(deliveryId, at, body),
  };
}
