// Input shapes for sources.
import { z } from "zod";
import { SourceKind } from "../../generated/prisma/enums";
import { globalId, httpUrl, languageTag, optionalDate, optionalName, optionalText } from "../../shared/validation";
import { actorRefSchema } from "../actor/actor.schema";

const sourceFields = {
  title: optionalName(500),
  kind: z.enum(SourceKind).nullish(),
  publisher: actorRefSchema.nullish(),
  publishedAt: optionalDate,
  retrievedAt: optionalDate,
  contentHash: optionalText(200),
  archiveUrl: httpUrl.nullish(),
  language: languageTag.nullish(),
};

/** A source by ID, by URL, or (no URL) by title and publisher. */
export const sourceRefSchema = z
  .object({ id: globalId("Source").nullish(), url: httpUrl.nullish(), ...sourceFields })
  .superRefine((ref, ctx) => {
    if (ref.id && (ref.url || ref.title)) {
      ctx.addIssue({ code: "custom", path: ["id"], message: "give `id` alone, or `url`/`title` without `id`" });
    } else if (!ref.id && !ref.url && !(ref.title && ref.publisher)) {
      ctx.addIssue({
        code: "custom",
        path: ["url"],
        message: "give `id`, `url`, or `title` with `publisher` for a document with no URL",
        params: { code: "REQUIRED" },
      });
    }
  });
export type SourceRef = z.output<typeof sourceRefSchema>;

export const updateSourceSchema = z.object({ id: globalId("Source"), ...sourceFields });

export const sourceFilterSchema = z
  .object({ publisherId: globalId("Actor").nullish(), kind: z.enum(SourceKind).nullish() })
  .nullish();
