// The filter of a claimEvents subscription: parsed once when the client subscribes, then
// checked against every event. What an event carries (type, claims, actors) is checked as
// is; topics and status are the claim's when the event is delivered, read through the
// delivery's loaders (one query for every subscriber of the instance).
import { z } from "zod";
import type { Claim } from "../../generated/prisma/client";
import { ClaimStatus } from "../../generated/prisma/enums";
import type { Loaders } from "../../loaders/loaders";
import { globalId, parseInput } from "../../shared/validation";
import { topicSlug } from "../claim/claim.schema";
import { subjectClaimId, type ClaimEventType, type ClaimEventView } from "./claim-event";

const EVENT_TYPES = [
  "CLAIM_CREATED",
  "CLAIM_UPDATED",
  "STATEMENT_RECORDED",
  "STATEMENT_RETRACTED",
  "EVIDENCE_ADDED",
  "EVIDENCE_RETRACTED",
  "VERDICT_PUBLISHED",
  "VERDICT_RETRACTED",
  "CLAIMS_MERGED",
  "CLAIMS_LINKED",
  "CLAIMS_UNLINKED",
] as const satisfies readonly ClaimEventType[];

const MAX_VALUES = 100;
const list = <T extends z.ZodType>(item: T) => z.array(item).min(1).max(MAX_VALUES).nullish();

const claimEventFilterSchema = z
  .object({
    claimIds: list(globalId("Claim")),
    topics: list(topicSlug),
    statuses: list(z.enum(ClaimStatus)),
    actorIds: list(globalId("Actor")),
    types: list(z.enum(EVENT_TYPES)),
  })
  .nullish();

/** Merges followed at most this far (a claim merged into one that was merged in turn). */
const MAX_MERGE_HOPS = 8;

/** The claim with this ID, or the claim it was merged into (through later merges too); null if none. */
export async function currentClaim(loaders: Loaders, claimId: string): Promise<Claim | null> {
  let id = claimId;
  for (let hop = 0; hop < MAX_MERGE_HOPS; hop += 1) {
    const claim = await loaders.claims.load(id);
    if (claim) return claim;
    const into = await loaders.mergeTargets.load(id);
    if (!into) return null;
    id = into;
  }
  return null;
}

export interface ClaimEventFilter {
  /** Whether the event passes; `loaders` are the delivery's (claims read at most once per delivery). */
  matches(event: ClaimEventView, loaders: Loaders): Promise<boolean>;
}

/** Parses the `filter` argument (BAD_USER_INPUT naming the field at fault), following given claims' merges. */
export async function compileClaimEventFilter(input: unknown, loaders: Loaders): Promise<ClaimEventFilter> {
  const filter = parseInput(claimEventFilterSchema, input, "filter");
  const types = filter?.types ? new Set<string>(filter.types) : null;
  const actors = filter?.actorIds ? new Set(filter.actorIds) : null;
  const topics = filter?.topics ? new Set(filter.topics) : null;
  const statuses = filter?.statuses ? new Set<string>(filter.statuses) : null;
  let claims: Set<string> | null = null;
  if (filter?.claimIds) {
    // A claim already merged away stands for the claim it lives on in.
    const current = await Promise.all(filter.claimIds.map((id) => currentClaim(loaders, id)));
    claims = new Set([...filter.claimIds, ...current.flatMap((claim) => (claim ? [claim.id] : []))]);
  }
  return {
    async matches(event, eventLoaders) {
      if (types && !types.has(event.type)) return false;
      if (actors && !event.actorIds.some((id) => actors.has(id))) return false;
      const direct =
        !claims || claims.has(event.claimId) || (event.relatedClaimId !== null && claims.has(event.relatedClaimId));
      if (direct && !topics && !statuses) return true;
      const claim = await currentClaim(eventLoaders, subjectClaimId(event));
      if (!claim) return false;
      if (!direct && !claims?.has(claim.id)) return false;
      if (topics && !claim.topics.some((topic) => topics.has(topic))) return false;
      if (statuses && !statuses.has(claim.status)) return false;
      return true;
    },
  };
}
