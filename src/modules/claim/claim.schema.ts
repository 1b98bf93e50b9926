// Input shapes for claims.
import { z } from "zod";
import { globalId, languageTag, requiredText } from "../../shared/validation";

export const CLAIM_TEXT_MAX = 1000;

export const topicSlug = z
  .string()
  .trim()
  .toLowerCase()
  .max(64, { error: "must be at most 64 characters" })
  .regex(/^[\p{L}\p{N}]+(-[\p{L}\p{N}]+)*$/u, { error: "must be a slug such as `north-korea`" });

const topics = z
  .array(topicSlug)
  .max(20, { error: "at most 20 topics" })
  .transform((list) => [...new Set(list)]);

export const createClaimSchema = z.object({
  text: requiredText(CLAIM_TEXT_MAX),
  language: languageTag.nullish(),
  topics: topics.nullish(),
  firstSeenAt: z.date().nullish(),
});

export const updateClaimSchema = z.object({
  id: globalId("Claim"),
  text: requiredText(CLAIM_TEXT_MAX).nullish(),
  language: languageTag.nullish(),
  topics: topics.nullish(),
});

export const claimOrderSchema = z
  .object({
    field: z.enum(["UPDATED_AT", "FIRST_SEEN_AT", "CREATED_AT", "STATEMENT_COUNT", "DISPUTE"]),
    direction: z.enum(["ASC", "DESC"]).default("DESC"),
  })
  .nullish();
