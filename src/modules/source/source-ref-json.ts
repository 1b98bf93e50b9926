// A source reference as the SQL functions that resolve it take it (claimtrail_resolve_source):
// by ID, or the input's fields with the URLs canonical (canonicalUrl) and the title's
// matching key (nameKey), computed here, in TypeScript, as everywhere else.
import { nameKey } from "../../shared/name-key";
import { actorRefJson, type ActorRefJson } from "../actor/actor-ref-json";
import { canonicalUrl } from "./canonical-url";
import type { SourceRef } from "./source.schema";

export type SourceRefJson =
  | { id: string }
  | {
      url: string | null;
      title: string | null;
      titleKey: string;
      kind: string | null;
      language: string | null;
      publisher: ActorRefJson | null;
      publishedAt: Date | null;
      retrievedAt: Date | null;
      contentHash: string | null;
      archiveUrl: string | null;
    };

export function sourceRefJson(ref: SourceRef): SourceRefJson {
  if (ref.id) return { id: ref.id };
  return {
    url: ref.url ? canonicalUrl(ref.url) : null,
    title: ref.title ?? null,
    titleKey: nameKey(ref.title ?? ""),
    kind: ref.kind ?? null,
    language: ref.language ?? null,
    publisher: ref.publisher ? actorRefJson(ref.publisher) : null,
    publishedAt: ref.publishedAt ?? null,
    retrievedAt: ref.retrievedAt ?? null,
    contentHash: ref.contentHash ?? null,
    archiveUrl: ref.archiveUrl ? canonicalUrl(ref.archiveUrl) : null,
  };
}
