// The attribution chain's rule on resolved parts: speaker first, relays in the given order,
// then the recording source's publisher unless the last relay already is it; the last hop
// carries the recording source. Bulk import builds its chains with it; the services' writes
// use claimtrail_chain_hops, the same rule in SQL (tests/write-functions.test.ts compares them).
import type { NewHop } from "./attribution.repository";
import type { HopInput } from "./attribution.schema";

/** A relay hop whose actor and source are resolved. */
export interface ResolvedRelay {
  relation: HopInput["relation"];
  actor: { id: string };
  source: { id: string } | null;
  note: string | null;
}

/** The chain of `speaker` through `relays` to `source`. */
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
