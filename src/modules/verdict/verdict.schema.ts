// Input shape for verdicts (the fields schema.org ClaimReview needs).
import { z } from "zod";
import { globalId, httpUrl, languageTag, optionalText, requiredText } from "../../shared/validation";
import { actorRefSchema } from "../actor/actor.schema";

const rating = z.number().int().min(-1000).max(1000);

export const addVerdictSchema = z
  .object({
    claimId: globalId("Claim"),
    reviewer: actorRefSchema,
    rating: requiredText(200),
    ratingValue: rating.nullish(),
    bestRating: rating.nullish(),
    worstRating: rating.nullish(),
    conclusion: z.enum(["SUPPORTED", "REFUTED", "MIXED"]).nullish(),
    reviewedAt: z.date(),
    url: httpUrl.nullish(),
    explanation: optionalText(10_000),
    language: languageTag.nullish(),
  })
  .superRefine((input, ctx) => {
    const { ratingValue, bestRating, worstRating } = input;
    const numeric = [ratingValue, bestRating, worstRating].filter((value) => value !== null && value !== undefined);
    if (numeric.length > 0 && numeric.length < 3) {
      ctx.addIssue({
        code: "custom",
        path: ["ratingValue"],
        message: "give ratingValue, bestRating and worstRating together",
        params: { code: "REQUIRED" },
      });
      return;
    }
    if (
      numeric.length === 3 &&
      typeof ratingValue === "number" &&
      typeof bestRating === "number" &&
      typeof worstRating === "number"
    ) {
      if (bestRating === worstRating) {
        ctx.addIssue({ code: "custom", path: ["bestRating"], message: "must differ from worstRating" });
      } else if (ratingValue < Math.min(bestRating, worstRating) || ratingValue > Math.max(bestRating, worstRating)) {
        ctx.addIssue({ code: "custom", path: ["ratingValue"], message: "must lie between worstRating and bestRating" });
      }
    }
    if (!input.conclusion && numeric.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["conclusion"],
        message: "give a conclusion, or a numeric rating to read it from",
        params: { code: "REQUIRED" },
      });
    }
  });
