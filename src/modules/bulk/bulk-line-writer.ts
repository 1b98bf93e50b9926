// One import line's writes, inside its transaction: find or create the claim, resolve the
// actors and sources it names, then add the items the claim does not have yet, each
// through its service's building block (so each is audited and announced to webhooks).
import type { Actor, Source } from "../../generated/prisma/client";
import type { Tx } from "../../shared/transaction";
import { encodeId } from "../../shared/global-id";
import type { ActorRef } from "../actor/actor.schema";
import type { HopInput } from "../attribution/attribution.schema";
import { canonicalUrl } from "../source/canonical-url";
import type { SourceRef } from "../source/source.schema";
import { noItems, type BulkLine, type LineReport } from "./bulk-format";
import * as repo from "./bulk-import.repository";
import type { LineRefs, Named } from "./ref-cache";
import type { OwnerServices } from "../owner-services";

/** The services a line is written through. */
export type ImportParts = Omit<OwnerServices, "relations">;

export async function writeLine(
  tx: Tx,
  parts: ImportParts,
  refs: LineRefs,
  number: number,
  line: BulkLine,
): Promise<LineReport> {
  const { claims, statements, evidence, verdicts } = parts;
  const { text, language } = line.claim;
  await repo.lockClaimWording(tx, text, language);
  const existing = await repo.findClaimByWording(tx, text, language);

  await refs.resolveAll(...namedRefs(line));
  const statementKeys: repo.StatementKey[] = [];
  const statementRefs: { actor: Actor; source: Source }[] = [];
  for (const [index, item] of line.statements.entries()) {
    const actor = await refs.actor(item.actor, `statements.${index}.actor`);
    const source = await refs.source(item.source, `statements.${index}.source`);
    statementRefs.push({ actor, source });
    const { stance, quote, paraphrase } = item;
    statementKeys.push({
      actorId: actor.id,
      sourceId: source.id,
      stance,
      quote,
      paraphrase,
      statedAt: item.statedAt ?? null,
    });
  }
  const evidenceRefs: { source: Source; actor: Actor | null }[] = [];
  for (const [index, item] of line.evidence.entries()) {
    const source = await refs.source(item.source, `evidence.${index}.source`);
    const actor = item.actor ? await refs.actor(item.actor, `evidence.${index}.actor`) : null;
    evidenceRefs.push({ source, actor });
  }
  const evidenceKeys = line.evidence.map(({ direction, summary }, index) => ({
    sourceId: evidenceRefs[index]?.source.id ?? "",
    direction,
    summary,
  }));
  const reviewers: Actor[] = [];
  for (const [index, item] of line.verdicts.entries()) {
    reviewers.push(await refs.actor(item.reviewer, `verdicts.${index}.reviewer`));
  }
  const verdictKeys = line.verdicts.map(({ rating, reviewedAt, url }, index) => ({
    reviewerId: reviewers[index]?.id ?? "",
    rating,
    reviewedAt,
    url: url ? canonicalUrl(url) : null,
  }));

  // A new claim has nothing to match, and its derived columns are computed once, below.
  const claim = existing ?? (await claims.insertClaim(tx, line.claim, { refresh: false }));
  let claimId = claim.id;
  const found = existing
    ? await repo.findExistingItems(tx, claimId, {
        statements: statementKeys,
        evidence: evidenceKeys,
        verdicts: verdictKeys,
      })
    : { statements: new Set<number>(), evidence: new Set<number>(), verdicts: new Set<number>() };
  const created = noItems();
  const matched = noItems();
  // An item repeated within the line matches its first occurrence.
  const firsts = {
    statements: firstOccurrences(statementKeys),
    evidence: firstOccurrences(evidenceKeys),
    verdicts: firstOccurrences(verdictKeys),
  };
  const fresh = (kind: keyof typeof firsts, index: number) => firsts[kind].has(index) && !found[kind].has(index);

  // A claim that is only matched is not touched (its updated_at stays); the first write
  // to an existing claim locks it, as every mutation does.
  let locked = existing === null;
  const lock = async () => {
    if (!locked) claimId = await claims.lockClaim(tx, claimId, "claim");
    locked = true;
  };
  let earliest: Date | null = null;
  for (const [index, item] of line.statements.entries()) {
    const resolved = statementRefs[index];
    if (!resolved || !fresh("statements", index)) {
      matched.statements += 1;
      continue;
    }
    await lock();
    await statements.insertStatement(tx, claimId, item, resolved, `statements.${index}`);
    created.statements += 1;
    if (item.statedAt && (!earliest || item.statedAt < earliest)) earliest = item.statedAt;
  }
  for (const [index, item] of line.evidence.entries()) {
    const resolved = evidenceRefs[index];
    if (!resolved || !fresh("evidence", index)) {
      matched.evidence += 1;
      continue;
    }
    await lock();
    await evidence.insertEvidence(tx, claimId, item, resolved, `evidence.${index}`);
    created.evidence += 1;
  }
  for (const [index, item] of line.verdicts.entries()) {
    const reviewer = reviewers[index];
    if (!reviewer || !fresh("verdicts", index)) {
      matched.verdicts += 1;
      continue;
    }
    await lock();
    await verdicts.insertVerdict(tx, claimId, item, reviewer);
    created.verdicts += 1;
  }

  const changed = created.statements + created.evidence + created.verdicts > 0;
  if (changed || !existing) {
    // firstSeenAt moves back to the earliest statement; skip that update when it would not.
    const seenAt = earliest && earliest < claim.firstSeenAt ? earliest : null;
    await claims.refreshDerived(tx, claimId, seenAt);
  }
  return {
    line: number,
    status: !existing ? "created" : changed ? "updated" : "matched",
    claimId: encodeId("Claim", claimId),
    created,
    matched,
    errors: [],
  };
}

/** The indexes of the keys not equal to an earlier one. */
function firstOccurrences(keys: readonly object[]): Set<number> {
  const seen = new Set<string>();
  const firsts = new Set<number>();
  keys.forEach((key, index) => {
    const text = JSON.stringify(key);
    if (!seen.has(text)) firsts.add(index);
    seen.add(text);
  });
  return firsts;
}

/** Every actor and source reference of a line, with its field path (publishers are added by resolveAll). */
function namedRefs(line: BulkLine): [Named<ActorRef>[], Named<SourceRef>[]] {
  const actors: Named<ActorRef>[] = [];
  const sources: Named<SourceRef>[] = [];
  const relays = (via: HopInput[] | null | undefined, field: string) =>
    (via ?? []).forEach((hop, index) => {
      actors.push({ ref: hop.actor, field: `${field}.via.${index}.actor` });
      if (hop.source) sources.push({ ref: hop.source, field: `${field}.via.${index}.source` });
    });
  line.statements.forEach((item, index) => {
    actors.push({ ref: item.actor, field: `statements.${index}.actor` });
    sources.push({ ref: item.source, field: `statements.${index}.source` });
    relays(item.via, `statements.${index}`);
  });
  line.evidence.forEach((item, index) => {
    if (item.actor) actors.push({ ref: item.actor, field: `evidence.${index}.actor` });
    sources.push({ ref: item.source, field: `evidence.${index}.source` });
    relays(item.via, `evidence.${index}`);
  });
  line.verdicts.forEach((item, index) => actors.push({ ref: item.reviewer, field: `verdicts.${index}.reviewer` }));
  return [actors, sources];
}
