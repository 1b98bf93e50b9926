// Input shapes for statements.
import { z } from "zod";
import { Stance } from "../../generated/prisma/enums";
import { globalId, languageTag, optionalDate, optionalText, requiredText } from "../../shared/validation";
import { actorRefSchema } from "../actor/actor.schema";
import { viaSchema } from "../attribution/attribution.schema";
import { sourceRefSchema } from "../source/source.schema";

export const QUOTE_MAX = 5000;

export const recordStatementSchema = z.object({
  claimId: globalId("Claim"),
  stance: z.enum(Stance),
  actor: actorRefSchema,
  source: sourceRefSchema,
  quote: optionalText(QUOTE_MAX),
  paraphrase: optionalText(QUOTE_MAX),
  language: languageTag.nullish(),
  statedAt: optionalDate,
  via: viaSchema.nullish(),
});

export const retractSchema = (type: "Statement" | "Evidence" | "Verdict") =>
  z.object({ id: globalId(type), reason: requiredText(1000) });

export const statementListSchema = z.object({
  stance: z.enum(Stance).nullish(),
  includeRetracted: z.boolean().nullish(),
});
