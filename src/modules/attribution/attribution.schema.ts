// Input shape of one relay hop between a speaker and the recording source.
import { z } from "zod";
import { HopRelation } from "../../generated/prisma/enums";
import { optionalText } from "../../shared/validation";
import { actorRefSchema } from "../actor/actor.schema";
import { sourceRefSchema } from "../source/source.schema";

export const hopInputSchema = z.object({
  relation: z.enum(HopRelation).refine((relation) => relation !== "SPOKE", {
    error: "SPOKE is the speaker's own hop; relays use another relation",
  }),
  actor: actorRefSchema,
  source: sourceRefSchema.nullish(),
  note: optionalText(500),
});

export const viaSchema = z.array(hopInputSchema).max(10, { error: "at most 10 relay hops" });
export type HopInput = z.output<typeof hopInputSchema>;
