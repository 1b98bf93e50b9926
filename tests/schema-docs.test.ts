// The schema documents itself: everything in schema.graphql has a description, and the
// schema the server serves is schema.graphql's, descriptions (and directives such as
// @specifiedBy and @deprecated) included. The first test is what `npm run lint`'s
// require-description rule enforces, checked on the schema graphql-js builds; the second
// catches a server that answers introspection with something else (a scalar's library
// description in place of ours, say).
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  buildClientSchema,
  buildSchema,
  getIntrospectionQuery,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedDirective,
  isSpecifiedScalarType,
  lexicographicSortSchema,
  parse,
  print,
  printSchema,
  type GraphQLSchema,
  type IntrospectionQuery,
} from "graphql";
import { dataOf, startTestServer, type TestServer } from "./helpers/test-server";

const SDL = readFileSync(path.join(__dirname, "..", "schema.graphql"), "utf8");

/** Every introspection option, so that nothing the server could differ in is left out of the comparison. */
const FULL_INTROSPECTION = getIntrospectionQuery({
  descriptions: true,
  schemaDescription: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  inputValueDeprecation: true,
});

/** What has no description: `Type`, `Type.field`, `Type.field(argument)`, `Input.field`, `Enum.VALUE`. */
function undocumented(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const check = (description: string | null | undefined, name: string) => {
    if (!description?.trim()) missing.push(name);
  };
  check(schema.description, "schema");
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    check(type.description, type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        check(field.description, `${type.name}.${field.name}`);
        for (const arg of field.args) check(arg.description, `${type.name}.${field.name}(${arg.name})`);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) check(field.description, `${type.name}.${field.name}`);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) check(value.description, `${type.name}.${value.name}`);
    }
  }
  for (const directive of schema.getDirectives()) {
    if (isSpecifiedDirective(directive)) continue;
    check(directive.description, `@${directive.name}`);
    for (const arg of directive.args) check(arg.description, `@${directive.name}(${arg.name})`);
  }
  return missing;
}

/** The printed schema, sorted, one entry per definition (the schema definition as `schema`). */
function definitions(schema: GraphQLSchema): Map<string, string> {
  const document = parse(printSchema(lexicographicSortSchema(schema)));
  return new Map(
    document.definitions.map((definition) => [
      "name" in definition && definition.name ? definition.name.value : "schema",
      print(definition),
    ]),
  );
}

test("every type, field, argument, input field and enum value in schema.graphql has a description", () => {
  expect(undocumented(buildSchema(SDL))).toEqual([]);
});

describe("the served schema", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  test("is schema.graphql's, descriptions and directives included", async () => {
    const introspection = dataOf(await server.gql<IntrospectionQuery>(FULL_INTROSPECTION));
    const served = definitions(buildClientSchema(introspection));
    const declared = definitions(buildSchema(SDL));
    const differences = [...new Set([...declared.keys(), ...served.keys()])]
      .filter((name) => declared.get(name) !== served.get(name))
      .map((name) => ({ definition: name, declared: declared.get(name) ?? null, served: served.get(name) ?? null }));
    expect(differences).toEqual([]);
    expect(printSchema(lexicographicSortSchema(buildClientSchema(introspection)))).toBe(
      printSchema(lexicographicSortSchema(buildSchema(SDL))),
    );
  });
});
