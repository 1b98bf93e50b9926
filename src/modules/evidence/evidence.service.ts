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
import { inTransaction } from "../../shared/transaction";
import { requirePermission } from "../auth/permissions";
import { parseInput } from "../../shared/validation";
import { actorRefJson } from "../actor/actor-ref-json";
import { viaJson } from "../attribution/via-json";
import type { ClaimService } from "../claim/claim.service";
import { sourceRefJson } from "../source/source-ref-json";
import { retractSchema } from "../statement/statement.schema";
import * as repo from "./evidence.repository";
import type { EvidenceListOptions } from "./evidence.repository";
import { addEvidenceSchema, evidenceListSchema } from "./evidence.schema";

/** A parsed addEvidence input, less the claim (evidenceFields and bulk import take it apart). */
export type EvidenceData = Omit<z.output<typeof addEvidenceSchema>, "claimId">;

/** An evidence item's own fields, with their defaults (what every way of writing one stores). */
export function evidenceFields(data: EvidenceData): repo.EvidenceFields {
  return {
    direction: data.direction,
    kind: data.kind ?? "OTHER",
    summary: data.summary,
    excerpt: data.excerpt ?? null,
    observedAt: data.observedAt ?? null,
  };
}

/** The row an evidence item is written as. */
export function evidenceRow(
  claimId: string,
  data: EvidenceData,
  refs: { source: Pick<Source, "id">; actor: Pick<Actor, "id"> | null },
) {
  return { claimId, ...evidenceFields(data), sourceId: refs.source.id, actorId: refs.actor?.id ?? null };
}

export class EvidenceService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly claims: ClaimService,
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

  /** Adds an evidence item in one statement to PostgreSQL (claimtrail_add_evidence). */
  async addEvidence(input: unknown): Promise<{ evidence: Evidence; claim: Claim }> {
    requirePermission(this.deps.principal, "WRITE_CLAIMS");
    const data = parseInput(addEvidenceSchema, input);
    return repo.addEvidence(
      this.deps.prisma,
      {
        claimId: data.claimId,
        source: sourceRefJson(data.source),
        actor: data.actor ? actorRefJson(data.actor) : null,
        via: viaJson(data.via),
        ...evidenceFields(data),
      },
      this.deps.changes.context(),
    );
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
