// Bulk export: every claim with its live statements, evidence and verdicts as NDJSON in
// the import format (docs/BULK-FORMAT.md), read in keyset pages and produced line by
// line, so a consumer that reads slowly holds the export back instead of filling memory.
import { groupsByKey } from "../../shared/batch";
import type { ServiceDeps } from "../../shared/service-deps";
import { findActorsByIds, findAliasesByActorIds } from "../actor/actor.repository";
import { requirePermission } from "../auth/permissions";
import { findSourcesByIds } from "../source/source.repository";
import { exportLine, type ExportGraph } from "./bulk-export-lines";
import * as repo from "./bulk-export.repository";

export const EXPORT_PAGE_SIZE = 500;

export interface ExportOptions {
  /** Only claims updated (they or anything under them) at or after this time. */
  since?: Date | null;
  pageSize?: number;
}

export class BulkExportService {
  constructor(private readonly deps: ServiceDeps) {}

  /** How many claims an export with these options writes (for progress). Needs BULK_EXPORT. */
  countClaims(options: ExportOptions = {}): Promise<number> {
    requirePermission(this.deps.principal, "BULK_EXPORT");
    return repo.countExportClaims(this.deps.prisma, options.since ?? null);
  }

  /**
   * The export's lines (JSON text without the line break), one claim each. Needs
   * BULK_EXPORT, checked now rather than when the first line is asked for.
   */
  exportClaims(options: ExportOptions = {}): AsyncGenerator<string> {
    requirePermission(this.deps.principal, "BULK_EXPORT");
    return this.lines(options.since ?? null, options.pageSize ?? EXPORT_PAGE_SIZE);
  }

  private async *lines(since: Date | null, pageSize: number): AsyncGenerator<string> {
    let after: repo.ExportCursor | null = null;
    for (;;) {
      const claims = await repo.findExportClaimPage(this.deps.prisma, after, since, pageSize);
      if (claims.length === 0) return;
      const graph = await this.loadGraph(claims.map((claim) => claim.id));
      for (const claim of claims) yield JSON.stringify(exportLine(claim, graph));
      if (claims.length < pageSize) return;
      after = claims.at(-1) ?? null;
    }
  }

  /** Everything a page of claims refers to, in six queries whatever the page's size. */
  private async loadGraph(claimIds: string[]): Promise<ExportGraph> {
    const db = this.deps.prisma;
    const [statements, evidence, verdicts] = await Promise.all([
      repo.findLiveStatements(db, claimIds),
      repo.findLiveEvidence(db, claimIds),
      repo.findLiveVerdicts(db, claimIds),
    ]);
    const statementIds = statements.map((row) => row.id);
    const evidenceIds = evidence.map((row) => row.id);
    const hops = await repo.findHopsOf(db, statementIds, evidenceIds);
    const sourceIds = unique([
      ...statements.map((row) => row.sourceId),
      ...evidence.map((row) => row.sourceId),
      ...hops.map((hop) => hop.sourceId),
    ]);
    const sources = await findSourcesByIds(db, sourceIds);
    const actorIds = unique([
      ...statements.map((row) => row.actorId),
      ...evidence.map((row) => row.actorId),
      ...verdicts.map((row) => row.reviewerId),
      ...hops.map((hop) => hop.actorId),
      ...sources.map((source) => source.publisherId),
    ]);
    const [actors, aliases] = await Promise.all([findActorsByIds(db, actorIds), findAliasesByActorIds(db, actorIds)]);
    return {
      statementsByClaim: grouped(claimIds, statements, (row) => row.claimId),
      evidenceByClaim: grouped(claimIds, evidence, (row) => row.claimId),
      verdictsByClaim: grouped(claimIds, verdicts, (row) => row.claimId),
      hopsByStatement: grouped(statementIds, hops, (hop) => hop.statementId ?? ""),
      hopsByEvidence: grouped(evidenceIds, hops, (hop) => hop.evidenceId ?? ""),
      actors: new Map(actors.map((actor) => [actor.id, actor])),
      aliases: new Map(
        groupsByKey(actorIds, aliases, (row) => row.actorId).map((rows, index) => [
          actorIds[index] ?? "",
          rows.map((row) => row.alias),
        ]),
      ),
      sources: new Map(sources.map((source) => [source.id, source])),
    };
  }
}

function unique(ids: (string | null)[]): string[] {
  return [...new Set(ids.filter((id): id is string => id !== null))];
}

function grouped<R>(keys: string[], rows: R[], keyOf: (row: R) => string): Map<string, R[]> {
  const groups = groupsByKey(keys, rows, keyOf);
  return new Map(keys.map((key, index) => [key, groups[index] ?? []]));
}
