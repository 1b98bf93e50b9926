// Sources: lookup, find-or-create by canonical URL (or publisher + title), edits.
import { carried } from "../../loaders/row-graphs";
import type { Source } from "../../generated/prisma/client";
import { BadQueryArgumentError, NotFoundError, UserInputError } from "../../shared/errors";
import { decodeIdOfType } from "../../shared/global-id";
import { nameKey } from "../../shared/name-key";
import { pagesByKey } from "../../shared/batch";
import {
  mapBounds,
  offsetPage,
  pageRequest,
  toConnection,
  type Connection,
  type PageArgs,
} from "../../shared/pagination";
import { findSourcesByPublishers } from "../actor/actor.repository";
import type { ServiceDeps } from "../../shared/service-deps";
import { inTransaction, type Tx } from "../../shared/transaction";
import { requirePermission } from "../auth/permissions";
import { parseInput } from "../../shared/validation";
import type { ActorService } from "../actor/actor.service";
import { canonicalUrl } from "./canonical-url";
import { sourceRefJson } from "./source-ref-json";
import * as repo from "./source.repository";
import { sourceFilterSchema, updateSourceSchema, type SourceRef } from "./source.schema";

/**
 * The identity a source is found by: its canonical URL, or its publisher and title (for
 * updateSource and bulk import; claimtrail_source_key is the same rule in SQL, and
 * tests/write-functions.test.ts compares the two).
 */
export function sourceKeyOf(source: { url: string | null; title: string; publisherId: string | null }): string {
  return source.url ? `url:${source.url}` : `title:${source.publisherId ?? "-"}:${nameKey(source.title)}`;
}

export class SourceService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly actors: ActorService,
  ) {}

  async getSource(globalId: string): Promise<Source | null> {
    const id = decodeIdOfType(globalId, "Source");
    return id ? this.deps.loaders.sources.load(id) : null;
  }

  async findByUrl(url: string): Promise<Source | null> {
    let canonical: string;
    try {
      canonical = canonicalUrl(url);
    } catch {
      throw UserInputError.single("url", "must be an absolute http(s) URL", "INVALID");
    }
    return repo.findSourceByKey(this.deps.prisma, `url:${canonical}`);
  }

  async byId(id: string): Promise<Source> {
    const source = await this.deps.loaders.sources.load(id);
    if (!source) throw new NotFoundError(`source ${id} is referenced but missing`);
    return source;
  }

  /** The source behind `row`'s foreign key `id`: the one read with the row when it came along, else byId. */
  relatedTo(row: object, id: string): Source | Promise<Source> {
    return carried<Source>(row, "source") ?? this.byId(id);
  }

  async byIds(ids: string[]): Promise<Source[]> {
    const rows = await this.deps.loaders.sources.loadMany(ids);
    return rows.filter((row): row is Source => row !== null && !(row instanceof Error));
  }

  sourcesOfPublisher(publisherId: string, args: { first?: number | null; offset?: number | null }): Promise<Source[]> {
    return this.deps.loaders.paged
      .get("sourcesByPublisher", offsetPage(args, 20), async (keys, { take, skip }) => {
        const rows = await findSourcesByPublishers(this.deps.prisma, keys, take, skip);
        return pagesByKey(
          keys,
          rows.map((row) => ({ parentId: row.id, rows: row.publishedSources })),
        );
      })
      .load(publisherId);
  }

  async listSources(args: PageArgs & { filter?: unknown }): Promise<Connection<Source>> {
    const request = mapBounds(pageRequest(args, { defaultSize: 20 }), (cursor, argument) => {
      if (typeof cursor.value !== "string" || Number.isNaN(new Date(cursor.value).getTime())) {
        throw new BadQueryArgumentError(argument, `\`${argument}\` is not a cursor of this list.`);
      }
      return { value: cursor.value, id: cursor.id };
    });
    const where = repo.sourceListWhere(parseInput(sourceFilterSchema, args.filter, "filter"));
    const rows = await repo.listSources(this.deps.prisma, where, request.size + 1, request);
    return toConnection(
      rows,
      request,
      (source) => ({ value: source.createdAt.toISOString(), id: source.id }),
      () => repo.countSources(this.deps.prisma, where),
    );
  }

  /**
   * Resolves a source reference inside a write: by ID, or by canonical URL / publisher
   * and title, creating the source when it is new. Metadata given for an existing
   * source does not overwrite it (use updateSource). The rule is claimtrail_resolve_source
   * in SQL (the write functions resolve references with it).
   */
  resolveRef(tx: Tx, ref: SourceRef, field: string): Promise<Source> {
    return repo.resolveSourceRef(tx, sourceRefJson(ref), field, this.deps.changes.context());
  }

  async updateSource(input: unknown): Promise<{ source: Source }> {
    requirePermission(this.deps.principal, "WRITE_CLAIMS");
    const data = parseInput(updateSourceSchema, input);
    return inTransaction(this.deps.prisma, async (tx) => {
      const [current] = await repo.findSourcesByIds(tx, [data.id]);
      if (!current) throw UserInputError.single("input.id", "No source has this ID.", "NOT_FOUND");
      const publisher = data.publisher ? await this.actors.resolveRef(tx, data.publisher, "input.publisher") : null;
      const title = data.title ?? current.title;
      const publisherId = publisher ? publisher.id : current.publisherId;
      const sourceKey = sourceKeyOf({ url: current.url, title, publisherId });
      if (sourceKey !== current.sourceKey && (await repo.findSourceByKey(tx, sourceKey))) {
        throw UserInputError.single("input.title", "Another source has this publisher and title.", "DUPLICATE");
      }
      const source = await repo.updateSource(tx, current.id, {
        title,
        publisherId,
        sourceKey,
        ...(data.kind ? { kind: data.kind } : {}),
        ...(data.publishedAt !== undefined ? { publishedAt: data.publishedAt } : {}),
        ...(data.retrievedAt !== undefined ? { retrievedAt: data.retrievedAt } : {}),
        ...(data.contentHash !== null ? { contentHash: data.contentHash } : {}),
        ...(data.archiveUrl ? { archiveUrl: canonicalUrl(data.archiveUrl) } : {}),
        ...(data.language ? { language: data.language } : {}),
      });
      await this.deps.changes.record(tx, {
        action: "UPDATED",
        entityType: "Source",
        entityId: source.id,
        before: current,
        after: source,
      });
      return { source };
    });
  }
}
