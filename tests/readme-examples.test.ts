// The README's GraphQL examples, run against the seed case (what `npm start` loads), so
// that they cannot drift from the API: every ```graphql block parses and validates against
// the served schema (one operation per block, or named operations); every query block runs
// without errors (`$id` is claim 1); and where a ```json block shows its answer, what it
// shows is in the real answer: every field it names with the value it gives, array
// elements in order (a trimmed example may leave elements out), "…" standing for the rest.
import { readFileSync } from "node:fs";
import path from "node:path";
import { buildSchema, Kind, OperationTypeNode, parse, print, validate, type OperationDefinitionNode } from "graphql";
import pino from "pino";
import { loadSeedCaseOnce } from "../src/seed/load-seed-case";
import { startTestServer, type TestServer } from "./helpers/test-server";

const ROOT = path.join(__dirname, "..");
const README = readFileSync(path.join(ROOT, "README.md"), "utf8");
const schema = buildSchema(readFileSync(path.join(ROOT, "schema.graphql"), "utf8"));

interface Example {
  line: number;
  source: string;
  /** The ```json block that shows its answer, when the next code block is one and no prose heading comes between. */
  shown: unknown;
}

function examples(): Example[] {
  const found: Example[] = [];
  const blocks = [...README.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)];
  blocks.forEach((block, index) => {
    if (block[1] !== "graphql") return;
    const line = README.slice(0, block.index).split("\n").length;
    const next = blocks[index + 1];
    const between = next ? README.slice((block.index ?? 0) + block[0].length, next.index) : "";
    const shown = next?.[1] === "json" && !/^#/m.test(between) ? (JSON.parse(next[2] ?? "null") as unknown) : undefined;
    found.push({ line, source: block[2] ?? "", shown });
  });
  return found;
}

/** `expected` is in `actual`: objects by the keys it names, arrays as an in-order subsequence ("…": the rest). */
function contains(expected: unknown, actual: unknown): boolean {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return false;
    let at = 0;
    for (const item of expected) {
      if (item === "…") return true;
      while (at < actual.length && !contains(item, actual[at])) at += 1;
      if (at === actual.length) return false;
      at += 1;
    }
    return true;
  }
  if (expected !== null && typeof expected === "object") {
    if (actual === null || typeof actual !== "object" || Array.isArray(actual)) return false;
    const record = actual as Record<string, unknown>;
    return Object.entries(expected).every(([key, value]) => key in record && contains(value, record[key]));
  }
  return expected === actual;
}

/** `shown` in the answer, as a whole (`{"data": ...}`) or as one of its subtrees (an example showing only a field's value). */
function appearsIn(shown: unknown, answer: unknown): boolean {
  if (contains(shown, answer)) return true;
  if (answer !== null && typeof answer === "object")
    return Object.values(answer).some((child) => appearsIn(shown, child));
  return false;
}

let server: TestServer;
let claimOne: string;

beforeAll(async () => {
  server = await startTestServer();
  await loadSeedCaseOnce(server.prisma, pino({ level: "silent" }));
  const first = (
    await server.gql(`{ claims(first: 1, orderBy: { field: CREATED_AT, direction: ASC }) { nodes { id text } } }`)
  ).data as { claims: { nodes: { id: string; text: string }[] } };
  claimOne = first.claims.nodes[0]?.id ?? "";
});
afterAll(() => server.close());

const all = examples();

test("the README has GraphQL examples to check", () => {
  expect(all.length).toBeGreaterThan(5);
});

describe.each(all.map((example) => [example.line, example] as const))("README line %i", (_line, example) => {
  test("parses and validates against the schema", () => {
    const errors = validate(schema, parse(example.source)).map((error) => error.message);
    expect(errors).toEqual([]);
  });

  // Queries run (each on its own, when a block holds several operations); mutations are only validated.
  const queries = parse(example.source).definitions.filter(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION &&
      definition.operation === OperationTypeNode.QUERY &&
      (definition.variableDefinitions ?? []).every((variable) => variable.variable.name.value === "id"),
  );
  if (queries.length > 0)
    test("runs on the seed case without errors, and answers what the README shows", async () => {
      for (const query of queries) {
        // With a key: some examples read what only a key may (webhook deliveries, history).
        const response = (await server.gql(print(query), { id: claimOne }, { key: server.adminKey })) as {
          data?: unknown;
          errors?: unknown[];
        };
        expect(response.errors ?? []).toEqual([]);
        if (example.shown !== undefined && queries.length === 1) {
          const shown = (example.shown as { data?: unknown }).data ?? example.shown;
          if (!appearsIn(shown, response)) {
            throw new Error(
              `README line ${example.line} shows\n${JSON.stringify(shown, null, 2)}\nbut the API answers\n${JSON.stringify(response.data, null, 2)}`,
            );
          }
        }
      }
    });
});
