// Claims: reads (one, lists, an actor's, a source's) and edits; the status rule is
// applied by refreshDerived (claimtrail_refresh_derived in SQL) inside every write that can
// change it.
import type { SqlClient } from "../../db/sql";
import type { z } from "zod";
import type { Claim } from "../../generated/prisma/client";
import { groupsByKey } from "../../shared/batch";
import { BadQueryArgumentError, NotFoundError, UserInputError } from "../../shared/errors";
import { decodeIdOfType } from "../../shared/global-id";
import {
  mapBounds,
  offsetPage,
  pageRequest,
  toConnection,
  type Connection,
  type PageArgs,
} from "../../shared/pagination";
import type { ServiceDeps } from "../../shared/service-deps";
import { inTransaction, type Tx } from "../../shared/transaction";
import { requirePermission } from "../auth/permissions";
import { parseInput } from "../../shared/validation";
import type { SimilarClaimView } from "../search/search.types";
import { shortestFloat32 } from "../../shared/float32";
import { claimFilterSchema, claimFilterSql } from "./claim-filter";
import * as repo from "./claim.repository";
import * as writes from "./claim-writes.repository";
import { claimOrderSchema, createClaimSchema, updateClaimSchema } from "./claim.schema";

/** A parsed createClaim input. */
export type CreateClaimData = z.output<typeof createClaimSchema>;

/** Similarity at which createClaim reports an existing claim as a possible duplicate. */
const DUPLICATE_THRESHOLD = 0.5;

export class ClaimService {
  constructor(private readonly deps: ServiceDeps) {}

  /** A claim by global ID; the ID of a merged claim resolves to the claim it was merged into. */
  async getClaim(globalId: string): Promise<Claim | null> {
    const id = decodeIdOfType(globalId, "Claim");
    if (!id) return null;
    const claim = await this.deps.loaders.claims.load(id);
    if (claim) return claim;
    const into = await this.deps.loaders.mergeTargets.load(id);
    return into ? this.deps.loaders.claims.load(into) : null;
  }

  async byId(id: string): Promise<Claim> {
    const claim = await this.deps.loaders.claims.load(id);
    if (!claim) throw new NotFoundError(`claim ${id} is referenced but missing`);
    return claim;
  }

  async listClaims(args: PageArgs & { filter?: unknown; orderBy?: unknown }): Promise<Connection<Claim>> {
    const where = claimFilterSql(parseInput(claimFilterSchema, args.filter, "filter"));
    const order: repo.ClaimOrder = parseInput(claimOrderSchema, args.orderBy, "orderBy") ?? {
      field: "UPDATED_AT",
      direction: "DESC",
    };
    // A cursor names its ordering ("UPDATED_AT:2024-..."): one of another ordering is refused.
    const request = mapBounds(pageRequest(args, { defaultSize: 20 }), (cursor, argument) => {
      const [field, value] = typeof cursor.value === "string" ? splitOnce(cursor.value, ":") : [null, null];
      if (field !== order.field || value === null) {
        throw new BadQueryArgumentError(argument, `\`${argument}\` is a cursor of another ordering.`);
      }
      return { value, id: cursor.id };
    });
    const { size } = request;
    const { loaders, prisma } = this.deps;
    // A dashboard list that shows each claim's statements or verdicts reads them in the same statement.
    const rows = loaders.claimChildrenShape.prefetchChildren
      ? loaders.adoptClaimsWithChildren(
          await repo.listClaimsWithChildren(prisma, where, order, size + 1, request, loaders.childLimits()),
        )
      : await repo.listClaims(prisma, where, order, size + 1, request);
    return toConnection(
      rows,
      request,
      (claim) => ({ value: `${order.field}:${repo.orderValue(claim, order.field)}`, id: claim.id }),
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

  /**
   * Creates a claim and reports existing claims worded much like it (similarity >= 0.5),
   * looked up in the same statement, before the new claim exists.
   */
  async createClaim(input: unknown): Promise<{ claim: Claim; possibleDuplicates: SimilarClaimView[] }> {
    requirePermission(this.deps.principal, "WRITE_CLAIMS");
    const data = parseInput(createClaimSchema, input);
    const { claim, possibleDuplicates } = await writes.createClaim(
      this.deps.prisma,
      { claim: newClaimRow(data), duplicateThreshold: DUPLICATE_THRESHOLD, duplicateLimit: 5 },
      this.deps.changes.context(),
    );
    return {
      claim,
      possibleDuplicates: possibleDuplicates
        .map((duplicate) => ({ ...duplicate, similarity: shortestFloat32(duplicate.similarity) }))
        .filter((duplicate) => duplicate.similarity >= DUPLICATE_THRESHOLD),
    };
  }

  /**
   * createClaim's write inside the caller's transaction (a ClaimReview import): the row, its
   * derived columns and the change record. The caller has checked the permission to write.
   */
  insertClaim(tx: Tx, data: CreateClaimData): Promise<Claim> {
    return writes.insertClaim(tx, newClaimRow(data), this.deps.changes.context());
  }

  async updateClaim(input: unknown): Promise<{ claim: Claim }> {
    requirePermission(this.deps.principal, "WRITE_CLAIMS");
    const data = parseInput(updateClaimSchema, input);
    return inTransaction(this.deps.prisma, async (tx) => {
      const claimId = await this.lockClaim(tx, data.id, "input.id", { refreshFollows: true });
      const [before] = await repo.findClaimsByIds(tx, [claimId]);
      await repo.updateClaim(tx, claimId, {
        ...(data.text ? { text: data.text } : {}),
        ...(data.language ? { language: data.language } : {}),
        ...(data.topics ? { topics: data.topics } : {}),
      });
      const claim = await this.refreshDerived(tx, claimId);
      await this.deps.changes.record(tx, {
        action: "UPDATED",
        entityType: "Claim",
        entityId: claimId,
        claimId,
        before,
        after: claim,
        event: "CLAIM_UPDATED",
      });
      return { claim };
    });
  }

  /**
   * Locks the claim for the rest of the transaction (and marks it updated); returns the ID
   * written to, which is the surviving claim's when the claim was merged away (a write racing
   * a merge lands on the merged result). A missing claim is a user error.
   * `refreshFollows`: the caller ends with refreshDerived, which marks the claim updated,
   * so the lock is taken without writing the row twice.
   */
  lockClaim(tx: Tx, claimId: string, field: string, options: { refreshFollows?: boolean } = {}): Promise<string> {
    return writes.lockClaim(tx, claimId, !options.refreshFollows, field);
  }

  /**
   * For a retraction: the live statement, evidence item or verdict `id`, read under its
   * claim's lock (so the loser of two concurrent retractions sees the winner's).
   * Unknown: NOT_FOUND; already retracted: CONFLICT; both on `input.id`.
   */
  async lockLiveChild<T extends { claimId: string; retractedAt: Date | null }>(
    tx: Tx,
    find: (db: Tx, ids: readonly string[]) => Promise<T[]>,
    id: string,
    what: string,
  ): Promise<T> {
    const [found] = await find(tx, [id]);
    if (!found) throw UserInputError.single("input.id", `No ${what} has this ID.`, "NOT_FOUND");
    await this.lockClaim(tx, found.claimId, "input.id");
    const [current = found] = await find(tx, [id]);
    if (current.retractedAt) throw UserInputError.single("input.id", `The ${what} is already retracted.`, "CONFLICT");
    return current;
  }

  /**
   * Re-applies the status rule and recomputes the derived columns (counts, dispute
   * score, search document) after a change to the claim, its statements, evidence or verdicts.
   */
  refreshDerived(tx: Tx, claimId: string, seenAt?: Date | null): Promise<Claim> {
    return writes.refreshDerived(tx, claimId, seenAt ?? null);
  }

  /**
   * refreshDerived for many claims at once (bulk import: once per claim a batch touched,
   * in its transaction on a pool connection), in one statement; `seenAt` moves a claim's
   * firstSeenAt back like refreshDerived's.
   */
  async refreshDerivedMany(sql: SqlClient, claims: ReadonlyMap<string, Date | null>): Promise<void> {
    if (claims.size === 0) return;
    await writes.refreshDerivedOfClaims(sql, claims);
  }

  private async loadMany(ids: string[]): Promise<Claim[]> {
    const claims = await this.deps.loaders.claims.loadMany(ids);
    return claims.filter((claim): claim is Claim => claim !== null && !(claim instanceof Error));
  }
}

/** A new claim's row: the parsed input with its defaults. */
function newClaimRow(data: CreateClaimData): writes.NewClaim {
  return {
    text: data.text,
    language: data.language ?? "en",
    topics: data.topics ?? [],
    firstSeenAt: data.firstSeenAt ?? null,
  };
}

function splitOnce(text: string, separator: string): [string, string] | [null, null] {
  const at = text.indexOf(separator);
  return at < 0 ? [null, null] : [text.slice(0, at), text.slice(at + separator.length)];
}

function groupClaimIds(parentIds: readonly string[], rows: { parent_id: string; claim_id: string }[]): string[][] {
  return groupsByKey(parentIds, rows, (row) => row.parent_id).map((group) => group.map((row) => row.claim_id));
}
