// History pages of claims and other entities, batched per request; who made each change
// is shown in full only to readers who manage keys (change-author.ts).
import { BadQueryArgumentError } from "../../shared/errors";
import { pagesByKey } from "../../shared/batch";
import { pageSize } from "../../shared/pagination";
import type { ServiceDeps } from "../../shared/service-deps";
import * as repo from "./audit.repository";
import type { AuditEventConnectionView } from "./audit.types";
import { eventForReader, seesChangeAuthors } from "./change-author";

export type HistoryOwner = "Claim" | "Actor" | "Source" | "Statement" | "Evidence" | "Verdict";

export class AuditService {
  constructor(private readonly deps: ServiceDeps) {}

  async history(
    owner: HistoryOwner,
    entityId: string,
    args: { first?: number | null; after?: string | null },
  ): Promise<AuditEventConnectionView> {
    const take = pageSize(args.first, { defaultSize: 50 });
    const afterId = args.after ? decodeHistoryCursor(args.after) : 0n;
    // The loader's cache key is the JSON of its arguments, and JSON has no bigint: pass the id as text.
    const loaderArgs = { afterId: afterId.toString(), limit: take + 1 };
    const rows = await this.deps.loaders.paged
      .get(`history:${owner}`, loaderArgs, async (keys, page) => {
        const opts = { afterId: BigInt(page.afterId), limit: page.limit };
        const found =
          owner === "Claim"
            ? await repo.findClaimHistories(this.deps.prisma, keys, opts)
            : await repo.findEntityHistories(this.deps.prisma, owner, keys, opts);
        const pages = new Map<string, repo.AuditEventWithRole[]>();
        for (const { parentId, ...event } of found) {
          const page = pages.get(parentId) ?? [];
          page.push(event);
          pages.set(parentId, page);
        }
        return pagesByKey(
          keys,
          [...pages].map(([parentId, page]) => ({ parentId, rows: page })),
        );
      })
      .load(entityId);
    const fullDetail = seesChangeAuthors(this.deps.principal);
    const page = rows.slice(0, take).map((event) => eventForReader(event, fullDetail));
    const edges = page.map((node) => ({ cursor: encodeHistoryCursor(node.id), node }));
    return {
      edges,
      pageInfo: {
        hasNextPage: rows.length > take,
        hasPreviousPage: afterId > 0n,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }
}

export function encodeHistoryCursor(id: bigint): string {
  return Buffer.from(`audit:${id}`, "utf8").toString("base64url");
}

function decodeHistoryCursor(cursor: string): bigint {
  const match = /^audit:(\d{1,19})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!match?.[1]) throw new BadQueryArgumentError("after", "`after` is not a history cursor.");
  return BigInt(match[1]);
}
