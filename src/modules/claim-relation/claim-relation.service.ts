// Claim relations: typed links (supports, contradicts, refines, duplicates) between claims.
import { z } from "zod";
import { ClaimRelationKind } from "../../generated/prisma/enums";
import { UserInputError } from "../../shared/errors";
import { decodeIdOfType, encodeId } from "../../shared/global-id";
import { offsetPage } from "../../shared/pagination";
import type { ServiceDeps } from "../../shared/service-deps";
import { inTransaction } from "../../shared/transaction";
import { requirePermission } from "../auth/permissions";
import { globalId, optionalText, parseInput } from "../../shared/validation";
import type { ClaimService } from "../claim/claim.service";
import * as repo from "./claim-relation.repository";
import { viewFrom, type ClaimRelationView } from "./claim-relation.types";

/** Kinds that read the same both ways: A contradicts B is B contradicts A. */
export const SYMMETRIC: readonly ClaimRelationKind[] = ["CONTRADICTS", "DUPLICATES"];

const linkSchema = z.object({
  fromClaimId: globalId("Claim"),
  toClaimId: globalId("Claim"),
  kind: z.enum(ClaimRelationKind),
  note: optionalText(1000),
});
const unlinkSchema = z.object({ id: globalId("ClaimRelation") });

export class ClaimRelationService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly claims: ClaimService,
  ) {}

  async getRelation(globalIdValue: string): Promise<ClaimRelationView | null> {
    const id = decodeIdOfType(globalIdValue, "ClaimRelation");
    if (!id) return null;
    const relation = await this.deps.loaders.relations.load(id);
    return relation ? viewFrom(relation, relation.fromClaimId) : null;
  }

  async relationsOfClaim(
    claimId: string,
    args: { first?: number | null; offset?: number | null },
  ): Promise<ClaimRelationView[]> {
    const { take, skip } = offsetPage(args);
    const rows = await this.deps.loaders.paged
      .get("relationsByClaim", { limit: take + skip }, async (keys, { limit }) => {
        const found = await repo.findRelationsByClaims(this.deps.prisma, keys, limit);
        const byClaim = new Map(found.map((row) => [row.id, [...row.relationsFrom, ...row.relationsTo]]));
        return keys.map((key) => byClaim.get(key) ?? []);
      })
      .load(claimId);
    return rows
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))
      .slice(skip, skip + take)
      .map((relation) => viewFrom(relation, claimId));
  }

  async linkClaims(input: unknown): Promise<{ relation: ClaimRelationView }> {
    requirePermission(this.deps.principal, "WRITE_CLAIMS");
    const data = parseInput(linkSchema, input);
    if (data.fromClaimId === data.toClaimId) {
      throw UserInputError.single("input.toClaimId", "A claim cannot be linked to itself.", "CONFLICT");
    }
    return inTransaction(this.deps.prisma, async (tx) => {
      // Lock both claims in a fixed order (here and in unlink) so concurrent links cannot deadlock.
      const ordered = [
        { id: data.fromClaimId, field: "input.fromClaimId" },
        { id: data.toClaimId, field: "input.toClaimId" },
      ].sort((a, b) => a.id.localeCompare(b.id));
      const locked = new Map<string, string>();
      for (const claim of ordered) locked.set(claim.id, await this.claims.lockClaim(tx, claim.id, claim.field));
      // A claim merged away is linked through the claim it was merged into.
      const fromClaimId = locked.get(data.fromClaimId) ?? data.fromClaimId;
      const toClaimId = locked.get(data.toClaimId) ?? data.toClaimId;
      if (fromClaimId === toClaimId) {
        throw UserInputError.single("input.toClaimId", "A claim cannot be linked to itself.", "CONFLICT");
      }
      const eitherWay = SYMMETRIC.includes(data.kind);
      const existing = await repo.findLink(tx, fromClaimId, toClaimId, data.kind, eitherWay);
      const relation = existing
        ? null
        : await repo.insertRelationIfAbsent(tx, { fromClaimId, toClaimId, kind: data.kind, note: data.note });
      if (!relation) {
        throw UserInputError.single("input.kind", `The claims are already linked as ${data.kind}.`, "DUPLICATE");
      }
      await this.deps.changes.record(tx, {
        action: "CREATED",
        entityType: "ClaimRelation",
        entityId: relation.id,
        claimId: relation.fromClaimId,
        relatedClaimId: relation.toClaimId,
        after: relation,
      });
      return { relation: viewFrom(relation, relation.fromClaimId) };
    });
  }

  async unlinkClaims(input: unknown): Promise<{ removedId: string }> {
    requirePermission(this.deps.principal, "DELETE");
    const data = parseInput(unlinkSchema, input);
    return inTransaction(this.deps.prisma, async (tx) => {
      const [relation] = await repo.findRelationsByIds(tx, [data.id]);
      if (!relation) throw UserInputError.single("input.id", "No claim relation has this ID.", "NOT_FOUND");
      for (const claimId of [relation.fromClaimId, relation.toClaimId].sort()) {
        await this.claims.lockClaim(tx, claimId, "input.id");
      }
      await repo.deleteRelation(tx, relation.id);
      await this.deps.changes.record(tx, {
        action: "DELETED",
        entityType: "ClaimRelation",
        entityId: relation.id,
        claimId: relation.fromClaimId,
        relatedClaimId: relation.toClaimId,
        before: relation,
      });
      return { removedId: encodeId("ClaimRelation", relation.id) };
    });
  }
}
