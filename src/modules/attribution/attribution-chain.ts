// Builds an attribution chain from a write's input: speaker first, relays in the given
// order, then the recording source's publisher unless the last relay already is it.
// The last hop carries the recording source.
import type { Actor, Source } from "../../generated/prisma/client";
import type { Tx } from "../../shared/transaction";
import type { ActorService } from "../actor/actor.service";
import type { SourceService } from "../source/source.service";
import type { NewHop } from "./attribution.repository";
import type { HopInput } from "./attribution.schema";

export interface ChainParts {
  speaker: Actor;
  via: HopInput[];
  source: Source;
  /** Input path of `via`, for error messages. */
  field: string;
}

export async function buildAttributionChain(
  tx: Tx,
  { speaker, via, source, field }: ChainParts,
  actors: ActorService,
  sources: SourceService,
): Promise<NewHop[]> {
  const relays: ResolvedRelay[] = [];
  for (const [index, hop] of via.entries()) {
    const actor = await actors.resolveRef(tx, hop.actor, `${field}.${index}.actor`);
    const hopSource = hop.source ? await sources.resolveRef(tx, hop.source, `${field}.${index}.source`) : null;
    relays.push({ relation: hop.relation, actor, source: hopSource, note: hop.note ?? null });
  }
  return chainHops(speaker, relays, source);
}

/** A relay hop whose actor and source are resolved. */
export interface ResolvedRelay {
  relation: HopInput["relation"];
  actor: { id: string };
  source: { id: string } | null;
  note: string | null;
}

/** The chain's rule on resolved parts (buildAttributionChain, and bulk import for a batch of chains). */
export function chainHops(
  speaker: { id: string },
  relays: readonly ResolvedRelay[],
  source: { id: string; publisherId: string | null },
): NewHop[] {
  const hops: NewHop[] = [{ position: 0, relation: "SPOKE", actorId: speaker.id, sourceId: null, note: null }];
  for (const relay of relays) {
    hops.push({
      position: hops.length,
      relation: relay.relation,
      actorId: relay.actor.id,
      sourceId: relay.source?.id ?? null,
      note: relay.note,
    });
  }
  const last = hops[hops.length - 1];
  const publisherId = source.publisherId;
  if (last && (publisherId === null || last.actorId === publisherId)) {
    last.sourceId = source.id;
  } else if (publisherId !== null) {
    hops.push({
      position: hops.length,
      relation: "REPORTED_BY",
      actorId: publisherId,
      sourceId: source.id,
      note: null,
    });
  }
  return hops;
}
