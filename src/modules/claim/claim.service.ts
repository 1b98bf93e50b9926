// Claims: reads (one, lists, an actor's, a source's) and edits; the status rule is
// applied by refreshStatus inside every write that can change it.
import type { Claim } from "../../generated/prisma/client";
import { groupsByKey } from "../../shared/batch";
import { BadQueryArgumentError, UserInputError } from "../../shared/errors";
import { decodeIdOfType } from "../../shared/global-id";
import { decodeCursor, offsetPage, pageSize, toConnection, type Connection } from "../../shared/pagination";
import type { ServiceDeps } from "../../shared/service-deps";
import { inTransaction, type Tx } from "../../shared/transaction";
import { parseInput } from "../../shared/validation";
import { deriveClaimStatus } from "./claim-status";
import * as repo from "./claim.repository";
import { claimFilterSchema, claimOrderSchema, createClaimSchema, updateClaimSchema } from "./claim.schema";

export class ClaimService {
  constructor(private readonly deps: ServiceDeps) {}

  async getClaim(globalId: string): Promise<Claim | null> {
    const id = decodeIdOfType(globalId, "Claim");
    return id ? this.deps.loaders.claims.load(id) : null;
  }

  async byId(id: string): Promise<Claim> {
    const claim = await this.deps.loaders.claims.load(id);
    if (!claim) throw new Error(`claim ${id} is referenced but missing`);
    return claim;
  }

  async listClaims(args: {
    first?: number | null;
    after?: string | null;
    filter?: unknown;
    orderBy?: unknown;
  }): Promise<Connection<Claim>> {
    const size = pageSize(args.first, { defaultSize: 20 });
    const filter = parseInput(claimFilterSchema, args.filter, "filter");
    const order = parseInput(claimOrderSchema, args.orderBy, "orderBy") ?? { field: "UPDATED_AT", direction: "DESC" };
    const cursor = args.after ? decodeCursor(args.after) : null;
    const after = cursor ? { value: new Date(String(cursor.value)), id: cursor.id } : null;
    if (after && Number.isNaN(after.value.getTime())) {
      throw new BadQueryArgumentError("after", "`after` is not a cursor of this ordering.");
    }
    const where = repo.claimListWhere(filter);
    const rows = await repo.listClaims(this.deps.prisma, where, order, size + 1, after);
    return toConnection(
      rows,
      size,
      after !== null,
      (claim) => ({ value: repo.orderValue(claim, order.field).toISOString(), id: claim.id }),
      () => repo.countClaims(this.deps.prisma, where),
    );
  }

  claimsOfSpeaker(actorId: string, args: { first?: number | null; offset?: number | null }): Promise<Claim[]> {
    const page = offsetPage(args, 20);
    return this.deps.loaders.paged
      .get("claimIdsBySpeaker", page, async (actorIds, { take, skip }) => {
        const rows = await repo.findClaimIdsBySpeakers(this.deps.prisma, actorIds, take, skip);
        return groupClaimIds(actorIds, rows);
      })
      .load(actorId)
      .then((ids) => this.loadMany(ids));
  }

  claimsOfSource(sourceId: string, args: { first?: number | null; offset?: number | null }): Promise<Claim[]> {
    const page = offsetPage(args, 20);
    return this.deps.loaders.paged
      .get("claimIdsBySource", page, async (sourceIds, { take, skip }) => {
        const rows = await repo.findClaimIdsBySources(this.deps.prisma, sourceIds, take, skip);
        return groupClaimIds(sourceIds, rows);
      })
      .load(sourceId)
      .then((ids) => this.loadMany(ids));
  }

  async statementCount(claim: Claim): Promise<number> {
    return (await this.deps.loaders.childCountsByClaim.load(claim.id)).statements;
  }

  async evidenceCount(claim: Claim): Promise<number> {
    return (await this.deps.loaders.childCountsByClaim.load(claim.id)).evidence;
  }

  async createClaim(input: unknown): Promise<{ claim: Claim }> {
    const data = parseInput(createClaimSchema, input);
    const claim = await repo.insertClaim(this.deps.prisma, {
      text: data.text,
      language: data.language ?? "en",
      topics: data.topics ?? [],
      ...(data.firstSeenAt ? { firstSeenAt: data.firstSeenAt } : {}),
    });
    return { claim };
  }

  async updateClaim(input: unknown): Promise<{ claim: Claim }> {
    const data = parseInput(updateClaimSchema, input);
    return inTransaction(this.deps.prisma, async (tx) => {
      await this.lockClaim(tx, data.id, "input.id");
      const claim = await repo.updateClaim(tx, data.id, {
        ...(data.text ? { text: data.text } : {}),
        ...(data.language ? { language: data.language } : {}),
        ...(data.topics ? { topics: data.topics } : {}),
      });
      return { claim };
    });
  }

  /** Locks the claim for the transaction (and marks it updated); a missing claim is a user error. */
  async lockClaim(tx: Tx, claimId: string, field: string): Promise<void> {
    if (!(await repo.touchClaimForUpdate(tx, claimId))) {
      throw UserInputError.single(field, "No claim has this ID.", "NOT_FOUND");
    }
  }

  /** The claim as seen inside a transaction (after the caller's writes). */
  async byIdIn(tx: Tx, claimId: string): Promise<Claim> {
    const [claim] = await repo.findClaimsByIds(tx, [claimId]);
    if (!claim) throw UserInputError.single(null, "The claim no longer exists.", "NOT_FOUND");
    return claim;
  }

  /** Re-applies the status rule after a change to statements or verdicts. */
  async refreshStatus(tx: Tx, claimId: string, seenAt?: Date | null): Promise<Claim> {
    if (seenAt) await repo.lowerFirstSeen(tx, claimId, seenAt);
    const status = deriveClaimStatus(await repo.statusInputs(tx, claimId));
    return repo.setStatus(tx, claimId, status);
  }

  private async loadMany(ids: string[]): Promise<Claim[]> {
    const claims = await this.deps.loaders.claims.loadMany(ids);
    return claims.filter((claim): claim is Claim => claim !== null && !(claim instanceof Error));
  }
}

function groupClaimIds(parentIds: readonly string[], rows: { parent_id: string; claim_id: string }[]): string[][] {
  return groupsByKey(parentIds, rows, (row) => row.parent_id).map((group) => group.map((row) => row.claim_id));
}
