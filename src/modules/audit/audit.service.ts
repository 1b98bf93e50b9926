// History pages of claims and other entities, batched per request; who made each change
// is shown in full only to readers who manage keys (change-author.ts).
import { BadQueryArgumentError } from "../../shared/errors";
import { pagesByKey } from "../../shared/batch";
import { pageDirection, pageWindow, type PageArgs } from "../../shared/pagination";
import type { ServiceDeps } from "../../shared/service-deps";
import * as repo from "./audit.repository";
import type { AuditEventConnectionView } from "./audit.types";
import { eventForReader, seesChangeAuthors } from "./change-author";

export type HistoryOwner = "Claim" | "Actor" | "Source" | "Statement" | "Evidence" | "Verdict";

export class AuditService {
  constructor(private readonly deps: ServiceDeps) {}

  async history(owner: HistoryOwner, entityId: string, args: PageArgs): Promise<AuditEventConnectionView> {
    const { size: take, backward } = pageDirection(args, { defaultSize: 50 });
    const afterId = args.after ? decodeHistoryCursor(args.after, "after") : 0n;
    const beforeId = args.before ? decodeHistoryCursor(args.before, "before") : null;
    // The loader's cache key is the JSON of its arguments, and JSON has no bigint: pass the ids as text.
    const loaderArgs = {
      afterId: afterId.toString(),
      beforeId: beforeId?.toString() ?? null,
      limit: take + 1,
      backward,
    };
    const rows = await this.deps.loaders.paged
      .get(`history:${owner}`, loaderArgs, async (keys, page) => {
        const opts = {
          afterId: BigInt(page.afterId),
          beforeId: page.beforeId === null ? null : BigInt(page.beforeId),
          limit: page.limit,
          backward: page.backward,
        };
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
    // Read newest first for a backward page; an after id of 0 is no bound.
    const window = pageWindow(rows, {
      size: take,
      backward,
      after: afterId > 0n ? afterId : null,
      before: beforeId,
    });
    const edges = window.page.map((event) => ({
      cursor: encodeHistoryCursor(event.id),
      node: eventForReader(event, fullDetail),
    }));
    return {
      edges,
      pageInfo: {
        hasNextPage: window.hasNextPage,
        hasPreviousPage: window.hasPreviousPage,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }
}

export function encodeHistoryCursor(id: bigint): string {
  return Buffer.from(`audit:${id}`, "utf8").toString("base64url");
}

function decodeHistoryCursor(cursor: string, argument: "after" | "before"): bigint {
  const match = /^audit:(\d{1,19})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!match?.[1]) throw new BadQueryArgumentError(argument, `\`${argument}\` is not a history cursor.`);
  return BigInt(match[1]);
}
