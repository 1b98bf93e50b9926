// The cost model: what an operation may cost the server, computed from the document and
// its variables before anything runs (graphql-query-complexity walks the document; this
// module only says what each field costs).
//
// Every object a field returns costs 1; scalars and enums cost nothing; a list multiplies
// the cost of its selection by its page size (`first`, or the field's default page size),
// so nesting lists multiplies, as in GitHub's and Shopify's public APIs. Search,
// similarity, aggregates and writes cost more, for the work they make PostgreSQL do.
import {
  type DocumentNode,
  visit,
  GraphQLError,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isListType,
  isNonNullType,
  isLeafType,
  type GraphQLOutputType,
} from "graphql";
import { type ComplexityEstimatorArgs, getComplexity } from "graphql-query-complexity";

/** Extra cost of a field, on top of the objects it returns. */
const FIELD_BASE_COST: Readonly<Record<string, number>> = {
  "Query.searchClaims": 100,
  "Query.similarClaims": 100,
  "Query.claimStats": 50,
  "ClaimStats.byTopic": 50,
  "ClaimStats.byActor": 50,
  "ClaimStats.byPublisher": 50,
  "ClaimStats.mostDisputed": 50,
  "ClaimStats.newestDenials": 50,
  "Claim.claimReview": 10,
  "Claim.provenance": 10,
  // Introspection is answered from memory, but a full schema is large: priced so that a
  // handful of copies fit in one operation and a thousand aliased copies do not.
  "Query.__schema": 2_000,
  "Query.__type": 20,
};

/** Writes: each mutation field costs this on top of what its payload selects. */
const MUTATION_COST = 10;

/** Page size when `first` is not given: the defaults of the services (see schema.graphql). */
const DEFAULT_PAGE_SIZE: Readonly<Record<string, number>> = {
  "Query.claims": 20,
  "Query.searchClaims": 20,
  "Query.similarClaims": 10,
  "Query.actors": 20,
  "Query.sources": 20,
  "Query.webhookDeliveries": 20,
  "ClaimStats.byTopic": 20,
  "ClaimStats.byActor": 20,
  "ClaimStats.byPublisher": 20,
  "ClaimStats.mostDisputed": 10,
  "ClaimStats.newestDenials": 10,
  "Claim.statements": 50,
  "Claim.evidence": 50,
  "Claim.verdicts": 50,
  "Claim.relations": 50,
  "Actor.statements": 50,
  "Actor.claims": 20,
  "Actor.publishedSources": 20,
  "Source.statements": 50,
  "Source.claims": 20,
};
/** A paged field without a listed default: the largest default page size. */
const FALLBACK_PAGE_SIZE = 50;
/** A list that takes no page size (aliases, a chain's hops, a schema's types): a typical length. */
const UNPAGED_LIST_SIZE = 10;

/** Arguments whose values change a price: page sizes and lists of IDs. */
const PRICED_ARGUMENTS = new Set(["first", "last", "ids"]);

/** Evaluated selections at most: a fragment that spreads copies of copies stops here. */
const MAX_EVALUATED_NODES = 5_000;

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/** A Relay connection's items are multiplied at the connection field, not again at `nodes`/`edges`. */
function isConnection(type: GraphQLNamedType): boolean {
  return type.name.endsWith("Connection");
}

function pageSizeOf(field: GraphQLField<unknown, unknown>, key: string, args: Record<string, unknown>): number {
  const first = args.first ?? args.last;
  if (typeof first === "number" && Number.isFinite(first)) return Math.max(0, Math.trunc(first));
  if (Array.isArray(args.ids)) return args.ids.length;
  if (field.args.some((arg) => arg.name === "first")) return DEFAULT_PAGE_SIZE[key] ?? FALLBACK_PAGE_SIZE;
  return UNPAGED_LIST_SIZE;
}

function estimate({ type, field, args, childComplexity }: ComplexityEstimatorArgs): number {
  const returned = getNamedType(field.type);
  const key = `${type.name}.${field.name}`;
  const base = (FIELD_BASE_COST[key] ?? 0) + (type.name === "Mutation" ? MUTATION_COST : 0);
  // Introspection beneath __schema/__type is priced by the root field alone.
  if (type.name.startsWith("__")) return 0;
  if (field.name === "__schema" || field.name === "__type") return base;
  if (isLeafType(returned)) return base;
  if (isConnection(type) && (field.name === "nodes" || field.name === "edges")) return base + childComplexity;
  if (isConnection(returned) || isList(field.type)) {
    return base + pageSizeOf(field, key, args) * (1 + childComplexity);
  }
  return base + 1 + childComplexity;
}

export class QueryTooComplexError extends GraphQLError {
  constructor(message: string, cost: number | null, limit: number) {
    super(message, {
      extensions: { code: "QUERY_TOO_COMPLEX", cost, limit, http: { status: 400, headers: new Map() } },
    });
  }
}

/**
 * The cost of the operation `operationName` of `document` with `variables`. Throws
 * QueryTooComplexError when the document is too large to price.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
  limit: number,
): number {
  try {
    return getComplexity({
      schema,
      query: document,
      variables,
      operationName,
      estimators: [estimate],
      maxQueryNodes: MAX_EVALUATED_NODES,
    });
  } catch (error) {
    if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message)) {
      throw new QueryTooComplexError(
        `The operation is too large to price (over ${MAX_EVALUATED_NODES} selections once fragments are expanded); ` +
          `the cost limit is ${limit}.`,
        null,
        limit,
      );
    }
    throw error;
  }
}

/**
 * The variables that can change the document's price: those used (anywhere inside) a page
 * size or ID-list argument, or in @skip/@include.
 */
function pricedVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  let depth = 0;
  visit(document, {
    Argument: {
      enter: (node) => {
        if (PRICED_ARGUMENTS.has(node.name.value)) depth += 1;
      },
      leave: (node) => {
        if (PRICED_ARGUMENTS.has(node.name.value)) depth -= 1;
      },
    },
    Directive: {
      enter: (node) => {
        if (node.name.value === "skip" || node.name.value === "include") depth += 1;
      },
      leave: (node) => {
        if (node.name.value === "skip" || node.name.value === "include") depth -= 1;
      },
    },
    Variable: (node) => {
      if (depth > 0) names.add(node.name.value);
    },
    VariableDefinition: () => false,
  });
  return [...names].sort();
}

interface DocumentPrices {
  variables: string[];
  prices: Map<string, number | QueryTooComplexError>;
}

/** Prices kept per key of one document; past this many its cache starts over. */
const MAX_PRICES_PER_DOCUMENT = 256;

/**
 * operationCost with the price of each (document, operation, priced variables) kept: Apollo
 * hands the same parsed document to every request of the same query, and a claim page asked
 * for a thousand claims by `$id` is priced once. What a price depends on is in the key.
 */
export class CostCache {
  private readonly documents = new WeakMap<DocumentNode, DocumentPrices>();

  operationCost(
    schema: GraphQLSchema,
    document: DocumentNode,
    variables: Record<string, unknown> | undefined,
    operationName: string | undefined,
    limit: number,
  ): number {
    let entry = this.documents.get(document);
    if (!entry) {
      entry = { variables: pricedVariables(document), prices: new Map() };
      this.documents.set(document, entry);
    }
    const key = JSON.stringify([operationName ?? null, ...entry.variables.map((name) => variables?.[name] ?? null)]);
    const known = entry.prices.get(key);
    if (known instanceof QueryTooComplexError) throw known;
    if (known !== undefined) return known;
    if (entry.prices.size >= MAX_PRICES_PER_DOCUMENT) entry.prices.clear();
    try {
      const cost = operationCost(schema, document, variables, operationName, limit);
      entry.prices.set(key, cost);
      return cost;
    } catch (error) {
      // A document too large to price stays so: the next copy is refused without the work.
      if (error instanceof QueryTooComplexError) entry.prices.set(key, error);
      throw error;
    }
  }
}
