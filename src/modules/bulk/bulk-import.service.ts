// Bulk import: NDJSON claims (docs/BULK-FORMAT.md) streamed in, each line in its own
// transaction (a rejected line changes nothing, the others go on), a few lines at a time,
// matched against what exists so that importing a file twice changes nothing the second time.
import { ForbiddenError, UserInputError } from "../../shared/errors";
import type { ServiceDeps } from "../../shared/service-deps";
import { inTransaction } from "../../shared/transaction";
import { hasPermission, requirePermission } from "../auth/permissions";
import {
  MAX_LINE_BYTES,
  noItems,
  parseLine,
  type BulkError,
  type BulkLine,
  type ImportSummary,
  type ItemCounts,
  type LineReport,
} from "./bulk-format";
import { writeLine, type ImportParts } from "./bulk-line-writer";
import { readLines } from "./line-reader";
import { RefCache, type LineRefs } from "./ref-cache";

/** Lines in flight at once: enough to overlap round trips, few enough to keep memory flat. */
export const DEFAULT_IMPORT_CONCURRENCY = 4;
/** A line that loses a deadlock to another line (both creating the same new actors) is tried again. */
const MAX_ATTEMPTS = 5;

export interface ImportProgress {
  lines: number;
  /** Input bytes consumed so far. */
  bytes: number;
  created: number;
  updated: number;
  matched: number;
  rejected: number;
}

export interface ImportOptions {
  concurrency?: number;
  onProgress?: (progress: ImportProgress) => void;
}

export class BulkImportService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly parts: ImportParts,
  ) {}

  /**
   * Imports every line of `input`, handing each line's report to `emit` in input order
   * (blank lines have none). At most `concurrency` lines are in flight, and the next line
   * is read only when one is done and `emit` has returned, so memory stays flat however
   * long the input. Needs BULK_IMPORT (checked before anything is read).
   */
  async importNdjson(
    input: AsyncIterable<Buffer | string>,
    emit: (report: LineReport) => Promise<void> | void,
    options: ImportOptions = {},
  ): Promise<ImportSummary> {
    requirePermission(this.deps.principal, "BULK_IMPORT");
    const started = Date.now();
    const concurrency = Math.max(1, options.concurrency ?? DEFAULT_IMPORT_CONCURRENCY);
    const summary: ImportSummary = {
      lines: 0,
      created: 0,
      updated: 0,
      matched: 0,
      rejected: 0,
      items: { created: noItems(), matched: noItems() },
      elapsedMs: 0,
    };
    const cache = new RefCache();
    const inFlight: { offset: number; report: Promise<LineReport | null> }[] = [];
    const settle = async () => {
      const head = inFlight.shift();
      const report = head && (await head.report);
      if (!head || !report) return;
      count(summary, report);
      options.onProgress?.({ ...statusCounts(summary), lines: summary.lines, bytes: head.offset });
      await emit(report);
    };
    try {
      for await (const line of readLines(input, MAX_LINE_BYTES)) {
        inFlight.push({ offset: line.offset, report: this.importLine(line.number, line.text, cache) });
        if (inFlight.length >= concurrency) await settle();
      }
      while (inFlight.length > 0) await settle();
    } finally {
      // Reading or emitting failed (the client went away): let the lines in flight finish.
      await Promise.allSettled(inFlight.map((entry) => entry.report));
    }
    summary.elapsedMs = Date.now() - started;
    return summary;
  }

  /**
   * Imports one line in its own transaction; null for a blank line. Never throws.
   * `cache` carries the actors and sources resolved by the import's earlier lines.
   */
  async importLine(number: number, text: string | null, cache = new RefCache()): Promise<LineReport | null> {
    if (text === null) {
      return rejected(number, [
        { field: null, message: `The line is longer than ${MAX_LINE_BYTES} bytes.`, code: "TOO_LONG" },
      ]);
    }
    if (text.trim() === "") return null;
    let line: BulkLine;
    try {
      line = parseLine(text);
    } catch (error) {
      if (error instanceof UserInputError) return rejected(number, error.errors);
      return this.failed(number, error);
    }
    if (line.verdicts.length > 0 && !hasPermission(this.deps.principal, "PUBLISH_VERDICTS")) {
      const message = "Importing verdicts needs the PUBLISH_VERDICTS permission; nothing of this line was imported.";
      return rejected(number, [{ field: "verdicts", message, code: "FORBIDDEN" }]);
    }
    for (let attempt = 1; ; attempt += 1) {
      try {
        let refs: LineRefs | null = null;
        const report = await inTransaction(this.deps.prisma, (tx) => {
          refs = cache.forLine(tx, this.parts);
          return writeLine(tx, this.parts, refs, number, line);
        });
        (refs as LineRefs | null)?.commit();
        return report;
      } catch (error) {
        if (error instanceof UserInputError) return rejected(number, error.errors);
        if (error instanceof ForbiddenError) {
          return rejected(number, [{ field: null, message: error.message, code: "FORBIDDEN" }]);
        }
        if (attempt < MAX_ATTEMPTS && isLockConflict(error)) {
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
          continue;
        }
        return this.failed(number, error);
      }
    }
  }

  private failed(number: number, error: unknown): LineReport {
    this.deps.logger.error({ err: error, line: number }, "bulk import of line %d failed", number);
    const message = "The line could not be imported because of a server error (logged); nothing of it was written.";
    return rejected(number, [{ field: null, message, code: "INTERNAL" }]);
  }
}

function rejected(line: number, errors: BulkError[]): LineReport {
  return { line, status: "rejected", claimId: null, created: noItems(), matched: noItems(), errors };
}

function count(summary: ImportSummary, report: LineReport): void {
  summary.lines += 1;
  summary[report.status] += 1;
  addCounts(summary.items.created, report.created);
  addCounts(summary.items.matched, report.matched);
}

function addCounts(total: ItemCounts, add: ItemCounts): void {
  total.statements += add.statements;
  total.evidence += add.evidence;
  total.verdicts += add.verdicts;
}

function statusCounts(summary: ImportSummary) {
  const { created, updated, matched, rejected } = summary;
  return { created, updated, matched, rejected };
}

/** A deadlock or serialization failure (PostgreSQL 40P01 / 40001, Prisma P2034), anywhere in the error's causes. */
function isLockConflict(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth += 1) {
    const { code, message, meta, cause } = current as {
      code?: unknown;
      message?: unknown;
      meta?: unknown;
      cause?: unknown;
    };
    const text = `${String(code)} ${String(message)} ${JSON.stringify(meta ?? null)}`;
    if (/40P01|40001|P2034|deadlock detected|could not serialize/.test(text)) return true;
    current = cause;
  }
  return false;
}
