// An actor reference as the SQL functions that resolve it take it (claimtrail_resolve_actor):
// by ID, or the input's fields with the matching keys of the name and aliases (nameKey),
// which are computed here, in TypeScript, as everywhere else.
import { nameKey } from "../../shared/name-key";
import type { ActorRef } from "./actor.schema";

export type ActorRefJson =
  | { id: string }
  | {
      name: string;
      nameKey: string;
      kind: string | null;
      description: string | null;
      affiliation: string | null;
      aliases: AliasJson[];
    };

export interface AliasJson {
  alias: string;
  aliasKey: string;
}

export function actorRefJson(ref: ActorRef): ActorRefJson {
  if (ref.id) return { id: ref.id };
  const name = ref.name ?? "";
  return {
    name,
    nameKey: nameKey(name),
    kind: ref.kind ?? null,
    description: ref.description ?? null,
    affiliation: ref.affiliation ?? null,
    aliases: aliasesJson(ref.aliases ?? []),
  };
}

export function aliasesJson(aliases: readonly string[]): AliasJson[] {
  return aliases.map((alias) => ({ alias, aliasKey: nameKey(alias) }));
}
