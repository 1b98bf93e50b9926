// In a query, claims' children rows carry only the fields the document names
// (claim-children.repository.ts, query-shape.ts). That is safe while every resolver under
// those rows reads the property named like its field, or an id. This file walks the schema
// so that each field of each type those rows become is asked for alone, and must answer
// exactly as it does from whole rows: a resolver that reads another property fails here.
import { readFileSync } from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  OperationTypeNode,
  parse,
  isLeafType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from "graphql";
import { claimChildrenShapeOf } from "../src/graphql/query-shape";
import {
  childrenColumns,
  findClaimChildren,
  OPTIONAL_CHILD_KEYS,
  type Layout,
} from "../src/modules/claim/claim-children.repository";
import { CHILD_DOCUMENT_TYPES, type ChildFields } from "../src/modules/claim/child-fields";
import { decodeIdOfType } from "../src/shared/global-id";
import { CREATE_ACTOR, CREATE_CLAIM, expectNoUserErrors } from "./helpers/operations";
import { dataOf, startTestServer, type TestServer } from "./helpers/test-server";

/**
 * The object types children rows become: the documents of claim-children.repository.ts
 * (STATEMENT, EVIDENCE, VERDICT, and ACTOR and SOURCE for their related rows). The key
 * loaders are primed with them, so any field resolving an actor or source by id in the
 * same request may get a trimmed row too (a hop's actor, a source's publisher).
 */
const TRIMMED_TYPES = ["Statement", "Evidence", "Verdict", "Actor", "Source"];
/** Loaded whole, apart from the children, but its actor and source come from the primed loaders. */
const CARRIER_TYPES = ["AttributionHop"];
const WALKED_TYPES = new Set([...TRIMMED_TYPES, ...CARRIER_TYPES]);

/** Fields the walk leaves out, with the reason. None today: every field can be asked for alone. */
const SKIPPED: Readonly<Record<string, string>> = {};

/** Arguments for fields that need more than `first` (a field with a required argument must be listed here). */
const ARGUMENTS: Readonly<Record<string, string>> = {};

/** Fields that are null on every children row, so the data cannot make them differ. */
const EMPTY_ON_LIVE_ROWS: Readonly<Record<string, string>> = {
  "Statement.retractedAt": "children rows are live statements only",
  "Statement.retractionReason": "children rows are live statements only",
  "Evidence.retractedAt": "children rows are live evidence items only",
  "Evidence.retractionReason": "children rows are live evidence items only",
  "Verdict.retractedAt": "children rows are live verdicts only",
  "Verdict.retractionReason": "children rows are live verdicts only",
};

/** Page size of every list in the walk: above what the test claim holds, small enough to stay cheap. */
const PAGE = 5;

/** Fields that turn the mask off (WHOLE_ROW_FIELDS in query-shape.ts): added to a query, its rows are whole. */
const WHOLE_ROWS_FIELD = "claimReview";

interface Step {
  field: string;
  args: string;
}

/** A way from `claim(id:)` down to a walked type, through fields that can hand on trimmed rows. */
interface Path {
  steps: Step[];
  type: GraphQLObjectType;
}

const label = (steps: readonly Step[]) => steps.map((step) => step.field).join(".");

let server: TestServer;
let schema: GraphQLSchema;
let claimId: string;

beforeAll(async () => {
  // Some 300 queries in a row: past the anonymous budget of the default rate limits.
  server = await startTestServer({ rateLimits: { store: "off" } });
  schema = buildClientSchema(dataOf(await server.gql<IntrospectionQuery>(getIntrospectionQuery())));
  claimId = await recordRichClaim();
});
afterAll(() => server.close());

async function mutate(name: string, document: string, input: Record<string, unknown>): Promise<any> {
  const payload = dataOf(await server.gql(document, { input }))[name];
  expectNoUserErrors(payload);
  return payload;
}

const RECORD = `mutation ($input: RecordStatementInput!) {
  recordStatement(input: $input) { statement { id } userErrors { field message code } } }`;
const EVIDENCE = `mutation ($input: AddEvidenceInput!) {
  addEvidence(input: $input) { evidence { id } userErrors { field message code } } }`;
const VERDICT = `mutation ($input: AddVerdictInput!) {
  addVerdict(input: $input) { verdict { id } userErrors { field message code } } }`;
const retraction = (name: string) => `mutation ($input: RetractInput!) {
  ${name}(input: $input) { claim { id } userErrors { field message code } } }`;

/**
 * A claim whose children fill every column a field shows, so that a field read from a row
 * that left its column out answers differently: statements with quotes and paraphrases,
 * chains with relays and their documents, evidence with and without an actor, verdicts
 * with every rating field, and retracted rows of each kind beside them.
 */
async function recordRichClaim(): Promise<string> {
  const people = [
    { name: "Mask Speaker", kind: "PERSON", description: "Professor", affiliation: "A University", aliases: ["MS"] },
    { name: "Mask Ministry", kind: "STATE", description: "The ministry", affiliation: "Government", aliases: ["MoM"] },
    { name: "Mask Agency", kind: "MEDIA_OUTLET", description: "Wire agency", affiliation: "Agency Group" },
    { name: "Mask Daily", kind: "MEDIA_OUTLET", description: "A newspaper", affiliation: "Daily Group" },
    { name: "Mask Expert", kind: "PERSON", description: "Analyst", affiliation: "Institute", aliases: ["ME"] },
    { name: "Mask Check", kind: "FACT_CHECKER", description: "Fact-checkers", affiliation: "IFCN", aliases: ["MC"] },
    { name: "Mask Review", kind: "FACT_CHECKER", description: "Reviewers", affiliation: "EFCSN" },
  ];
  for (const input of people) await mutate("createActor", CREATE_ACTOR, input);
  const claim = (await mutate("createClaim", CREATE_CLAIM, { text: "The mask leaves nothing out", topics: ["masks"] }))
    .claim.id as string;

  const source = (n: number, publisher: string, kind = "NEWS_ARTICLE") => ({
    url: `https://mask${n}.example.org/story`,
    title: `Story ${n}`,
    kind,
    language: n % 2 === 0 ? "en" : "fr",
    publisher: { name: publisher },
    publishedAt: `2024-01-0${n}T08:00:00Z`,
    retrievedAt: `2024-01-0${n}T09:00:00Z`,
    contentHash: `sha256:${String(n).repeat(64)}`,
    archiveUrl: `https://archive.example.org/mask${n}`,
  });
  const wire = source(2, "Mask Agency", "WIRE_REPORT");
  const statements: { id: string }[] = [];
  for (const input of [
    {
      stance: "ASSERTS",
      actor: { name: "Mask Speaker" },
      source: source(1, "Mask Daily"),
      quote: "Nothing is left out.",
      paraphrase: "Says the mask leaves nothing out.",
      language: "en",
      statedAt: "2023-12-30T10:00:00Z",
      via: [{ relation: "TOLD", actor: { name: "Mask Agency" }, source: wire, note: "by telephone" }],
    },
    {
      stance: "DENIES",
      actor: { name: "Mask Ministry" },
      source: source(3, "Mask Agency", "OFFICIAL_STATEMENT"),
      paraphrase: "Denies it through a spokesman.",
      language: "ko",
      statedAt: "2023-12-31T10:00:00Z",
      via: [{ relation: "QUOTED_BY", actor: { name: "Mask Daily" }, note: "in print" }],
    },
    { stance: "QUESTIONS", actor: { name: "Mask Expert" }, source: wire, quote: "Is it, though?" },
    { stance: "CONCEDES", actor: { name: "Mask Ministry" }, source: source(4, "Mask Daily"), quote: "Withdrawn." },
  ]) {
    statements.push((await mutate("recordStatement", RECORD, { claimId: claim, ...input })).statement);
  }
  const evidence: { id: string }[] = [];
  for (const input of [
    {
      direction: "SUPPORTS",
      kind: "EXPERT_ANALYSIS",
      summary: "An analysis that finds nothing left out.",
      excerpt: "We found nothing missing.",
      source: source(5, "Mask Daily", "REPORT"),
      actor: { name: "Mask Expert" },
      observedAt: "2023-12-29T00:00:00Z",
      via: [{ relation: "REPORTED_BY", actor: { name: "Mask Agency" }, source: wire, note: "summarized" }],
    },
    { direction: "CONTEXT", kind: "DATA", summary: "Background figures.", source: { url: source(1, "").url } },
    { direction: "CONTRADICTS", summary: "Retracted later.", source: { url: wire.url } },
  ]) {
    evidence.push((await mutate("addEvidence", EVIDENCE, { claimId: claim, ...input })).evidence);
  }
  const verdicts: { id: string }[] = [];
  for (const input of [
    {
      reviewer: { name: "Mask Check" },
      rating: "False",
      ratingValue: 1,
      bestRating: 5,
      worstRating: 1,
      conclusion: "REFUTED",
      reviewedAt: "2024-03-01T12:00:00Z",
      url: "https://check.example.org/mask",
      explanation: "Something was left out.",
      language: "en",
    },
    {
      reviewer: { name: "Mask Review" },
      rating: "Half true",
      ratingValue: 3,
      bestRating: 5,
      worstRating: 1,
      reviewedAt: "2024-02-01T12:00:00Z",
      url: "https://review.example.org/mask",
      explanation: "Partly.",
      language: "fr",
    },
    { reviewer: { name: "Mask Check" }, rating: "True", conclusion: "SUPPORTED", reviewedAt: "2024-04-01T12:00:00Z" },
  ]) {
    verdicts.push((await mutate("addVerdict", VERDICT, { claimId: claim, ...input })).verdict);
  }
  const reason = "Recorded in error";
  await mutate("retractStatement", retraction("retractStatement"), { id: statements[3]?.id, reason });
  await mutate("retractEvidence", retraction("retractEvidence"), { id: evidence[2]?.id, reason });
  await mutate("retractVerdict", retraction("retractVerdict"), { id: verdicts[2]?.id, reason });
  return claim;
}

const objectType = (name: string) => {
  const type = schema.getType(name);
  if (!isObjectType(type)) throw new Error(`${name} is not an object type of the schema`);
  return type;
};

/** Whether a field is one the children documents may leave out. */
const trimmable = (name: string) => OPTIONAL_CHILD_KEYS.has(name);

/** The arguments the walk passes: the listed ones, else `first` for a paged list; null when it cannot call it. */
function argumentsOf(type: GraphQLObjectType, field: GraphQLField<unknown, unknown>): string | null {
  const listed = ARGUMENTS[`${type.name}.${field.name}`];
  if (listed !== undefined) return listed;
  if (field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined)) return null;
  return field.args.some((arg) => arg.name === "first") ? `(first: ${PAGE})` : "";
}

/**
 * The smallest sub-selection of a field's type: its id, or else its scalar fields (leaving
 * out names that would widen the mask), or else the same one level down.
 */
function minimalSelection(type: GraphQLOutputType, depth = 0): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return "";
  if (!isObjectType(named) || depth > 2) return " { __typename }";
  const fields = Object.values(named.getFields()).filter((field) => argumentsOf(named, field) === "");
  if (fields.some((field) => field.name === "id")) return " { id }";
  const leaves = fields.filter((field) => isLeafType(getNamedType(field.type)) && !trimmable(field.name));
  if (leaves.length > 0) return ` { ${leaves.map((field) => field.name).join(" ")} }`;
  return ` { ${fields.map((field) => `${field.name}${minimalSelection(field.type, depth + 1)}`).join(" ")} }`;
}

/** The selection of one field of a walked type, or null when the walk cannot call it. */
function selectionOf(type: GraphQLObjectType, field: GraphQLField<unknown, unknown>): string | null {
  if (SKIPPED[`${type.name}.${field.name}`]) return null;
  const args = argumentsOf(type, field);
  return args === null ? null : `${field.name}${args}${minimalSelection(field.type)}`;
}

/**
 * Every path from a claim down to a walked type through the children lists (the Claim
 * fields of trimmed types) and then fields without arguments (related rows by id, chains),
 * each type at most once on a path. Fields with arguments are lists loaded whole by the
 * paged loaders; the types they lead to are walked from the children rows anyway.
 */
function walkPaths(): Path[] {
  const paths: Path[] = [];
  const visit = (steps: Step[], type: GraphQLObjectType, onPath: readonly GraphQLObjectType[]) => {
    paths.push({ steps, type });
    for (const field of Object.values(type.getFields())) {
      const target = getNamedType(field.type);
      if (!isObjectType(target) || !WALKED_TYPES.has(target.name) || onPath.includes(target)) continue;
      if (field.args.length === 0) visit([...steps, { field: field.name, args: "" }], target, [...onPath, target]);
    }
  };
  const claim = objectType("Claim");
  for (const field of Object.values(claim.getFields())) {
    const target = getNamedType(field.type);
    const args = argumentsOf(claim, field);
    if (isObjectType(target) && TRIMMED_TYPES.includes(target.name) && args !== null) {
      visit([{ field: field.name, args }], target, [target]);
    }
  }
  return paths;
}

function queryAt(steps: readonly Step[], selection: string, extra = ""): string {
  let inner = selection;
  for (const step of [...steps].reverse()) inner = `${step.field}${step.args} { ${inner} }`;
  return `query FieldMask($id: ID!) { claim(id: $id) { ${[inner, extra].join(" ").trim()} } }`;
}

/** The answer `whole` gives at `fields` under the path: what the same query asking only for them returns. */
function project(value: unknown, fields: readonly string[], rest: readonly string[]): unknown {
  if (value === null || value === undefined) return value;
  if (Array.isArray(value)) return value.map((item) => project(item, fields, rest));
  const record = value as Record<string, unknown>;
  const [head, ...tail] = rest;
  if (head === undefined) return Object.fromEntries(fields.map((field) => [field, record[field]]));
  return { [head]: project(record[head], fields, tail) };
}

/** Whether an answer shows data: a value, a list with such an item, an object whose every field has one. */
function hasValue(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.some(hasValue);
  if (typeof value === "object") return Object.values(value).every(hasValue);
  return true;
}

/** Deep equality of two JSON answers (fetch parses responses in another realm, so prototypes differ). */
const sameJson = (a: unknown, b: unknown) =>
  isDeepStrictEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));

/**
 * Runs a query; `trimmed` tells whether, per query-shape.ts, its children rows carry only
 * the fields it names (the test below checks that the repository then leaves the rest out).
 */
async function ask(query: string): Promise<{ claim: Record<string, unknown>; trimmed: boolean }> {
  const claim = dataOf(await server.gql(query, { id: claimId })).claim as Record<string, unknown>;
  return { claim, trimmed: claimChildrenShapeOf(schema, parse(query), OperationTypeNode.QUERY).fields !== null };
}

/** Every (type, field) the walk covers on some path, and the fields no path could call. */
function coverage(paths: readonly Path[]) {
  const walked = new Set<string>();
  const uncallable = new Set<string>();
  for (const { type } of paths) {
    for (const field of Object.values(type.getFields())) {
      const coordinate = `${type.name}.${field.name}`;
      if (selectionOf(type, field) !== null) walked.add(coordinate);
      else if (!SKIPPED[coordinate]) uncallable.add(coordinate);
    }
  }
  return { walked, uncallable };
}

test("the walk reaches every type children rows become and calls every field of them, or says why not", () => {
  const paths = walkPaths();
  expect(new Set(paths.map((p) => p.type.name))).toEqual(WALKED_TYPES);
  // Each related row on each children list: the speaker, the source and its publisher, the chain's actors.
  expect(paths.map((p) => label(p.steps))).toEqual(
    expect.arrayContaining([
      "statements.actor",
      "statements.source.publisher",
      "statements.attribution.source.publisher",
      "evidence.actor",
      "evidence.source.publisher",
      "evidence.attribution.actor",
      "verdicts.reviewer",
      "latestVerdict.reviewer",
    ]),
  );
  const { walked, uncallable } = coverage(paths);
  // A field with a required argument needs its arguments in ARGUMENTS, or a reason in SKIPPED.
  expect([...uncallable]).toEqual([]);
  const known = [...WALKED_TYPES].flatMap((name) =>
    Object.keys(objectType(name).getFields()).map((f) => `${name}.${f}`),
  );
  for (const listed of [...Object.keys(SKIPPED), ...Object.keys(ARGUMENTS), ...Object.keys(EMPTY_ON_LIVE_ROWS)]) {
    expect(known).toContain(listed);
  }
  expect([...walked, ...Object.keys(SKIPPED)].sort()).toEqual([...known].sort());
});

test("every field of those types, asked alone, answers as it does from whole rows", async () => {
  const mismatches: unknown[] = [];
  const shown = new Set<string>();
  let queries = 0;
  for (const { steps, type } of walkPaths()) {
    const fields = Object.values(type.getFields()).flatMap((field) => {
      const selection = selectionOf(type, field);
      return selection === null ? [] : [{ name: field.name, selection }];
    });
    const fieldNames = steps.map((step) => step.field);
    const whole = await ask(queryAt(steps, fields.map((field) => field.selection).join(" "), WHOLE_ROWS_FIELD));
    queries += 1;
    expect({ at: label(steps), trimmed: whole.trimmed }).toEqual({ at: label(steps), trimmed: false });
    delete whole.claim[WHOLE_ROWS_FIELD];
    for (const field of fields) {
      const expected = project(whole.claim, [field.name], fieldNames);
      if (hasValue(expected)) shown.add(`${type.name}.${field.name}`);
      const trimmed = await ask(queryAt(steps, field.selection));
      queries += 1;
      // The comparison means something only if this query's rows are trimmed.
      if (!trimmed.trimmed || !sameJson(trimmed.claim, expected)) {
        mismatches.push({
          query: queryAt(steps, field.selection),
          rowsTrimmed: trimmed.trimmed,
          trimmed: trimmed.claim,
          whole: expected,
        });
      }
    }
  }
  expect(mismatches).toEqual([]);
  // The data must give each field a value somewhere, or a trimmed row could not show.
  const walked = coverage(walkPaths()).walked;
  const empty = [...walked].filter((field) => !shown.has(field) && !EMPTY_ON_LIVE_ROWS[field]);
  expect(empty).toEqual([]);
  expect(queries).toBeGreaterThan(walked.size);
});

/** The keys of every document a layout describes, related rows' documents included. */
function documentKeys(layout: Layout): string[][] {
  return [[...layout.keys], ...layout.related.flatMap((related) => (related ? documentKeys(related) : []))];
}

/** Each model's fields in prisma/schema.prisma, with the names of its relations to other models. */
function prismaModels(): Map<string, { fields: Set<string>; relations: Set<string> }> {
  const text = readFileSync(path.join(__dirname, "..", "prisma", "schema.prisma"), "utf8");
  const blocks = [...text.matchAll(/^model (\w+) \{([^}]*)\}/gm)];
  const names = new Set(blocks.map((block) => block[1]));
  return new Map(
    blocks.map(([, name, body]) => {
      const lines = [...(body ?? "").matchAll(/^\s+(\w+)\s+(\w+)/gm)];
      const relations = lines.filter(([, , type]) => names.has(type)).map(([, field]) => field ?? "");
      const fields = lines.map(([, field]) => field ?? "").filter((field) => !relations.includes(field));
      return [name ?? "", { fields: new Set(fields), relations: new Set(relations) }];
    }),
  );
}

test("each children document is a whole row of its model, and only the mask's columns may be left out", () => {
  // The documents of whole rows (every optional key, every related row).
  const { layouts } = childrenColumns("c.id", {
    statements: 1,
    evidence: 1,
    verdicts: 1,
    withSources: true,
    fields: null,
  });
  const models = prismaModels();
  const documents = [layouts.statements, layouts.evidence, layouts.verdicts].flatMap(documentKeys);
  expect(documents.length).toBeGreaterThanOrEqual(TRIMMED_TYPES.length);
  const modelsSeen = new Set<string>();
  for (const keys of documents) {
    // The model whose every field is a key of the document (the largest, should a small one also fit).
    const model = [...models]
      .filter(([, { fields }]) => [...fields].every((field) => keys.includes(field)))
      .sort(([, a], [, b]) => b.fields.size - a.fields.size)[0];
    expect({ keys, model: model?.[0] }).toEqual({ keys, model: expect.any(String) });
    const [name, { fields, relations }] = model!;
    modelsSeen.add(name);
    // Every column, and only columns and relations of that model.
    expect({ name, extra: keys.filter((key) => !fields.has(key) && !relations.has(key)) }).toEqual({ name, extra: [] });
    // Always there: ids, ids of related rows, and related rows (null when not joined).
    const always = keys.filter((key) => !trimmable(key) || relations.has(key));
    expect({
      name,
      always: always.filter((key) => key !== "id" && !key.endsWith("Id") && !relations.has(key)),
    }).toEqual({
      name,
      always: [],
    });
  }
  // The rows the documents are of are the types the walk treats as trimmed.
  expect([...modelsSeen].sort()).toEqual([...TRIMMED_TYPES].sort());
  // Every optional key is a column or relation of those rows.
  const names = new Set(
    [...modelsSeen].flatMap((name) => [...models.get(name)!.fields, ...models.get(name)!.relations]),
  );
  expect([...OPTIONAL_CHILD_KEYS].filter((key) => !names.has(key))).toEqual([]);
});

test("children rows read for a query that names few fields leave the others out", async () => {
  const id = decodeIdOfType(claimId, "Claim") ?? "";
  const limits = { statements: 10, evidence: 10, verdicts: 10, withSources: true };
  const noFields = Object.fromEntries(CHILD_DOCUMENT_TYPES.map((type) => [type, []])) as unknown as ChildFields;
  const [trimmed] = await findClaimChildren(server.prisma, [id], {
    ...limits,
    fields: { ...noFields, Statement: ["stance"] },
  });
  const [whole] = await findClaimChildren(server.prisma, [id], { ...limits, fields: null });
  const first = (children: typeof trimmed) => children?.statements[0] as unknown as Record<string, unknown>;
  // Without this, the walk above would compare whole rows with whole rows.
  expect(first(trimmed)).toMatchObject({ stance: "ASSERTS" });
  expect(Object.keys(first(trimmed))).not.toEqual(expect.arrayContaining(["quote"]));
  expect(Object.keys(first(trimmed))).not.toEqual(expect.arrayContaining(["actor"]));
  expect(Object.keys(first(trimmed))).not.toEqual(expect.arrayContaining(["source"]));
  // No ids either, when no field selected reads one (the claim's comes with the window).
  expect(Object.keys(first(trimmed)).sort()).toEqual(["claimId", "stance"]);
  expect(first(trimmed).claimId).toBe(first(whole).claimId);
  // A field that reads ids (the chain is loaded by the statement's id) brings them all.
  const [chained] = await findClaimChildren(server.prisma, [id], {
    ...limits,
    fields: { ...noFields, Statement: ["stance", "attribution"] },
  });
  for (const key of ["id", "claimId", "actorId", "sourceId"]) expect(first(chained)[key]).toBe(first(whole)[key]);
  // An embedded related row stands in for the id of it the document leaves out.
  const [spoken] = await findClaimChildren(server.prisma, [id], {
    ...limits,
    fields: { ...noFields, Statement: ["actor"], Actor: ["name"] },
  });
  expect(first(spoken).actorId).toBe(first(whole).actorId);
  expect(first(spoken).actor).toEqual({ id: first(whole).actorId, name: "Mask Speaker" });
  expect(first(whole)).toMatchObject({
    stance: "ASSERTS",
    quote: "Nothing is left out.",
    actor: { name: "Mask Speaker" },
  });
});

/** The claim read through each hot path: by id (with its children), in a list, in a search. */
const CLAIM_ENTRIES = [
  { name: "claim", query: (selection: string) => `query ($id: ID!) { claim(id: $id) { ${selection} } }` },
  {
    name: "claims",
    query: (selection: string) =>
      `query ($id: ID!) { node(id: $id) { id } claims(first: 5, filter: { topic: "masks" }) { nodes { ${selection} } } }`,
  },
  {
    name: "searchClaims",
    query: (selection: string) =>
      `query ($id: ID!) { node(id: $id) { id } searchClaims(query: "mask leaves nothing", first: 5) { nodes { ${selection} } } }`,
  },
];

test("every Claim field, asked alone on the claim page, a list and a search, answers as it does from whole rows", async () => {
  const claim = objectType("Claim");
  const mismatches: unknown[] = [];
  let compared = 0;
  for (const entry of CLAIM_ENTRIES) {
    for (const field of Object.values(claim.getFields())) {
      const selection = selectionOf(claim, field);
      // Those two read whole rows themselves (the mask is off when they are asked).
      if (selection === null || ["provenance", WHOLE_ROWS_FIELD].includes(field.name)) continue;
      const ask = async (text: string) => dataOf(await server.gql(text, { id: claimId }));
      const trimmedQuery = entry.query(selection);
      const trimmed = await ask(trimmedQuery);
      // The same with a field that turns the mask off: whole rows.
      const whole = await ask(entry.query(`${selection} ${WHOLE_ROWS_FIELD}`));
      const strip = (data: Record<string, unknown>) =>
        JSON.parse(JSON.stringify(data, (key, value: unknown) => (key === WHOLE_ROWS_FIELD ? undefined : value)));
      expect(claimChildrenShapeOf(schema, parse(trimmedQuery), OperationTypeNode.QUERY).claimFields).not.toBeNull();
      if (!sameJson(strip(trimmed), strip(whole))) mismatches.push({ query: trimmedQuery, trimmed, whole });
      compared += 1;
    }
  }
  expect(mismatches).toEqual([]);
  expect(compared).toBeGreaterThan(3 * 10);
});
