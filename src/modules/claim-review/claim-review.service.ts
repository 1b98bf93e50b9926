// schema.org ClaimReview: a claim's live verdicts as JSON-LD (GraphQL Claim.claimReview and
// GET /claims/:id/claim-review), and the import of ClaimReview documents into claims,
// actors, sources, statements and verdicts (field mapping: claim-review.mapping.ts).
import { z } from "zod";
import type { Actor, Claim, Verdict } from "../../generated/prisma/client";
import { VERDICT_WINDOW } from "../../loaders/loaders";
import type { ServiceDeps } from "../../shared/service-deps";
import { inTransaction, type Tx } from "../../shared/transaction";
import { parseInput } from "../../shared/validation";
import type { ActorService } from "../actor/actor.service";
import type { ActorRef } from "../actor/actor.schema";
import { requirePermission } from "../auth/permissions";
import { findClaimsByIds } from "../claim/claim.repository";
import type { ClaimService } from "../claim/claim.service";
import type { SourceService } from "../source/source.service";
import type { StatementService } from "../statement/statement.service";
import type { VerdictService } from "../verdict/verdict.service";
import { claimReviewDocument, type JsonObject, type SourceWithPublisher } from "./claim-review.mapping";
import * as repo from "./claim-review.repository";
import { parseClaimReviewDocument, type ReviewEntry } from "./claim-review.document";
import type { ImportedActor, ImportedReview, ImportedWork } from "./claim-review.schema";

export interface ClaimReviewImportItem {
  index: number;
  claim: Claim;
  verdict: Verdict;
  claimCreated: boolean;
  verdictCreated: boolean;
}

const importInputSchema = z.object({
  document: z.unknown().refine((value) => value !== undefined && value !== null, {
    error: "document is required",
    params: { code: "REQUIRED" },
  }),
});

export class ClaimReviewService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly claims: ClaimService,
    private readonly actors: ActorService,
    private readonly sources: SourceService,
    private readonly statements: StatementService,
    private readonly verdicts: VerdictService,
  ) {}

  /** The claim (a merged claim's ID gives the surviving claim) and its document; nulls when unknown or unreviewed. */
  async claimReviewById(globalId: string): Promise<{ claim: Claim | null; document: JsonObject | null }> {
    const claim = await this.claims.getClaim(globalId);
    return { claim, document: claim ? await this.claimReviewOf(claim) : null };
  }

  /** The claim's live verdicts as ClaimReview JSON-LD, read through the request's loaders. */
  async claimReviewOf(claim: Claim): Promise<JsonObject | null> {
    const verdicts = await this.verdicts.verdictsOfClaim(claim.id, { first: VERDICT_WINDOW });
    if (verdicts.length === 0) return null;
    const asserting = (await this.statements.liveStatementsOfClaim(claim.id)).filter(
      (statement) => statement.stance === "ASSERTS",
    );
    // Earliest statedAt first (undated last); the list is in recorded order, which breaks ties.
    const firstStatement = [...asserting].sort(
      (a, b) => (a.statedAt?.getTime() ?? Infinity) - (b.statedAt?.getTime() ?? Infinity) || 0,
    )[0];
    const sources = await this.sources.byIds([...new Set(asserting.map((statement) => statement.sourceId))]);
    const actors = await this.actorsById([
      ...verdicts.map((verdict) => verdict.reviewerId),
      ...(firstStatement ? [firstStatement.actorId] : []),
      ...sources.flatMap((source) => (source.publisherId ? [source.publisherId] : [])),
    ]);
    const withPublisher = (source: (typeof sources)[number]): SourceWithPublisher => ({
      ...source,
      publisher: source.publisherId ? (actors.get(source.publisherId) ?? null) : null,
    });
    const firstSource = sources.find((source) => source.id === firstStatement?.sourceId);
    return claimReviewDocument({
      claim,
      verdicts: verdicts.flatMap((verdict) => {
        const reviewer = actors.get(verdict.reviewerId);
        return reviewer ? [{ ...verdict, reviewer }] : [];
      }),
      author: firstStatement ? (actors.get(firstStatement.actorId) ?? null) : null,
      firstAppearance: firstSource ? withPublisher(firstSource) : null,
      otherAppearances: sources.filter((source) => source !== firstSource).map(withPublisher),
    });
  }

  /**
   * Imports a ClaimReview document in one transaction: every review is validated first,
   * and a bad one writes nothing. What exists already is found, not duplicated.
   */
  async importClaimReview(input: unknown): Promise<{ items: ClaimReviewImportItem[] }> {
    requirePermission(this.deps.principal, "PUBLISH_VERDICTS");
    const { document } = parseInput(importInputSchema, input);
    const entries = parseClaimReviewDocument(document, "input.document");
    return inTransaction(this.deps.prisma, async (tx) => {
      await repo.lockClaimTexts(
        tx,
        entries.map((entry) => entry.review.claim.text),
      );
      const results = [];
      for (const entry of entries) results.push(await this.importReview(tx, entry));
      // Read the claims after all writes: two reviews of one claim both see its final state.
      const claims = new Map(
        (await findClaimsByIds(tx, [...new Set(results.map((result) => result.claimId))])).map((claim) => [
          claim.id,
          claim,
        ]),
      );
      return {
        items: results.map(({ claimId, ...result }) => {
          const claim = claims.get(claimId);
          if (!claim) throw new Error(`claim ${claimId} vanished inside its import`);
          return { ...result, claim };
        }),
      };
    });
  }

  private async importReview(tx: Tx, { index, field, review }: ReviewEntry) {
    const existingId = await repo.findClaimByTextForUpdate(tx, review.claim.text, review.claim.language);
    const claimId =
      existingId ??
      (
        await this.claims.insertClaim(tx, {
          text: review.claim.text,
          language: review.claim.language,
          topics: [],
          firstSeenAt: review.claim.datePublished,
        })
      ).id;
    let touched = existingId === null;
    // An existing claim is marked updated (lockClaim) only when something is written to it.
    const touch = async () => {
      if (!touched) await this.claims.lockClaim(tx, claimId, `${field}.claimReviewed`);
      touched = true;
    };

    const statedAt = await this.recordAppearances(tx, claimId, field, review, touch);

    const reviewer = await this.actors.resolveRef(tx, actorRef(review.reviewer), `${field}.author`);
    const { verdict: data } = review;
    let verdict = await repo.findSameReview(tx, { claimId, reviewerId: reviewer.id, ...data });
    const verdictCreated = verdict === null;
    if (!verdict) {
      await touch();
      verdict = await this.verdicts.insertVerdict(
        tx,
        claimId,
        { ...data, reviewer: actorRef(review.reviewer) },
        reviewer,
      );
    }
    if (touched) await this.claims.refreshDerived(tx, claimId, statedAt);
    return { index, claimId, verdict, claimCreated: existingId === null, verdictCreated };
  }

  /**
   * The author ASSERTS the claim in each appearance with no ASSERTS statement of the
   * claim yet. The one in the first appearance is dated itemReviewed.datePublished (else
   * the work's own date), which keeps it the first appearance on export; the date is
   * returned when that statement was written, to move the claim's first-seen date back.
   */
  private async recordAppearances(
    tx: Tx,
    claimId: string,
    field: string,
    { claimAuthor: author, appearances, claim }: ImportedReview,
    touch: () => Promise<void>,
  ): Promise<Date | null> {
    if (!author || appearances.length === 0) return null;
    const recorded = await repo.findAssertedSourceIds(tx, claimId);
    let speaker: Actor | null = null;
    let statedAt: Date | null = null;
    for (const [position, work] of appearances.entries()) {
      const source = await this.sources.resolveRef(tx, sourceRef(work), `${field}.${work.path}`);
      if (recorded.has(source.id)) continue;
      recorded.add(source.id);
      await touch();
      speaker ??= await this.actors.resolveRef(tx, actorRef(author), `${field}.itemReviewed.author`);
      const dated = position === 0 ? (claim.datePublished ?? work.publishedAt) : null;
      await this.statements.insertStatement(
        tx,
        claimId,
        {
          stance: "ASSERTS",
          actor: actorRef(author),
          source: sourceRef(work),
          quote: null,
          paraphrase: null,
          language: null,
          statedAt: dated,
          via: [],
        },
        { actor: speaker, source },
        `${field}.itemReviewed`,
      );
      statedAt ??= dated;
    }
    return statedAt;
  }

  private async actorsById(ids: string[]): Promise<Map<string, Actor>> {
    const actors = await Promise.all([...new Set(ids)].map((id) => this.actors.byId(id)));
    return new Map(actors.map((actor) => [actor.id, actor]));
  }
}

function actorRef(actor: ImportedActor): ActorRef {
  return { name: actor.name, kind: actor.kind, description: actor.description, affiliation: null };
}

function sourceRef(work: ImportedWork) {
  return {
    url: work.url,
    title: work.title,
    kind: work.kind,
    language: work.language,
    publishedAt: work.publishedAt,
    publisher: work.publisher ? actorRef(work.publisher) : null,
    contentHash: null,
  };
}
