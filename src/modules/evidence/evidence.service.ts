// Evidence: adding items for, against or around a claim, with their source and chain.
import type { z } from "zod";
import type { Actor, AttributionHop, Claim, Evidence, Source } from "../../generated/prisma/client";
import { CLAIM_CHILD_WINDOW } from "../../loaders/loaders";
import { primeEvidence } from "../../loaders/priming";
import { pagesByKey } from "../../shared/batch";
import { NotFoundError } from "../../shared/errors";
import { decodeIdOfType } from "../../shared/global-id";
import { offsetPage } from "../../shared/pagination";
import type { ServiceDeps } from "../../shared/service-deps";
import { inTransaction, type Tx } from "../../shared/transaction";
import { requirePermission } from "../auth/permissions";
import { parseInput } from "../../shared/validation";
import type { ActorService } from "../actor/actor.service";
import { buildAttributionChain } from "../attribution/attribution-chain";
import { insertHops } from "../attribution/attribution.repository";
import type { ClaimService } from "../claim/claim.service";
import type { SourceService } from "../source/source.service";
import { retractSchema } from "../statement/statement.schema";
import * as repo from "./evidence.repository";
import type { EvidenceListOptions } from "./evidence.repository";
import { addEvidenceSchema, evidenceListSchema } from "./evidence.schema";

/** A parsed addEvidence input, less the claim (insertEvidence takes it apart). */
export type EvidenceData = Omit<z.output<typeof addEvidenceSchema>, "claimId">;

/** The row an evidence item is written as. */
export function evidenceRow(claimId: string, data: EvidenceData, refs: { source: Source; actor: Actor | null }) {
  return {
    claimId,
    direction: data.direction,
    kind: data.kind ?? "OTHER",
    summary: data.summary,
    excerpt: data.excerpt ?? null,
    sourceId: refs.source.id,
    actorId: refs.actor?.id ?? null,
    observedAt: data.observedAt ?? null,
  };
}

export class EvidenceService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly claims: ClaimService,
    private readonly actors: ActorService,
    private readonly sources: SourceService,
  ) {}

  async getEvidence(globalId: string): Promise<Evidence | null> {
    const id = decodeIdOfType(globalId, "Evidence");
    return id ? this.deps.loaders.evidence.load(id) : null;
  }

  async byId(id: string): Promise<Evidence> {
    const evidence = await this.deps.loaders.evidence.load(id);
    if (!evidence) throw new NotFoundError(`evidence ${id} is referenced but missing`);
    return evidence;
  }

  attribution(evidence: Evidence): Promise<AttributionHop[]> {
    return this.deps.loaders.hopsByEvidence.load(evidence.id);
  }

  evidenceOfClaim(
    claimId: string,
    args: { first?: number | null; offset?: number | null; direction?: unknown; includeRetracted?: boolean | null },
  ): Promise<Evidence[]> {
    const parsed = parseInput(evidenceListSchema, args, "args");
    const { take, skip } = offsetPage(args);
    if (!parsed.direction && !parsed.includeRetracted && skip + take <= CLAIM_CHILD_WINDOW) {
      return this.liveEvidenceOfClaim(claimId).then((items) => items.slice(skip, skip + take));
    }
    return this.loadPage(claimId, {
      take,
      skip,
      direction: parsed.direction ?? null,
      includeRetracted: parsed.includeRetracted ?? false,
    });
  }

  /** The claim's first CLAIM_CHILD_WINDOW live evidence items, with their graphs. */
  liveEvidenceOfClaim(claimId: string): Promise<Evidence[]> {
    return this.deps.loaders.claimChildren.load(claimId).then((children) => children.evidence);
  }

  private loadPage(claimId: string, options: EvidenceListOptions): Promise<Evidence[]> {
    return this.deps.loaders.paged
      .get("evidenceByClaim", options, async (keys, opts) => {
        const pages = pagesByKey(keys, await repo.findEvidencePagesByClaims(this.deps.prisma, keys, opts));
        primeEvidence(this.deps.loaders, pages.flat());
        return pages;
      })
      .load(claimId);
  }

  async addEvidence(input: unknown): Promise<{ evidence: Evidence; claim: Claim }> {
    requirePermission(this.deps.principal, "WRITE_CLAIMS");
    const data = parseInput(addEvidenceSchema, input);
    return inTransaction(this.deps.prisma, async (tx) => {
      const claimId = await this.claims.lockClaim(tx, data.claimId, "input.claimId", { refreshFollows: true });
      const source = await this.sources.resolveRef(tx, data.source, "input.source");
      const actor = data.actor ? await this.actors.resolveRef(tx, data.actor, "input.actor") : null;
      const evidence = await this.insertEvidence(tx, claimId, data, { source, actor }, "input");
      const claim = await this.claims.refreshDerived(tx, claimId);
      return { evidence, claim };
    });
  }

  /**
   * addEvidence's write inside the caller's transaction, on a claim it has locked, with
   * a resolved source (and actor): the row, the chain (`${field}.via`) and the change
   * record. The caller then refreshes the claim's derived columns and has checked the
   * permission to write.
   */
  async insertEvidence(
    tx: Tx,
    claimId: string,
    data: EvidenceData,
    refs: { source: Source; actor: Actor | null },
    field: string,
  ): Promise<Evidence> {
    const { source, actor } = refs;
    const evidence = await repo.insertEvidence(tx, evidenceRow(claimId, data, { source, actor }));
    const hops = actor
      ? await buildAttributionChain(
          tx,
          { speaker: actor, via: data.via ?? [], source, field: `${field}.via` },
          this.actors,
          this.sources,
        )
      : [];
    if (hops.length > 0) await insertHops(tx, { evidenceId: evidence.id }, hops);
    await this.deps.changes.record(tx, {
      action: "CREATED",
      entityType: "Evidence",
      entityId: evidence.id,
      claimId,
      after: { ...evidence, hops },
      event: "CLAIM_UPDATED",
    });
    return evidence;
  }

  async retractEvidence(input: unknown): Promise<{ evidence: Evidence; claim: Claim }> {
    requirePermission(this.deps.principal, "WRITE_CLAIMS");
    const data = parseInput(retractSchema("Evidence"), input);
    return inTransaction(this.deps.prisma, async (tx) => {
      const current = await this.claims.lockLiveChild(tx, repo.findEvidenceByIds, data.id, "evidence item");
      const evidence = await repo.markEvidenceRetracted(tx, current.id, data.reason);
      const claim = await this.claims.refreshDerived(tx, current.claimId);
      await this.deps.changes.record(tx, {
        action: "RETRACTED",
        entityType: "Evidence",
        entityId: evidence.id,
        claimId: claim.id,
        before: current,
        after: evidence,
        event: "CLAIM_UPDATED",
      });
      return { evidence, claim };
    });
  }
}
