// Input validation for webhook endpoint mutations and the delivery log's arguments.
import { z } from "zod";
import { globalId, httpUrl, optionalText } from "../../shared/validation";

export const WEBHOOK_EVENT_TYPES = [
  "CLAIM_CREATED",
  "CLAIM_UPDATED",
  "STATEMENT_RECORDED",
  "VERDICT_PUBLISHED",
] as const;
export const WEBHOOK_DELIVERY_STATUSES = ["PENDING", "SUCCEEDED", "FAILED"] as const;

/** At least one event; duplicates collapse to one. */
const eventTypes = z
  .array(z.enum(WEBHOOK_EVENT_TYPES))
  .min(1, { error: "must name at least one event type" })
  .transform((types) => [...new Set(types)]);

export const createWebhookEndpointSchema = z.object({
  url: httpUrl,
  description: optionalText(500),
  eventTypes,
});

export const updateWebhookEndpointSchema = z.object({
  id: globalId("WebhookEndpoint"),
  url: httpUrl.nullish(),
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
