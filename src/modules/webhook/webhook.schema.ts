// Input validation for webhook endpoint mutations and the delivery log's arguments.
import { z } from "zod";
import { globalId, optionalText } from "../../shared/validation";

export const WEBHOOK_EVENT_TYPES = [
  "CLAIM_CREATED",
  "CLAIM_UPDATED",
  "STATEMENT_RECORDED",
  "VERDICT_PUBLISHED",
] as const;
export const WEBHOOK_DELIVERY_STATUSES = ["PENDING", "SUCCEEDED", "FAILED"] as const;

/**
 * An absolute http(s) URL. Unlike a source's URL (httpUrl), any host passes here, IPv6
 * literals and dotless names included: whether a webhook may go there is the target
 * guard's call (target-guard.ts), which says why when it may not. Credentials are allowed
 * (receivers use them for Basic auth), and only admins see these URLs.
 */
const webhookUrl = z
  .string()
  .trim()
  .max(2048, { error: "must be at most 2048 characters", abort: true })
  .refine(
    (value) => {
      // Control characters and lone surrogates cannot be stored as they were sent.
      if (/\p{Cc}|\p{Cs}/u.test(value) || !URL.canParse(value)) return false;
      const url = new URL(value);
      return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
    },
    { error: "must be an absolute http(s) URL" },
  );

/** At least one event; duplicates collapse to one. */
const eventTypes = z
  .array(z.enum(WEBHOOK_EVENT_TYPES))
  .min(1, { error: "must name at least one event type" })
  .transform((types) => [...new Set(types)]);

export const createWebhookEndpointSchema = z.object({
  url: webhookUrl,
  description: optionalText(500),
  eventTypes,
});

export const updateWebhookEndpointSchema = z.object({
  id: globalId("WebhookEndpoint"),
  url: webhookUrl.nullish(),
  /** Left out: unchanged; null or blank: cleared. */
  description: z
    .string()
    .max(500, { error: "must be at most 500 characters" })
    .nullish()
    .transform((value) => (value === undefined ? undefined : value?.trim() || null)),
  eventTypes: eventTypes.nullish(),
  active: z.boolean().nullish(),
});

export const deleteWebhookEndpointSchema = z.object({ id: globalId("WebhookEndpoint") });

export const deliveriesFilterSchema = z.object({
  endpointId: globalId("WebhookEndpoint").nullish(),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES).nullish(),
});
