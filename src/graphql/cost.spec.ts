// The default limits let every operation of the README and the benchmark through, and the
// cost model prices what it says it prices.
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  buildSchema,
  GraphQLError,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isNonNullType,
  type GraphQLNamedType,
  Kind,
  parse,
  validate,
  type OperationDefinitionNode,
  type TypeNode,
} from "graphql";
import { M1, Q1, Q2, Q3 } from "../../bench/queries";
import { CostCache, operationCost, QueryTooComplexError } from "./cost";
import { DEFAULT_REQUEST_LIMITS, limitParseOptions, limitValidationRules } from "./limits";

const root = path.join(__dirname, "..", "..");
const schema = buildSchema(readFileSync(path.join(root, "schema.graphql"), "utf8"));
const limits = DEFAULT_REQUEST_LIMITS;

function readmeOperations(): string[] {
  const readme = readFileSync(path.join(root, "README.md"), "utf8");
  return [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]!);
}

function namedTypeOf(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedTypeOf(type.type);
}

/** A value of `type` that coerces: required input fields filled in, recursively. */
function placeholder(type: GraphQLNamedType | null | undefined): unknown {
  if (isEnumType(type)) return type.getValues()[0]?.name;
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined) {
        value[field.name] = placeholder(getNamedType(field.type));
      }
    }
    return value;
  }
  if (type?.name === "Int" || type?.name === "Float") return 1;
  if (type?.name === "Boolean") return true;
  return "x";
}

function costOf(query: string, variables?: Record<string, unknown>): number {
  const document = parse(query, limitParseOptions(limits));
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  const fragments = document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION);
  return Math.max(
    ...operations.map((operation) => {
      // An example's variables are not in the README: any value stands in (page sizes then
      // count at their defaults).
      const given: Record<string, unknown> = { ...variables };
      for (const definition of operation.variableDefinitions ?? []) {
        given[definition.variable.name.value] ??= placeholder(schema.getType(namedTypeOf(definition.type)));
      }
      // One operation at a time (a README block may hold several anonymous ones).
      const single = { ...document, definitions: [operation, ...fragments] };
      return operationCost(schema, single, given, operation.name?.value, limits.maxCost);
    }),
  );
}

describe("the default limits", () => {
  const examples = readmeOperations();

  test("the README has GraphQL examples to check", () => {
    expect(examples.length).toBeGreaterThan(10);
  });

  test.each([
    ...examples.map((query, index) => [`README example ${index + 1}`, query] as const),
    ["bench Q1", Q1],
    ["bench Q2", Q2],
    ["bench Q3", Q3],
    ["bench M1", M1],
  ] as [string, string][])("let %s through (tokens, depth, aliases, directives, cost)", (_name, query) => {
    const document = parse(query, limitParseOptions(limits));
    const limitErrors = validate(schema, document, limitValidationRules(limits));
    expect(limitErrors).toEqual([]);
    expect(costOf(query)).toBeLessThanOrEqual(limits.maxCost);
  });
});

describe("the cost model", () => {
  test("multiplies nested lists by their page sizes and counts each object once", () => {
    // 10 claims × (1 + 5 statements × (1 + actor 1)).
    expect(costOf(`{ claims(first: 10) { nodes { id statements(first: 5) { id actor { name } } } } }`)).toBe(110);
  });

  test("prices a list without `first` at the field's default page size", () => {
    expect(costOf(`{ claims { totalCount } }`)).toBe(20);
    expect(costOf(`{ claim(id: "x") { statements { id } evidence { id } } }`)).toBe(1 + 50 + 50);
  });

  test("charges search and similarity more than a list, and each mutation 10 more than its payload", () => {
    expect(costOf(`{ searchClaims(query: "arms", first: 1) { nodes { id } } }`)).toBe(100 + 1);
    expect(costOf(`{ similarClaims(text: "arms", first: 1) { score } }`)).toBe(100 + 1);
    expect(costOf(`mutation { createClaim(input: { text: "x" }) { claim { id } } }`)).toBe(10 + 1 + 1);
  });

  test("skips what @skip and @include leave out, and reads page sizes from variables", () => {
    expect(costOf(`query ($n: Int) { claims(first: $n) { nodes { id } } }`, { n: 42 })).toBe(42);
    expect(costOf(`{ claims(first: 5) @skip(if: true) { nodes { id } } __typename }`)).toBe(0);
  });

  test("counts fragments as often as they are spread", () => {
    const query = `{ a: claims(first: 3) { ...Page } b: claims(first: 3) { ...Page } }
      fragment Page on ClaimConnection { nodes { id statements(first: 2) { id } } }`;
    expect(costOf(query)).toBe(2 * 3 * (1 + 2));
  });

  test("refuses to price a document whose fragments expand past the node limit", () => {
    const fragments = ["fragment G0 on Query { __typename }"];
    for (let i = 1; i <= 20; i += 1) fragments.push(`fragment G${i} on Query { ...G${i - 1} ...G${i - 1} }`);
    expect(() => costOf(`{ ...G20 } ${fragments.join(" ")}`)).toThrow(QueryTooComplexError);
  });

  test("a wrongly typed variable is reported as the GraphQL error execution would give", () => {
    expect(() => costOf(`query ($n: Int) { claims(first: $n) { nodes { id } } }`, { n: "many" })).toThrow(GraphQLError);
  });
});

describe("the cost cache", () => {
  test("keeps one price per value of the variables a price depends on, and ignores the others", () => {
    const cache = new CostCache();
    const document = parse(`query ($n: Int, $skip: Boolean!, $id: ID!, $q: String) {
      claims(first: $n, filter: { text: $q }) @skip(if: $skip) { nodes { id } }
      claim(id: $id) { id }
    }`);
    const price = (variables: Record<string, unknown>) =>
      cache.operationCost(schema, document, variables, undefined, 1e9);
    expect(price({ n: 5, skip: false, id: "a", q: "x" })).toBe(5 + 1);
    expect(price({ n: 7, skip: false, id: "b", q: "y" })).toBe(7 + 1);
    expect(price({ n: 7, skip: true, id: "c", q: "z" })).toBe(1);
    expect(price({ n: 5, skip: false, id: "d", q: "w" })).toBe(5 + 1);
  });

  test("a page size inside an input object or list variable is a priced variable too", () => {
    const cache = new CostCache();
    const document = parse(`query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`);
    expect(cache.operationCost(schema, document, { ids: ["a", "b"] }, undefined, 1e9)).toBe(2);
    expect(cache.operationCost(schema, document, { ids: ["a", "b", "c"] }, undefined, 1e9)).toBe(3);
  });

  test("remembers that a document is too large to price", () => {
    const cache = new CostCache();
    const fragments = ["fragment G0 on Query { __typename }"];
    for (let i = 1; i <= 20; i += 1) fragments.push(`fragment G${i} on Query { ...G${i - 1} ...G${i - 1} }`);
    const document = parse(`{ ...G20 } ${fragments.join(" ")}`);
    const refusal = (): unknown => {
      try {
        cache.operationCost(schema, document, {}, undefined, 1e9);
      } catch (error) {
        return error;
      }
      return null;
    };
    const first = refusal();
    expect(first).toBeInstanceOf(QueryTooComplexError);
    // The same refusal, not a second walk of the document.
    expect(refusal()).toBe(first);
  });
});
