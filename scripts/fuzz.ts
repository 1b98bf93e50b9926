// `npm run fuzz`: fuzzes the GraphQL API of a throwaway server on its own database.
// Runs FUZZ_RUNS cases (default 10,000) from FUZZ_SEED, prints what it tried and what
// came back, then shrinks one counterexample per distinct violation and exits 1 if any.
// The database server is TEST_DATABASE_URL (else DATABASE_URL, else an embedded one);
// a migrated template and a clone are created on it and dropped at the end.
import fc from "fast-check";
import globalSetup from "../tests/setup/global-setup";
import globalTeardown from "../tests/setup/global-teardown";
import {
  describeCase,
  FuzzSession,
  knownAreaHint,
  violationSignature,
  type Violation,
} from "../tests/helpers/fuzz-harness";
import type { FuzzCase } from "../tests/helpers/fuzz-operations";
import { startFuzzServer, type FuzzServer } from "../tests/helpers/fuzz-server";

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
/** Distinct violations to shrink (each replays requests: bounded). */
const SHRINK_FINDINGS = Number(process.env.FUZZ_SHRINK_FINDINGS ?? 12);
const MAX_SHRINKS = 150;

interface Finding {
  signature: string;
  runIndex: number;
  example: FuzzCase;
  violation: Violation;
  count: number;
}

async function main(): Promise<number> {
  if (!Number.isInteger(RUNS) || RUNS < 1 || !Number.isInteger(SEED))
    throw new Error("FUZZ_RUNS and FUZZ_SEED must be integers");
  process.env.TEST_DATABASE_URL ??= process.env.DATABASE_URL;
  await globalSetup();
  let server: FuzzServer | null = null;
  try {
    server = await startFuzzServer();
    const session = await FuzzSession.start(server);
    const arbitrary = fc.limitShrink(session.generator.anyCase(), MAX_SHRINKS);
    console.log(`fuzzing ${server.url} with ${RUNS} cases, seed ${SEED} (replay: FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS})`);

    const findings = new Map<string, Finding>();
    let runIndex = 0;
    const started = Date.now();
    await fc.check(
      fc.asyncProperty(arbitrary, async (fuzzCase) => {
        const index = runIndex;
        runIndex += 1;
        const result = await session.run(fuzzCase);
        session.stats.record(fuzzCase, result);
        for (const violation of result.violations) {
          const signature = violationSignature(fuzzCase, violation);
          const finding = findings.get(signature);
          if (finding) finding.count += 1;
          else findings.set(signature, { signature, runIndex: index, example: fuzzCase, violation, count: 1 });
        }
        if (runIndex % 1000 === 0) console.log(`  ${runIndex} cases, ${findings.size} distinct violations`);
        return true;
      }),
      { numRuns: RUNS, seed: SEED },
    );
    console.log(`\n${session.stats.report()}\n(${((Date.now() - started) / 1000).toFixed(1)} s)\n`);

    let shrunk = 0;
    for (const finding of findings.values()) {
      console.log(`VIOLATION ${finding.signature} (${finding.count} cases, first at run ${finding.runIndex})`);
      const hint = knownAreaHint(finding.example, finding.violation);
      if (hint) console.log(`  probably in a known area: ${hint}`);
      let minimal = finding.example;
      let violation = finding.violation;
      if (shrunk < SHRINK_FINDINGS) {
        shrunk += 1;
        // Replays the run that found it (same seed and index) and shrinks while the same violation persists.
        const details = await fc.check(
          fc.asyncProperty(arbitrary, async (fuzzCase) => {
            const result = await session.run(fuzzCase);
            const same = result.violations.find(
              (candidate) => violationSignature(fuzzCase, candidate) === finding.signature,
            );
            if (same) violation = same;
            return !same;
          }),
          { seed: SEED, path: String(finding.runIndex), numRuns: 1 },
        );
        const counterexample = details.counterexample?.[0];
        if (counterexample) minimal = counterexample;
        else console.log("  (did not reproduce on replay: the database had changed; showing the first example)");
      }
      console.log(`  ${violation.invariant}: ${violation.detail}`);
      console.log(indent(describeCase(minimal)));
      console.log("");
    }
    console.log(findings.size === 0 ? "no invariant violations" : `${findings.size} distinct invariant violations`);
    return findings.size === 0 ? 0 : 1;
  } finally {
    await server?.close();
    await globalTeardown();
  }
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => `    ${line}`)
    .join("\n");
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
