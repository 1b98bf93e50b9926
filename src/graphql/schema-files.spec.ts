// The schema's sources: every module that serves GraphQL has its SDL file, each type is defined by
// one file and each field declared once, and `extend type` blocks fold into the type they extend.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { buildSchema, parse, print } from "graphql";
import { loadSchemaSDL, mergeSchemaSources, readSchemaSources, type SchemaSource } from "./schema-files";

const MODULES = path.join(__dirname, "..", "modules");

const source = (file: string, sdl: string): SchemaSource => ({ file, document: parse(sdl) });

test("every module with resolvers declares its part of the schema in <module>.graphql", () => {
  const modules = readdirSync(MODULES, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  const withResolvers = modules.filter((module) =>
    readdirSync(path.join(MODULES, module.name)).some((name) => name.endsWith(".resolvers.ts")),
  );
  expect(withResolvers.length).toBeGreaterThan(10);
  const missing = withResolvers
    .map((module) => `${module.name}/${module.name}.graphql`)
    .filter((file) => !existsSync(path.join(MODULES, file)));
  expect(missing).toEqual([]);
});

test("the sources make one valid schema, each type defined by one file", () => {
  const merged = mergeSchemaSources(readSchemaSources());
  const names = merged.map(({ node }) => ("name" in node && node.name ? node.name.value : "schema"));
  expect(new Set(names).size).toBe(names.length);
  expect(() => buildSchema(loadSchemaSDL())).not.toThrow();
});

test("a type defined in two files fails, naming both", () => {
  const sources = [
    source("graphql/base.graphql", "type Query { a: Int }"),
    source("modules/x/x.graphql", "type Query"),
  ];
  expect(() => mergeSchemaSources(sources)).toThrow(
    "Query is defined in both graphql/base.graphql and modules/x/x.graphql",
  );
});

test("a field declared by two files fails, naming the one that declares it again", () => {
  const sources = [
    source("graphql/base.graphql", "type Query { a: Int }"),
    source("modules/x/x.graphql", "extend type Query { a: Int }"),
  ];
  expect(() => mergeSchemaSources(sources)).toThrow("modules/x/x.graphql: extend Query: a is declared twice");
});

test("an extension of a type no file defines fails", () => {
  const sources = [source("modules/a/a.graphql", "extend type Claim { b: Int }")];
  expect(() => mergeSchemaSources(sources)).toThrow("modules/a/a.graphql: extend Claim, which no file defines");
});

test("extensions fold into their type, after its own fields, in file order, descriptions kept", () => {
  const sources = [
    source("modules/a/a.graphql", 'extend type Claim { "From a." fromA: Int }'),
    source("modules/claim/claim.graphql", '"A claim." type Claim { id: ID! }'),
    source("modules/z/z.graphql", "extend type Claim { fromZ: Int }"),
  ];
  const merged = mergeSchemaSources(sources);
  expect(merged.map(({ file }) => file)).toEqual(["modules/claim/claim.graphql"]);
  expect(print(merged[0]!.node)).toBe(
    '"A claim."\ntype Claim {\n  id: ID!\n  "From a."\n  fromA: Int\n  fromZ: Int\n}',
  );
});
