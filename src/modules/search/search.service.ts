// Full-text search over claims with the list filters, highlighted matches, and
// near-duplicate wording.
import DataLoader from "dataloader";
import { z } from "zod";
import { groupsByKey } from "../../shared/batch";
import { BadQueryArgumentError } from "../../shared/errors";
import { decodeCursor, encodeCursor, pageDirection, type PageArgs } from "../../shared/pagination";
import type { ServiceDeps } from "../../shared/service-deps";
import { languageTag, parseInput, requiredText } from "../../shared/validation";
import { claimFilterSchema, claimFilterSql } from "../claim/claim-filter";
import * as repo from "./search.repository";
import type { SearchConnectionView, SearchHighlightView, SearchQuery, SimilarClaimView } from "./search.types";

const searchArgsSchema = z.object({
  query: requiredText(500),
  language: languageTag.nullish(),
  filter: claimFilterSchema,
});

const similarArgsSchema = z.object({
  text: requiredText(1000),
  threshold: z.number().min(0.05).max(1).nullish(),
  first: z.number().int().min(1).max(50).nullish(),
});

export class SearchService {
  /** Highlights for every edge of a page, fetched in one query per search query. */
  private readonly highlightLoaders = new Map<string, DataLoader<string, repo.HighlightRow[]>>();

  constructor(private readonly deps: ServiceDeps) {}

  async searchClaims(
    args: PageArgs & { query: string; language?: string | null; filter?: unknown },
  ): Promise<SearchConnectionView> {
    const parsed = parseInput(searchArgsSchema, args, "args");
    const { size, backward } = pageDirection(args, { defaultSize: 20 });
    const query: SearchQuery = { text: parsed.query, language: parsed.language ?? "en" };
    const where = claimFilterSql(parsed.filter);
    const count = () => repo.countSearch(this.deps.prisma, query.text, query.language, where);
    // A cursor is a position in the ranking (1 is the best match): the page is the matches
    // strictly between `after` and `before`, the first `size` of them or the last.
    const afterPosition = args.after ? searchPosition(args.after, "after") : 0;
    const beforePosition = args.before ? searchPosition(args.before, "before") : null;
    const end = backward ? (beforePosition ?? (await count()) + 1) : beforePosition;
    const skip = backward && end !== null ? Math.max(afterPosition, end - 1 - size) : afterPosition;
    // Forward, one more row tells whether there is a next page; the before bound caps it.
    const take = end === null ? size + 1 : Math.max(0, Math.min(backward ? size : size + 1, end - 1 - skip));
    const rows =
      take > 0
        ? await repo.searchClaims(
            this.deps.prisma,
            query.text,
            query.language,
            where,
            take,
            skip,
            this.deps.loaders.claimChildrenShape.claimFields,
          )
        : [];
    const page = rows.slice(0, size);
    for (const claim of page) this.deps.loaders.claims.prime(claim.id, claim);
    const edges = page.map((node, index) => ({
      cursor: encodeCursor({ value: skip + index + 1, id: node.id }),
      node,
      rank: node.rank,
      query,
    }));
    return {
      edges,
      nodes: page,
      pageInfo: {
        hasNextPage: backward ? beforePosition !== null : rows.length > size || beforePosition !== null,
        hasPreviousPage: skip > 0,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      totalCount: count,
    };
  }

  async highlights(claimId: string, query: SearchQuery): Promise<SearchHighlightView[]> {
    const key = JSON.stringify(query);
    let loader = this.highlightLoaders.get(key);
    if (!loader) {
      loader = new DataLoader(async (ids: readonly string[]) =>
        groupsByKey(
          ids,
          await repo.findHighlights(this.deps.prisma, ids, query.text, query.language),
          (row) => row.claim_id,
        ),
      );
      this.highlightLoaders.set(key, loader);
    }
    const rows = await loader.load(claimId);
    return rows.map((row) => ({
      field: row.field,
      snippet: row.snippet,
      statementId: row.statement_id,
      evidenceId: row.evidence_id,
    }));
  }

  async similarClaims(args: {
    text: string;
    threshold?: number | null;
    first?: number | null;
    language?: string | null;
  }): Promise<SimilarClaimView[]> {
    const parsed = parseInput(similarArgsSchema, args, "args");
    const rows = await repo.findSimilarClaims(
      this.deps.prisma,
      parsed.text,
      args.language ?? "en",
      parsed.threshold ?? 0.3,
      parsed.first ?? 10,
    );
    return rows.map(({ similarity, ...claim }) => {
      this.deps.loaders.claims.prime(claim.id, claim);
      return { claim, similarity };
    });
  }
}

/** Search pages are ranked, so their cursor is a position in the ranking. */
/** The ranking position a search cursor names. */
function searchPosition(cursor: string, argument: "after" | "before"): number {
  const { value } = decodeCursor(cursor, argument);
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    throw new BadQueryArgumentError(argument, `\`${argument}\` is not a cursor of a search.`);
  }
  return value;
}
