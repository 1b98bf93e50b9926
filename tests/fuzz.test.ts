// Property-based fuzzing of the GraphQL API (a few hundred cases; `npm run fuzz` runs
// thousands): operations generated from schema.graphql with valid and hostile values,
// broken documents and bodies, each checked against the server's invariants.
// Replay a failure with FUZZ_SEED=<seed> (printed with the counterexample).
import fc from "fast-check";
import { describeCase, FuzzSession, type CaseResult } from "./helpers/fuzz-harness";
import { startFuzzServer, type FuzzServer } from "./helpers/fuzz-server";
import { BROKEN_BODIES, SHAPE_DOCUMENTS } from "./helpers/fuzz-documents";
import type { FuzzCase } from "./helpers/fuzz-operations";

const SEED = Number(process.env.FUZZ_SEED ?? 20_240_619);
/** Shrinking replays requests against the database: bound the steps, keep the smallest case found. */
const MAX_SHRINKS = 60;

let server: FuzzServer;
let session: FuzzSession;

beforeAll(async () => {
  server = await startFuzzServer();
  session = await FuzzSession.start(server);
});

afterAll(async () => {
  await server?.close();
});

async function checkCase(fuzzCase: FuzzCase): Promise<void> {
  const result: CaseResult = await session.run(fuzzCase);
  if (result.violations.length > 0) {
    throw new Error(
      `${result.violations.map((violation) => `${violation.invariant}: ${violation.detail}`).join("\n")}\n${describeCase(fuzzCase, 500)}`,
    );
  }
}

function assertProperty(arbitrary: fc.Arbitrary<FuzzCase>, numRuns: number): Promise<void> {
  return fc
    .assert(fc.asyncProperty(fc.limitShrink(arbitrary, MAX_SHRINKS), checkCase), {
      numRuns,
      seed: SEED,
      includeErrorInReport: true,
    })
    .catch((error: unknown) => {
      throw new Error(`fuzz failure (seed ${SEED}; rerun with FUZZ_SEED=${SEED})\n${String(error)}`);
    });
}

describe("fuzzing the GraphQL API", () => {
  it("answers valid and hostile operations without 500s, leaks or partial writes", async () => {
    await assertProperty(
      fc.oneof(session.generator.operationCase("valid"), session.generator.operationCase("hostile")),
      220,
    );
  }, 120_000);

  it("answers broken documents and bodies with coded client errors", async () => {
    await assertProperty(
      fc.oneof(
        { weight: 3, arbitrary: session.generator.invalidDocumentCase() },
        { weight: 1, arbitrary: session.generator.bodyCase() },
      ),
      80,
    );
  }, 120_000);

  // Each fixed broken document and body once, so that none depends on the seed drawing it.
  it.each([
    ...SHAPE_DOCUMENTS.map(({ name, query }): FuzzCase => ({
      kind: "invalid",
      operation: "raw",
      rootField: `(${name})`,
      query,
      key: "none",
    })),
    ...BROKEN_BODIES.map(({ name, body, contentType }): FuzzCase => ({
      kind: "body",
      operation: "raw",
      rootField: `(${name})`,
      query: body,
      contentType,
      key: "none",
    })),
  ])("keeps the invariants for $rootField", checkCase);
});
