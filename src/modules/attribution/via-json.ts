// A write's relay hops as the SQL functions that build the chain take them
// (claimtrail_resolve_chain): each hop's references in their JSON forms.
import { actorRefJson, type ActorRefJson } from "../actor/actor-ref-json";
import { sourceRefJson, type SourceRefJson } from "../source/source-ref-json";
import type { HopInput } from "./attribution.schema";

export interface RelayJson {
  relation: HopInput["relation"];
  actor: ActorRefJson;
  source: SourceRefJson | null;
  note: string | null;
}

export function viaJson(via: readonly HopInput[] | null | undefined): RelayJson[] {
  return (via ?? []).map((hop) => ({
    relation: hop.relation,
    actor: actorRefJson(hop.actor),
    source: hop.source ? sourceRefJson(hop.source) : null,
    note: hop.note ?? null,
  }));
}
