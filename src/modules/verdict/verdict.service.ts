// Verdicts: fact-checkers' ratings, kept as a history; the newest live one sets the status.
import type { z } from "zod";
import type { Actor, Claim, Verdict } from "../../generated/prisma/client";
import { VERDICT_WINDOW } from "../../loaders/loaders";
import { primeVerdicts } from "../../loaders/priming";
import { pagesByKey } from "../../shared/batch";
import { decodeIdOfType } from "../../shared/global-id";
import { offsetPage } from "../../shared/pagination";
import type { ServiceDeps } from "../../shared/service-deps";
import { inTransaction, type Tx } from "../../shared/transaction";
import { requirePermission } from "../auth/permissions";
import { parseInput } from "../../shared/validation";
import { actorRefJson } from "../actor/actor-ref-json";
import { conclusionFromRating } from "../claim/claim-status";
import type { ClaimService } from "../claim/claim.service";
import { canonicalUrl } from "../source/canonical-url";
import { retractSchema } from "../statement/statement.schema";
import * as repo from "./verdict.repository";
import { addVerdictSchema } from "./verdict.schema";

/** A parsed addVerdict input, less the claim (insertVerdict takes it apart). */
export type VerdictData = Omit<z.output<typeof addVerdictSchema>, "claimId">;

/** A verdict's own fields: its conclusion read off the numeric rating when not given, its URL canonical. */
export function verdictFields(data: VerdictData): repo.VerdictFields {
  return {
    rating: data.rating,
    ratingValue: data.ratingValue ?? null,
    bestRating: data.bestRating ?? null,
    worstRating: data.worstRating ?? null,
    conclusion:
      data.conclusion ?? conclusionFromRating(data.ratingValue ?? 0, data.worstRating ?? 0, data.bestRating ?? 1),
    reviewedAt: data.reviewedAt,
    url: data.url ? canonicalUrl(data.url) : null,
    explanation: data.explanation ?? null,
    language: data.language ?? null,
  };
}

/** The row a verdict is written as. */
export function verdictRow(claimId: string, data: VerdictData, reviewerId: string) {
  return { claimId, reviewerId, ...verdictFields(data) };
}

export class VerdictService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly claims: ClaimService,
  ) {}

  async getVerdict(globalId: string): Promise<Verdict | null> {
    const id = decodeIdOfType(globalId, "Verdict");
    return id ? this.deps.loaders.verdicts.load(id) : null;
  }

  verdictsOfClaim(
    claimId: string,
    args: { first?: number | null; offset?: number | null; includeRetracted?: boolean | null },
  ): Promise<Verdict[]> {
    const options = { ...offsetPage(args), includeRetracted: args.includeRetracted ?? false };
    if (!options.includeRetracted && options.skip + options.take <= VERDICT_WINDOW) {
      return this.deps.loaders.claimChildren
        .load(claimId)
        .then((children) => children.verdicts.slice(options.skip, options.skip + options.take));
    }
    return this.deps.loaders.paged
      .get("verdictsByClaim", options, async (keys, opts) => {
        const pages = pagesByKey(keys, await repo.findVerdictPagesByClaims(this.deps.prisma, keys, opts));
        primeVerdicts(this.deps.loaders, pages.flat());
        return pages;
      })
      .load(claimId);
  }

  async latestVerdict(claimId: string): Promise<Verdict | null> {
    const [latest] = await this.verdictsOfClaim(claimId, { first: 1 });
    return latest ?? null;
  }

  /** Adds a verdict in one statement to PostgreSQL (claimtrail_add_verdict). */
  async addVerdict(input: unknown): Promise<{ verdict: Verdict; claim: Claim }> {
    requirePermission(this.deps.principal, "PUBLISH_VERDICTS");
    const data = parseInput(addVerdictSchema, input);
    return repo.addVerdict(
      this.deps.prisma,
      { claimId: data.claimId, reviewer: actorRefJson(data.reviewer), verdict: verdictFields(data) },
      this.deps.changes.context(),
    );
  }

  /**
   * addVerdict's write inside the caller's transaction, on a claim it has locked, by a
   * resolved reviewer: the row (its conclusion read off the rating when not given) and
   * the change record. Checks PUBLISH_VERDICTS; the caller then refreshes the claim's
   * derived columns.
   */
  async insertVerdict(tx: Tx, claimId: string, data: VerdictData, reviewer: Actor): Promise<Verdict> {
    requirePermission(this.deps.principal, "PUBLISH_VERDICTS");
    return repo.insertVerdict(
      tx,
      { claimId, reviewerId: reviewer.id },
      verdictFields(data),
      this.deps.changes.context(),
    );
  }

  async retractVerdict(input: unknown): Promise<{ verdict: Verdict; claim: Claim }> {
    requirePermission(this.deps.principal, "PUBLISH_VERDICTS");
    const data = parseInput(retractSchema("Verdict"), input);
    return inTransaction(this.deps.prisma, async (tx) => {
      const current = await this.claims.lockLiveChild(tx, repo.findVerdictsByIds, data.id, "verdict");
      const verdict = await repo.markVerdictRetracted(tx, current.id, data.reason);
      const claim = await this.claims.refreshDerived(tx, current.claimId);
      await this.deps.changes.record(tx, {
        action: "RETRACTED",
        entityType: "Verdict",
        entityId: verdict.id,
        claimId: claim.id,
        before: current,
        after: verdict,
        event: "CLAIM_UPDATED",
      });
      return { verdict, claim };
    });
  }
}
