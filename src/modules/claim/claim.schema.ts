// Input shapes for claims.
import { z } from "zod";
import { ClaimStatus } from "../../generated/prisma/enums";
import { globalId, languageTag, requiredText } from "../../shared/validation";

export const CLAIM_TEXT_MAX = 1000;

const topic = z
  .string()
  .trim()
  .toLowerCase()
  .max(64, { error: "must be at most 64 characters" })
  .regex(/^[\p{L}\p{N}]+(-[\p{L}\p{N}]+)*$/u, { error: "must be a slug such as `north-korea`" });

const topics = z
  .array(topic)
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

export const claimFilterSchema = z
  .object({
    status: z.array(z.enum(ClaimStatus)).max(5).nullish(),
    topic: topic.nullish(),
    language: languageTag.nullish(),
  })
  .nullish();

export const claimOrderSchema = z
  .object({
    field: z.enum(["UPDATED_AT", "FIRST_SEEN_AT", "CREATED_AT"]),
    direction: z.enum(["ASC", "DESC"]).default("DESC"),
  })
  .nullish();
