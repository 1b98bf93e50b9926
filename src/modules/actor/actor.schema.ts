// Input shapes for actors: validated with zod before any write.
import { z } from "zod";
import { ActorKind } from "../../generated/prisma/enums";
import { globalId, optionalName, optionalText, requiredName } from "../../shared/validation";

export const actorName = requiredName(200);
const aliases = z.array(actorName).max(20, { error: "at most 20 aliases" });

/** An actor by ID, or by name (found among names and aliases, else created). */
export const actorRefSchema = z
  .object({
    id: globalId("Actor").nullish(),
    name: actorName.nullish(),
    kind: z.enum(ActorKind).nullish(),
    description: optionalText(500),
    affiliation: optionalText(300),
    aliases: aliases.nullish(),
  })
  .refine((ref) => Boolean(ref.id) !== Boolean(ref.name), {
    error: "give either `id` or `name`",
    path: ["name"],
    params: { code: "REQUIRED" },
  });
export type ActorRef = z.output<typeof actorRefSchema>;

export const createActorSchema = z.object({
  name: actorName,
  kind: z.enum(ActorKind),
  description: optionalText(500),
  affiliation: optionalText(300),
  aliases: aliases.nullish(),
});

export const updateActorSchema = z.object({
  id: globalId("Actor"),
  name: actorName.nullish(),
  kind: z.enum(ActorKind).nullish(),
  description: optionalText(500).optional(),
  affiliation: optionalText(300).optional(),
  addAliases: aliases.nullish(),
  removeAliases: aliases.nullish(),
});

export const actorFilterSchema = z
  .object({ kind: z.enum(ActorKind).nullish(), nameContains: optionalName(200) })
  .nullish();
