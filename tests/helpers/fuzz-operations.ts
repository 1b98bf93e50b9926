// Generates GraphQL requests from the schema for the fuzzer: operations on a random root
// field with arguments built from their types (inline literals or $variables), selection
// sets up to three levels deep, and documents and bodies that are invalid on purpose.
import fc from "fast-check";
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from "graphql";
import { loadTypeDefs } from "../../src/app";
import { BROKEN_BODIES, SHAPE_DOCUMENTS, tokenArb } from "./fuzz-documents";
import {
  anyString,
  badIntValue,
  dateTimeString,
  floatValue,
  garbageId,
  intValue,
  jsonDocument,
  keyChoice,
  languageTag,
  normalText,
  urlString,
  validLanguageTag,
  validUrl,
  type KeyChoice,
} from "./fuzz-values";

/** valid: well-formed values; hostile: hostile values and broken inputs in a parseable document; invalid: a broken document; body: a broken HTTP body. */
export type CaseKind = "valid" | "hostile" | "invalid" | "body";

export interface FuzzCase {
  kind: CaseKind;
  operation: "query" | "mutation" | "raw";
  /** The root field asked for (for invalid documents and bodies: what was broken). */
  rootField: string;
  /** The document; for `body` cases, the raw request body. */
  query: string;
  variables?: Record<string, unknown>;
  key: KeyChoice;
  /** For `body` cases: the content type sent. */
  contentType?: string;
}

/** Global IDs of real rows, by type (filled from the seeded database). */
export type IdPool = Record<string, string[]>;

type Gen = fc.GeneratorValue;

const OMIT = Symbol("omit");
/** An enum value in a literal, printed bare. */
class EnumLiteral {
  constructor(readonly name: string) {}
  toJSON(): string {
    return this.name;
  }
}

export function loadFuzzSchema(): GraphQLSchema {
  return buildSchema(loadTypeDefs());
}

function pick<T>(g: Gen, items: readonly T[]): T {
  if (items.length === 0) throw new Error("pick from an empty list");
  return g(() => fc.constantFrom(...items));
}

/** True with probability `percent`/100. */
function chance(g: Gen, percent: number): boolean {
  return g(() => fc.integer({ min: 0, max: 99 })) < percent;
}

/** Which kind of row an ID argument names, guessed from where it appears. */
function idTypeFor(parent: string, name: string): string | null {
  const key = `${parent}.${name}`;
  if (/^MergeClaimsInput\.(sourceId|targetId)$/.test(key)) return "Claim";
  if (/^RetractInput\./.test(key)) return null;
  if (/^(Revoke)?ApiKey/.test(parent) || /apiKey/i.test(name)) return "ApiKey";
  if (/Webhook/.test(parent) || /endpoint/i.test(name)) return "WebhookEndpoint";
  if (/claim/i.test(name)) return "Claim";
  if (/^(saidBy|publisher|reviewer)$/.test(name) || /^(ActorRefInput|UpdateActorInput)\./.test(key)) return "Actor";
  if (/^(SourceRefInput|UpdateSourceInput)\./.test(key) || name === "source") return "Source";
  if (/^actor/.test(parent) || /^actor/i.test(name)) return "Actor";
  return null;
}

export class OperationGenerator {
  private readonly queryType: GraphQLObjectType;
  private readonly mutationType: GraphQLObjectType;
  private readonly allPoolIds: string[];

  constructor(
    readonly schema: GraphQLSchema,
    private readonly pool: IdPool,
  ) {
    const query = schema.getQueryType();
    const mutation = schema.getMutationType();
    if (!query || !mutation) throw new Error("the schema has no Query or Mutation type");
    this.queryType = query;
    this.mutationType = mutation;
    this.allPoolIds = Object.values(pool).flat();
    if (this.allPoolIds.length === 0) throw new Error("the ID pool is empty: seed the database first");
  }

  rootFields(operation: "query" | "mutation"): string[] {
    return Object.keys((operation === "query" ? this.queryType : this.mutationType).getFields());
  }

  /** Any case: mostly operations on the schema, some broken documents and bodies. */
  anyCase(): fc.Arbitrary<FuzzCase> {
    return fc.oneof(
      { weight: 4, arbitrary: this.operationCase("valid") },
      { weight: 4, arbitrary: this.operationCase("hostile") },
      { weight: 2, arbitrary: this.invalidDocumentCase() },
      { weight: 1, arbitrary: this.bodyCase() },
    );
  }

  operationCase(kind: "valid" | "hostile"): fc.Arbitrary<FuzzCase> {
    return fc.gen().map((g) => this.buildOperation(g, kind));
  }

  private buildOperation(g: Gen, kind: "valid" | "hostile"): FuzzCase {
    const operation = chance(g, 50) ? "mutation" : "query";
    const rootType = operation === "query" ? this.queryType : this.mutationType;
    const field = pick(g, Object.values(rootType.getFields()));
    const builder = new DocumentBuilder(g, kind, this);
    const selection = builder.fieldSelection(field, 3, true);
    const query = builder.document(operation, selection);
    return {
      kind,
      operation,
      rootField: field.name,
      query,
      variables: builder.variablesOrUndefined(),
      key: g(() => keyChoice(operation === "mutation")),
    };
  }

  invalidDocumentCase(): fc.Arbitrary<FuzzCase> {
    return fc.gen().map((g): FuzzCase => {
      const key = g(() => keyChoice(false));
      const variant = pick(g, ["soup", "truncated", "unknownField", "wrongArgument", "shape"] as const);
      if (variant === "soup") {
        const tokens = g(() => fc.array(tokenArb(this.rootFields("query")), { minLength: 1, maxLength: 30 }));
        return { kind: "invalid", operation: "raw", rootField: "(token soup)", query: tokens.join(" "), key };
      }
      const valid = this.buildOperation(g, "valid");
      if (variant === "truncated") {
        const cut = g(() => fc.integer({ min: 0, max: Math.max(0, valid.query.length - 1) }));
        return {
          ...valid,
          kind: "invalid",
          rootField: `${valid.rootField} (truncated)`,
          query: valid.query.slice(0, cut),
        };
      }
      if (variant === "unknownField") {
        const name = pick(g, ["nope", "__proto__", "constructor", "password", "id2", "_", "internalNotes"]);
        const at = valid.query.lastIndexOf("}");
        const query = `${valid.query.slice(0, at)} ${name} ${valid.query.slice(at)}`;
        return { ...valid, kind: "invalid", rootField: `${valid.rootField} (unknown field)`, query };
      }
      if (variant === "wrongArgument") {
        const literal = pick(g, ['"ten"', "10.5", "true", "[1, 2]", "{a: 1}", "null", "NOT_AN_ENUM", "$undeclared"]);
        const argName = pick(g, ["first", "id", "ids", "input", "filter", "offset", "bogus"]);
        // Into the root field's arguments (after the operation's own `{`).
        const body = valid.query.indexOf("{") + 1;
        const rest = valid.query
          .slice(body)
          .replace(/\b(\w+)(\(|\s*\{)/, (_all, name: string, open: string) =>
            open === "(" ? `${name}(${argName}: ${literal}, ` : `${name}(${argName}: ${literal}) ${open.trim()}`,
          );
        const query = valid.query.slice(0, body) + rest;
        return { ...valid, kind: "invalid", rootField: `${valid.rootField} (wrong argument)`, query };
      }
      const shape = pick(g, SHAPE_DOCUMENTS);
      return { kind: "invalid", operation: "raw", rootField: `(${shape.name})`, query: shape.query, key };
    });
  }

  bodyCase(): fc.Arbitrary<FuzzCase> {
    return fc.tuple(fc.constantFrom(...BROKEN_BODIES), keyChoice(false)).map(([body, key]) => ({
      kind: "body",
      operation: "raw",
      rootField: `(${body.name})`,
      query: body.body,
      contentType: body.contentType,
      key,
    }));
  }

  // Used by DocumentBuilder.
  idValue(g: Gen, kind: "valid" | "hostile", parent: string, name: string): string {
    const type = idTypeFor(parent, name);
    const typed = type ? (this.pool[type] ?? []) : [];
    if (kind === "valid" || chance(g, 55)) {
      return typed.length > 0 && chance(g, 80) ? pick(g, typed) : pick(g, this.allPoolIds);
    }
    return g(() => garbageId);
  }
}

/** Builds one document: its selection text and the variables it declares. */
class DocumentBuilder {
  private readonly declarations: string[] = [];
  private readonly variables: Record<string, unknown> = {};
  private fragmentCount = 0;

  constructor(
    private readonly g: Gen,
    private readonly kind: "valid" | "hostile",
    private readonly generator: OperationGenerator,
  ) {}

  document(operation: "query" | "mutation", selection: string): string {
    const name = chance(this.g, 30) ? ` Fuzz${this.fragmentCount}` : "";
    const declared = this.declarations.length > 0 ? `(${this.declarations.join(", ")})` : "";
    if (!name && !declared && operation === "query" && chance(this.g, 50)) return `{ ${selection} }`;
    return `${operation}${name}${declared} { ${selection} }`;
  }

  variablesOrUndefined(): Record<string, unknown> | undefined {
    return Object.keys(this.variables).length > 0 ? this.variables : undefined;
  }

  /** `alias: field(args) { selection }` for a field, with `depth` levels of objects left below it. */
  fieldSelection(field: GraphQLField<unknown, unknown>, depth: number, isRoot = false, aliasPrefix?: string): string {
    // In a fragment on one of several types, fields are aliased by type: Actor.kind and Evidence.kind differ in type.
    const alias = aliasPrefix
      ? `${aliasPrefix}_${field.name}: `
      : chance(this.g, 10)
        ? `${field.name}_${this.g(() => fc.nat(99))}: `
        : "";
    const args = this.argumentList(field.args, field.name);
    const sub = this.selectionFor(field.type, depth - 1, isRoot);
    return `${alias}${field.name}${args}${sub ? ` { ${sub} }` : ""}`;
  }

  private argumentList(args: readonly GraphQLArgument[], fieldName: string): string {
    const parts: string[] = [];
    for (const arg of args) {
      const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
      if (!required && !chance(this.g, 40)) continue;
      if (required && this.kind === "hostile" && chance(this.g, 5)) continue;
      const value = this.inputValue(arg.type, fieldName, arg.name, 0);
      if (value === OMIT) continue;
      parts.push(`${arg.name}: ${this.asArgument(arg.type, value)}`);
    }
    if (this.kind === "hostile" && chance(this.g, 5)) parts.push(`bogus: 1`);
    return parts.length > 0 ? `(${parts.join(", ")})` : "";
  }

  /** Either a $variable (declared with the argument's type, or sometimes a wrong one) or an inline literal. */
  private asArgument(type: GraphQLInputType, value: unknown): string {
    const mustUseVariable = containsJsonScalar(type) || !printableAsLiteral(value);
    if (mustUseVariable || chance(this.g, 50)) {
      const name = `v${this.declarations.length}`;
      let declaredType = String(type);
      if (this.kind === "hostile" && chance(this.g, 5))
        declaredType = pick(this.g, ["String", "Int!", "[ID]", "Boolean"]);
      this.declarations.push(`$${name}: ${declaredType}`);
      if (!(this.kind === "hostile" && chance(this.g, 3))) this.variables[name] = value;
      return `$${name}`;
    }
    return printLiteral(value);
  }

  private inputValue(type: GraphQLInputType, parent: string, name: string, depth: number): unknown {
    const hostile = this.kind === "hostile";
    if (hostile && chance(this.g, 4)) return this.wrongTypeValue();
    if (isNonNullType(type)) {
      if (hostile && chance(this.g, 3)) return null;
      return this.inputValue(type.ofType, parent, name, depth);
    }
    if (depth > 5) return null;
    if (isListType(type)) {
      const length = this.g(() => fc.integer({ min: 0, max: hostile ? 4 : 3 }));
      const items = Array.from({ length }, () => this.inputValue(type.ofType, parent, name, depth + 1));
      return items.filter((item) => item !== OMIT);
    }
    if (isInputObjectType(type)) {
      const result: Record<string, unknown> = {};
      for (const field of Object.values(type.getFields())) {
        const required = isNonNullType(field.type) && field.defaultValue === undefined;
        if (!required && !chance(this.g, 50)) continue;
        if (required && hostile && chance(this.g, 5)) continue;
        const value = this.inputValue(field.type, type.name, field.name, depth + 1);
        if (value !== OMIT) result[field.name] = value;
      }
      if (hostile && chance(this.g, 5)) result.unexpectedField = this.g(() => anyString);
      return result;
    }
    if (isEnumType(type)) {
      if (hostile && chance(this.g, 5)) return pick(this.g, ["NOPE", "asserts", "", "__proto__"]);
      return new EnumLiteral(pick(this.g, type.getValues()).name);
    }
    return this.scalarValue(type.name, parent, name);
  }

  private scalarValue(scalar: string, parent: string, name: string): unknown {
    const g = this.g;
    const hostile = this.kind === "hostile";
    switch (scalar) {
      case "ID":
        return this.generator.idValue(g, this.kind, parent, name);
      case "Int":
        if (!hostile && /^(first|offset|last)$/.test(name))
          return g(() => fc.integer({ min: name === "offset" ? 0 : 1, max: 3 }));
        return hostile && chance(g, 30) ? g(() => badIntValue) : g(() => intValue);
      case "Float":
        return g(() => floatValue);
      case "Boolean":
        return g(() => fc.boolean());
      case "DateTime":
        // Valid cases: dates that parse (hostile constants like year 0000 still parse; they stay in).
        return hostile
          ? g(() => dateTimeString)
          : g(() => dateTimeString.filter((text) => !Number.isNaN(Date.parse(text))));
      case "JSON":
        return g(() => jsonDocument);
      default:
        return this.stringValue(name);
    }
  }

  private stringValue(name: string): string {
    const g = this.g;
    if (this.kind === "valid") {
      if (/url/i.test(name)) return g(() => validUrl);
      if (/language/i.test(name)) return g(() => validLanguageTag);
      if (/topic/i.test(name)) return pick(g, ["north-korea", "arms-trade", "health", "x"]);
      if (name === "after") return pick(g, ["", "YXJyYXljb25uZWN0aW9uOjA=", "MA=="]);
      return g(() => normalText);
    }
    if (/url/i.test(name)) return g(() => urlString);
    if (/language/i.test(name)) return g(() => languageTag);
    return g(() => anyString);
  }

  /** A value of the wrong GraphQL type: an object where a string goes, a string where a number goes... */
  private wrongTypeValue(): unknown {
    return pick(this.g, [42, -1.5, true, "string", ["a", 1], { nested: { deeper: [null] } }, 2 ** 53, ""]);
  }

  private selectionFor(type: GraphQLOutputType, depth: number, isRoot: boolean): string {
    const named = getNamedType(type);
    if (isLeafType(named)) return "";
    if (isUnionType(named) || isInterfaceType(named)) {
      const possible = this.generator.schema.getPossibleTypes(named);
      const parts = ["__typename"];
      if (isInterfaceType(named)) parts.push(...this.someFields(named, depth, false, 2));
      for (const member of possible) {
        if (chance(this.g, 30))
          parts.push(`... on ${member.name} { ${this.objectSelection(member, depth, false, member.name)} }`);
      }
      return parts.join(" ");
    }
    if (isObjectType(named)) return this.objectSelection(named, depth, isRoot);
    return "__typename";
  }

  private objectSelection(type: GraphQLObjectType, depth: number, isPayload: boolean, aliasPrefix?: string): string {
    const fields = type.getFields();
    const parts = this.someFields(type, depth, isPayload, 5, aliasPrefix);
    // A mutation payload always asks for userErrors, unaliased: the partial-write check reads them.
    if (isPayload && fields.userErrors) {
      parts.push("userErrors { field message code }");
    }
    return parts.length > 0 ? parts.join(" ") : "__typename";
  }

  private someFields(
    type: GraphQLObjectType | GraphQLNamedType,
    depth: number,
    isPayload: boolean,
    max: number,
    aliasPrefix?: string,
  ): string[] {
    if (!isObjectType(type) && !isInterfaceType(type)) return [];
    const all = Object.values(type.getFields());
    const leaves = all.filter((field) => isLeafType(getNamedType(field.type)));
    const objects = all.filter((field) => !isLeafType(getNamedType(field.type)));
    // Each field once: the same response key with different arguments is a validation error, not a finding.
    const chosen = this.g(() =>
      fc.subarray(leaves, { minLength: Math.min(1, leaves.length), maxLength: Math.min(max, leaves.length) }),
    );
    if (depth > 0 && objects.length > 0) {
      chosen.push(
        ...this.g(() => fc.subarray(objects, { minLength: isPayload ? 1 : 0, maxLength: Math.min(3, objects.length) })),
      );
    }
    return chosen.map((field) =>
      this.fieldSelection(field, isLeafType(getNamedType(field.type)) ? 0 : depth, false, aliasPrefix),
    );
  }
}

function containsJsonScalar(type: GraphQLInputType): boolean {
  const named = getNamedType(type);
  if (isScalarType(named)) return named.name === "JSON";
  if (isInputObjectType(named)) {
    return Object.values(named.getFields()).some((field) => getNamedType(field.type).name === "JSON");
  }
  return false;
}

function printableAsLiteral(value: unknown): boolean {
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(printableAsLiteral);
  if (value instanceof EnumLiteral) return true;
  if (value !== null && typeof value === "object") {
    return Object.entries(value).every(
      ([key, item]) => /^[_A-Za-z][_0-9A-Za-z]*$/.test(key) && printableAsLiteral(item),
    );
  }
  return true;
}

/** A JS value as a GraphQL literal (strings JSON-escaped, enum values bare). */
export function printLiteral(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (value instanceof EnumLiteral) return value.name;
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") return Object.is(value, -0) ? "0" : String(value);
  if (typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map(printLiteral).join(", ")}]`;
  if (typeof value === "object") {
    return `{${Object.entries(value)
      .map(([key, item]) => `${key}: ${printLiteral(item)}`)
      .join(", ")}}`;
  }
  return JSON.stringify(typeof value === "symbol" ? value.toString() : "unknown");
}
