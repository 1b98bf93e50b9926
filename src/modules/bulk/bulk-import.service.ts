// Bulk import: NDJSON claims (docs/BULK-FORMAT.md) streamed in, parsed and validated a
// line at a time, then written in batches (BATCH_SIZE lines per transaction, set-wise:
// batch-writer.ts), two batches at a time on two connections while the next is parsed.
// A rejected line changes nothing and
// never blocks the others: a line that fails validation or names what cannot be resolved
// is reported and left out of its batch, and a batch that fails in the database is split
// in halves, down to the failing line. Lines are matched against what exists, so
// importing a file twice changes nothing the second time.
import { ForbiddenError, UserInputError } from "../../shared/errors";
import type { ServiceDeps } from "../../shared/service-deps";
import { layers } from "../../db/db-errors";
import { inPoolTransaction } from "../../db/sql";
import { hasPermission, requirePermission } from "../auth/permissions";
import { RefRaceError } from "./batch-refs";
import { writeBatch, type ImportParts, type LockTurn, type ParsedLine, type WrittenBatch } from "./batch-writer";
import {
  MAX_LINE_BYTES,
  lineShapeError,
  noItems,
  parseLine,
  type BulkError,
  type ImportSummary,
  type ItemCounts,
  type LineReport,
} from "./bulk-format";
import { processHeapCeiling } from "./heap-ceiling";
import { readLineBatches, type RawLine } from "./line-reader";
import { RefCache } from "./ref-cache";

/** Lines per transaction: large enough that round trips do not matter, small enough to keep memory flat. */
export const DEFAULT_BATCH_SIZE = 1000;
/** Lines held for one batch at most, rejected ones included (a file of junk is reported as it streams). */
const MAX_PENDING_LINES = 10_000;
/**
 * Batches written at once, each in its own transaction: while PostgreSQL works on one,
 * this process prepares the other's statements (one batch at a time kept the two in turn,
 * each idle half the time). Their wording locks are taken in input order (LockTurn).
 */
const BATCHES_IN_FLIGHT = 2;
/** A batch that loses a deadlock, or a race to create an actor or source, to another import is tried again. */
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
  /** Lines per transaction (DEFAULT_BATCH_SIZE). */
  batchSize?: number;
  onProgress?: (progress: ImportProgress) => void;
}

/** A line read: its report already (rejected before any write), or its parsed content for a batch. */
type Entry = { number: number; offset: number } & ({ report: LineReport } | { parsed: ParsedLine });

export class BulkImportService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly parts: ImportParts,
  ) {}

  /**
   * Imports every line of `input`, handing each line's report to `emit` in input order
   * (blank lines have none). BATCHES_IN_FLIGHT batches are written while the next is read
   * and parsed; the batch after that is read only once the oldest is written and its
   * reports emitted, so memory stays flat however long the input. Needs BULK_IMPORT
   * (checked before anything is read).
   */
  async importNdjson(
    input: AsyncIterable<Buffer | string>,
    emit: (report: LineReport) => Promise<void> | void,
    options: ImportOptions = {},
  ): Promise<ImportSummary> {
    requirePermission(this.deps.principal, "BULK_IMPORT");
    const started = Date.now();
    const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
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
    const heapCeiling = processHeapCeiling();
    const emitAll = async (entries: Entry[], reports: LineReport[]) => {
      for (const [index, report] of reports.entries()) {
        count(summary, report);
        const emitted = emit(report);
        if (emitted) await emitted;
        if (index === reports.length - 1 || index % 1000 === 999) {
          options.onProgress?.({ ...statusCounts(summary), lines: summary.lines, bytes: entries[index]?.offset ?? 0 });
        }
      }
    };
    // Each batch's reports are emitted after the previous batch's, whichever is written first.
    let emitted: Promise<void> = Promise.resolve();
    let previousLocks: Promise<unknown> = Promise.resolve();
    const inFlight: Promise<void>[] = [];
    const write = (entries: Entry[]) => {
      let taken!: () => void;
      const locks = new Promise<void>((resolve) => (taken = resolve));
      const reports = this.writeEntries(entries, cache, { wait: previousLocks, taken });
      // A batch that ends without taking its locks (nothing to write, or it failed) frees the next one's turn.
      previousLocks = Promise.race([
        locks,
        reports.then(
          () => undefined,
          () => undefined,
        ),
      ]);
      emitted = emitted.then(async () => emitAll(entries, await reports));
      return emitted;
    };
    let pending: Entry[] = [];
    let parsed = 0;
    try {
      for await (const lines of readLineBatches(input, MAX_LINE_BYTES, { skipEmpty: true })) {
        heapCeiling.check();
        for (const raw of lines) {
          const entry = this.prepare(raw);
          if (!entry) continue;
          pending.push(entry);
          if ("parsed" in entry) parsed += 1;
          if (parsed >= batchSize || pending.length >= MAX_PENDING_LINES) {
            const batch = pending;
            [pending, parsed] = [[], 0];
            if (inFlight.length >= BATCHES_IN_FLIGHT) await inFlight.shift();
            inFlight.push(write(batch));
          }
        }
      }
      if (pending.length > 0) inFlight.push(write(pending));
      await emitted;
    } finally {
      // Reading or emitting failed (the client went away): let the batches in flight finish.
      await Promise.allSettled(inFlight);
    }
    summary.elapsedMs = Date.now() - started;
    return summary;
  }

  /** A line's report when it is rejected before any write, its parsed content otherwise; null for a blank line. */
  private prepare({ number, text, offset }: RawLine): Entry | null {
    if (text === null) {
      const message = `The line is longer than ${MAX_LINE_BYTES} bytes.`;
      return { number, offset, report: rejected(number, [{ field: null, message, code: "TOO_LONG" }]) };
    }
    if (text.trim() === "") return null;
    const shape = lineShapeError(text);
    if (shape) return { number, offset, report: rejected(number, [shape]) };
    try {
      const line = parseLine(text);
      if (line.verdicts.length > 0 && !hasPermission(this.deps.principal, "PUBLISH_VERDICTS")) {
        const message = "Importing verdicts needs the PUBLISH_VERDICTS permission; nothing of this line was imported.";
        return { number, offset, report: rejected(number, [{ field: "verdicts", message, code: "FORBIDDEN" }]) };
      }
      return { number, offset, parsed: { number, line } };
    } catch (error) {
      return { number, offset, report: this.rejectedFor(number, error) };
    }
  }

  /** The entries' reports in order: the parsed lines written as one batch (or fewer, see writeLines). */
  private async writeEntries(entries: Entry[], cache: RefCache, turn: LockTurn): Promise<LineReport[]> {
    const lines = entries.flatMap((entry) => ("parsed" in entry ? [entry.parsed] : []));
    const written = new Map((await this.writeLines(lines, cache, turn)).map((report) => [report.line, report]));
    return entries.map((entry) => ("report" in entry ? entry.report : written.get(entry.number)!));
  }

  /**
   * Writes `lines` in one transaction; never throws. A batch that loses a deadlock or a
   * race is tried again; one that fails otherwise is split in halves, each written on its
   * own, so that only the failing line is rejected.
   */
  private async writeLines(lines: ParsedLine[], cache: RefCache, turn: LockTurn): Promise<LineReport[]> {
    if (lines.length === 0) return [];
    for (let attempt = 1; ; attempt += 1) {
      const pending = cache.pending();
      try {
        let written: WrittenBatch | null = null;
        await inPoolTransaction(this.deps.prisma, async (sql) => {
          written = await writeBatch(sql, this.parts, this.deps.changes, cache, lines, turn, pending);
        });
        const batch = written as WrittenBatch | null;
        if (!batch) throw new Error("the batch transaction committed without its reports");
        batch.commit();
        pending.release();
        return batch.reports;
      } catch (error) {
        pending.release();
        if (attempt < MAX_ATTEMPTS && (error instanceof RefRaceError || isLockConflict(error) || isMissingRef(error))) {
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
          continue;
        }
        if (lines.length === 1) return [this.rejectedFor(lines[0]!.number, error)];
        const half = Math.ceil(lines.length / 2);
        return [
          ...(await this.writeLines(lines.slice(0, half), cache, turn)),
          ...(await this.writeLines(lines.slice(half), cache, turn)),
        ];
      }
    }
  }

  /** A line's report for what rejected it: a user error or missing permission as such, anything else logged as INTERNAL. */
  private rejectedFor(number: number, error: unknown): LineReport {
    if (error instanceof UserInputError) return rejected(number, error.errors);
    if (error instanceof ForbiddenError)
      return rejected(number, [{ field: null, message: error.message, code: "FORBIDDEN" }]);
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

/**
 * A foreign key violation (23503): a row named an actor or source that another batch of
 * the import had created and then rolled back (RefCache's pending entries).
 */
function isMissingRef(error: unknown): boolean {
  return [...layers(error)].some((layer) => layer.code === "23503");
}

/** A deadlock or serialization failure (PostgreSQL 40P01 / 40001, Prisma P2034), in any layer of the error. */
function isLockConflict(error: unknown): boolean {
  return [...layers(error)].some((layer) =>
    /40P01|40001|P2034|deadlock detected|could not serialize/.test(`${String(layer.code)} ${String(layer.message)}`),
  );
}
