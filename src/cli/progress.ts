// Progress of `claimtrail import` and `export` on stderr: a live bar when stderr is a
// terminal, nothing until the final summary line otherwise (logs and CI output stay clean).
import { Presets, SingleBar } from "cli-progress";
import type { ImportSummary } from "../modules/bulk/bulk-format";
import type { ImportProgress } from "../modules/bulk/bulk-import.service";

type Stream = NodeJS.WriteStream;

function perSecond(count: number, startedAt: number): string {
  const seconds = Math.max((Date.now() - startedAt) / 1000, 0.001);
  return (count / seconds).toFixed(0);
}

/** Import progress: input bytes read against the file's size (when known), lines, rate and outcomes. */
export function importProgress(stream: Stream, totalBytes: number | null) {
  const startedAt = Date.now();
  const counts =
    "{lines} lines | {rate} lines/s | created {created} updated {updated} matched {matched} rejected {rejected}";
  const bar = stream.isTTY
    ? new SingleBar(
        {
          stream,
          fps: 5,
          hideCursor: true,
          format: totalBytes ? `importing {bar} {percentage}% | ${counts}` : `importing | ${counts}`,
        },
        Presets.shades_classic,
      )
    : null;
  const payload = (progress: ImportProgress) => ({ ...progress, rate: perSecond(progress.lines, startedAt) });
  bar?.start(totalBytes ?? 1, 0, payload({ lines: 0, bytes: 0, created: 0, updated: 0, matched: 0, rejected: 0 }));
  return {
    update(progress: ImportProgress): void {
      bar?.update(totalBytes ? progress.bytes : 0, payload(progress));
    },
    done(summary: ImportSummary): void {
      bar?.stop();
      const { lines, created, updated, matched, rejected, elapsedMs } = summary;
      const rate = (lines / Math.max(elapsedMs / 1000, 0.001)).toFixed(0);
      stream.write(
        `imported ${lines} lines in ${(elapsedMs / 1000).toFixed(1)} s (${rate} lines/s): ` +
          `${created} created, ${updated} updated, ${matched} matched, ${rejected} rejected\n`,
      );
    },
    fail(): void {
      bar?.stop();
    },
  };
}

/** Export progress: claims written against the claims to export. */
export function exportProgress(stream: Stream, total: number) {
  const startedAt = Date.now();
  const bar = stream.isTTY
    ? new SingleBar(
        {
          stream,
          fps: 5,
          hideCursor: true,
          format: "exporting {bar} {percentage}% | {value}/{total} claims | {rate} claims/s",
        },
        Presets.shades_classic,
      )
    : null;
  bar?.start(total, 0, { rate: "0" });
  return {
    update(claims: number): void {
      bar?.update(claims, { rate: perSecond(claims, startedAt) });
    },
    done(claims: number): void {
      bar?.stop();
      const seconds = (Date.now() - startedAt) / 1000;
      stream.write(`exported ${claims} claims in ${seconds.toFixed(1)} s (${perSecond(claims, startedAt)} claims/s)\n`);
    },
    fail(): void {
      bar?.stop();
    },
  };
}
