// Input shapes for evidence items.
import { z } from "zod";
import { EvidenceDirection, EvidenceKind } from "../../generated/prisma/enums";
import { globalId, optionalDate, optionalText, requiredText } from "../../shared/validation";
import { actorRefSchema } from "../actor/actor.schema";
import { viaSchema } from "../attribution/attribution.schema";
import { sourceRefSchema } from "../source/source.schema";

export const addEvidenceSchema = z
  .object({
    claimId: globalId("Claim"),
    direction: z.enum(EvidenceDirection),
    kind: z.enum(EvidenceKind).nullish(),
    summary: requiredText(5000),
    excerpt: optionalText(5000),
    source: sourceRefSchema,
    actor: actorRefSchema.nullish(),
    observedAt: optionalDate,
    via: viaSchema.nullish(),
  })
  .refine((input) => !input.via?.length || input.actor, {
    error: "relay hops need the `actor` they start from",
    path: ["actor"],
    params: { code: "REQUIRED" },
  });

export const evidenceListSchema = z.object({
  direction: z.enum(EvidenceDirection).nullish(),
  includeRetracted: z.boolean().nullish(),
});
