// Merging duplicate claims: everything recorded on the merged claim moves to the
// surviving one in one transaction, with both claims locked (in a fixed order), and
// the merge is recorded so the merged claim's ID keeps resolving.
import DataLoader from "dataloader";
import { z } from "zod";
import type { Claim, ClaimMerge } from "../../generated/prisma/client";
import { groupsByKey } from "../../shared/batch";
import { UserInputError } from "../../shared/errors";
import { encodeId } from "../../shared/global-id";
import type { ServiceDeps } from "../../shared/service-deps";
import { inTransaction } from "../../shared/transaction";
import { requirePermission } from "../auth/permissions";
import { globalId, optionalText, parseInput } from "../../shared/validation";
import { findClaimsByIds, findMergeTarget } from "../claim/claim.repository";
import type { ClaimService } from "../claim/claim.service";
import * as repo from "./claim-merge.repository";

const mergeSchema = z.object({
  sourceId: globalId("Claim"),
  targetId: globalId("Claim"),
  reason: optionalText(1000),
});

export class ClaimMergeService {
  private readonly mergesInto: DataLoader<string, ClaimMerge[]>;

  constructor(
    private readonly deps: ServiceDeps,
    private readonly claims: ClaimService,
  ) {
    this.mergesInto = new DataLoader(async (ids) =>
      groupsByKey(ids, await repo.findMergesInto(deps.prisma, ids), (row) => row.intoClaimId),
    );
  }

  mergedInto(claim: Claim): Promise<ClaimMerge[]> {
    return this.mergesInto.load(claim.id);
  }

  async mergeClaims(input: unknown): Promise<{ claim: Claim; merge: ClaimMerge }> {
    requirePermission(this.deps.principal, "MERGE_CLAIMS");
    const data = parseInput(mergeSchema, input);
    if (data.sourceId === data.targetId) {
      throw UserInputError.single("input.targetId", "A claim cannot be merged into itself.", "CONFLICT");
    }
    return inTransaction(this.deps.prisma, async (tx) => {
      // Fixed lock order: two merges of the same pair, either way round, cannot deadlock.
      const [first, second] = [data.sourceId, data.targetId].sort();
      for (const id of [first, second]) {
        if (id === undefined) continue;
        const field = id === data.sourceId ? "input.sourceId" : "input.targetId";
        const locked = await this.claims.lockClaim(tx, id, field);
        if (locked !== id) {
          const into = await findMergeTarget(tx, id);
          throw UserInputError.single(
            field,
            `This claim was already merged into claim ${encodeId("Claim", into ?? locked)}.`,
            "CONFLICT",
          );
        }
      }
      const [source] = await findClaimsByIds(tx, [data.sourceId]);
      const [target] = await findClaimsByIds(tx, [data.targetId]);
      if (!source || !target) throw UserInputError.single("input.sourceId", "No claim has this ID.", "NOT_FOUND");

      const moved = await repo.moveChildren(tx, source.id, target.id);
      const movedRelations = await repo.moveRelations(tx, source.id, target.id);
      await repo.repointMerges(tx, source.id, target.id);
      const merge = await repo.insertMerge(tx, {
        mergedClaimId: source.id,
        intoClaimId: target.id,
        mergedText: source.text,
        reason: data.reason,
        movedStatements: moved.statements,
        movedEvidence: moved.evidence,
        movedVerdicts: moved.verdicts,
        movedRelations,
      });
      await tx.claim.update({
        where: { id: target.id },
        data: {
          topics: [...new Set([...target.topics, ...source.topics])],
          firstSeenAt: source.firstSeenAt < target.firstSeenAt ? source.firstSeenAt : target.firstSeenAt,
        },
      });
      await repo.deleteClaim(tx, source.id);
      const claim = await this.claims.refreshDerived(tx, target.id);
      await this.deps.changes.record(tx, {
        action: "MERGED",
        entityType: "Claim",
        entityId: source.id,
        claimId: source.id,
        before: source,
        after: merge,
      });
      await this.deps.changes.record(tx, {
        action: "UPDATED",
        entityType: "Claim",
        entityId: target.id,
        claimId: target.id,
        before: target,
        after: claim,
        event: "CLAIM_UPDATED",
      });
      this.deps.logger.info({ merged: source.id, into: target.id }, "merged claim %s into %s", source.id, target.id);
      return { claim, merge };
    });
  }
}
