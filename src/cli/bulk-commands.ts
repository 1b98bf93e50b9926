// `claimtrail import` and `claimtrail export`: streams between files (or stdin/stdout) and
// the bulk services. The benchmark (bench/import.ts) runs imports through runImport too.
import type { Readable, Writable } from "node:stream";
import type { Services } from "../modules/services";
import type { ImportSummary, LineReport } from "../modules/bulk/bulk-format";
import type { ImportProgress } from "../modules/bulk/bulk-import.service";
import { writeText } from "../modules/bulk/write-text";

export interface ImportRun {
  input: Readable;
  /** Where the NDJSON report goes. */
  report: Writable;
  /** Report every line (default), or only rejected lines and the summary. */
  reportAll?: boolean;
  /** Lines per transaction (the service's default). */
  batchSize?: number;
  onProgress?: (progress: ImportProgress) => void;
}

export async function runImport(services: Services, run: ImportRun): Promise<ImportSummary> {
  const reportAll = run.reportAll ?? true;
  const summary = await services.bulkImport.importNdjson(
    run.input,
    (report: LineReport) => (reportAll || report.status === "rejected" ? writeLine(run.report, report) : undefined),
    { batchSize: run.batchSize, onProgress: run.onProgress },
  );
  await writeLine(run.report, { summary });
  return summary;
}

export interface ExportRun {
  output: Writable;
  since?: Date | null;
  onProgress?: (claims: number) => void;
}

/** Writes every claim; returns how many. */
export async function runExport(services: Services, run: ExportRun): Promise<number> {
  let claims = 0;
  for await (const line of services.bulkExport.exportClaims({ since: run.since ?? null })) {
    await writeText(run.output, `${line}\n`);
    claims += 1;
    run.onProgress?.(claims);
  }
  return claims;
}

function writeLine(out: Writable, value: unknown): Promise<void> {
  return writeText(out, `${JSON.stringify(value)}\n`);
}
