// Runs fuzz cases against a test server and checks the invariants every response must
// keep: no 5xx, no unmasked or uncoded errors, no stack traces or SQL in messages, and
// no write from a request that failed (row counts and a few state signals are compared
// before and after each request; requests run one at a time).
import { GARBAGE_KEYS } from "./fuzz-values";
import { loadFuzzSchema, OperationGenerator, type FuzzCase } from "./fuzz-operations";
import { seedFuzzData, type FuzzServer } from "./fuzz-server";

export interface Violation {
  invariant:
    | "http-5xx"
    | "internal-error"
    | "error-without-code"
    | "stacktrace"
    | "leak"
    | "partial-write"
    | "unexpected-table-change"
    | "write-on-read";
  detail: string;
}

export interface CaseResult {
  status: number;
  outcome: string;
  violations: Violation[];
}

/** Tables each mutation may change when it succeeds; audit_events and webhook_deliveries go with any write. */
const EXPECTED_TABLES: Record<string, readonly string[]> = {
  createClaim: ["claims"],
  updateClaim: [],
  recordStatement: ["statements", "actors", "actor_aliases", "sources", "attribution_hops"],
  retractStatement: [],
  addEvidence: ["evidence", "actors", "actor_aliases", "sources", "attribution_hops"],
  retractEvidence: [],
  addVerdict: ["verdicts", "actors", "actor_aliases", "sources"],
  retractVerdict: [],
  mergeClaims: ["claims", "claim_merges", "claim_relations"],
  linkClaims: ["claim_relations"],
  unlinkClaims: ["claim_relations"],
  createActor: ["actors", "actor_aliases"],
  updateActor: ["actor_aliases"],
  updateSource: ["actors", "actor_aliases"],
  createApiKey: ["api_keys"],
  revokeApiKey: [],
  importClaimReview: [
    "claims",
    "actors",
    "actor_aliases",
    "sources",
    "statements",
    "attribution_hops",
    "evidence",
    "verdicts",
  ],
  createWebhookEndpoint: ["webhook_endpoints"],
  updateWebhookEndpoint: [],
  deleteWebhookEndpoint: ["webhook_endpoints", "webhook_deliveries", "webhook_attempts"],
};
const WITH_ANY_WRITE = ["audit_events", "webhook_deliveries"];

const COUNTED_TABLES = [
  "claims",
  "actors",
  "actor_aliases",
  "sources",
  "statements",
  "attribution_hops",
  "evidence",
  "verdicts",
  "claim_relations",
  "claim_merges",
  "audit_events",
  "webhook_endpoints",
  "webhook_deliveries",
  "webhook_attempts",
  "api_keys",
  "data_seeds",
] as const;

/** Besides counts: signs of an update (a failed request must not change these either). */
const SIGNALS: Record<string, string> = {
  "claims.updated_at": "SELECT max(updated_at)::text FROM claims",
  "actors.updated_at": "SELECT max(updated_at)::text FROM actors",
  "sources.updated_at": "SELECT max(updated_at)::text FROM sources",
  "statements.retracted": "SELECT count(*)::text FROM statements WHERE retracted_at IS NOT NULL",
  "evidence.retracted": "SELECT count(*)::text FROM evidence WHERE retracted_at IS NOT NULL",
  "verdicts.retracted": "SELECT count(*)::text FROM verdicts WHERE retracted_at IS NOT NULL",
  "api_keys.revoked": "SELECT count(*)::text FROM api_keys WHERE revoked_at IS NOT NULL",
  "webhook_endpoints.updated_at": "SELECT max(updated_at)::text FROM webhook_endpoints",
};

const SNAPSHOT_SQL = `SELECT ${[
  ...COUNTED_TABLES.map((table) => `(SELECT count(*)::text FROM ${table}) AS "${table}"`),
  ...Object.entries(SIGNALS).map(([name, sql]) => `(${sql}) AS "${name}"`),
].join(", ")}`;

type Snapshot = Record<string, string | null>;

/** Text that must not reach a client: stack frames, file positions, SQL, Prisma internals. */
const LEAK_PATTERNS: readonly { name: string; pattern: RegExp }[] = [
  { name: "stack frame", pattern: /\n?\s{4}at / },
  { name: "source position", pattern: /\.(ts|js):\d+/ },
  { name: "node_modules path", pattern: /node_modules/ },
  { name: "SQL SELECT", pattern: /SELECT / },
  { name: "SQL INSERT", pattern: /INSERT / },
  { name: "SQL UPDATE", pattern: /UPDATE \w+ SET/ },
  { name: "Prisma", pattern: /prisma/i },
  { name: "Postgres syntax error", pattern: /invalid input syntax/i },
  { name: "Postgres relation", pattern: /relation "/ },
  { name: "Prisma error code", pattern: /\bP[12]\d{3}\b/ },
  { name: "Postgres error", pattern: /violates|duplicate key|null value in column|out of range for type/i },
];

export class FuzzSession {
  readonly stats = new FuzzStats();

  private constructor(
    readonly server: FuzzServer,
    readonly generator: OperationGenerator,
    private readonly viewerKey: string,
  ) {}

  /** Seeds the server's database (the demo case plus verdicts, a link, a webhook and a key) and builds the ID pool. */
  static async start(server: FuzzServer): Promise<FuzzSession> {
    const pool = await seedFuzzData(server);
    const viewerKey = await server.createKey("VIEWER");
    return new FuzzSession(server, new OperationGenerator(loadFuzzSchema(), pool), viewerKey);
  }

  async run(fuzzCase: FuzzCase): Promise<CaseResult> {
    const before = await this.snapshot();
    const response = await this.send(fuzzCase);
    const after = await this.snapshot();
    const violations = [
      ...this.responseViolations(fuzzCase, response),
      ...this.writeViolations(fuzzCase, response, before, after),
    ];
    return { status: response.status, outcome: outcomeOf(fuzzCase, response), violations };
  }

  private async snapshot(): Promise<Snapshot> {
    const rows = await this.server.prisma.$queryRawUnsafe<Snapshot[]>(SNAPSHOT_SQL);
    const row = rows[0];
    if (!row) throw new Error("snapshot returned no row");
    return row;
  }

  private keyFor(fuzzCase: FuzzCase): string | null {
    switch (fuzzCase.key) {
      case "admin":
        return this.server.adminKey;
      case "viewer":
        return this.viewerKey;
      case "none":
        return null;
      case "garbage":
        return GARBAGE_KEYS[fuzzCase.query.length % GARBAGE_KEYS.length] ?? "garbage";
    }
  }

  private async send(fuzzCase: FuzzCase): Promise<RawResponse> {
    const key = this.keyFor(fuzzCase);
    const body =
      fuzzCase.kind === "body"
        ? fuzzCase.query
        : JSON.stringify({ query: fuzzCase.query, variables: fuzzCase.variables });
    const response = await fetch(this.server.url, {
      method: "POST",
      headers: {
        "content-type": fuzzCase.contentType ?? "application/json",
        ...(key ? { authorization: `Bearer ${key}` } : {}),
      },
      body,
    });
    const text = await response.text();
    let json: JsonResponse | null = null;
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) json = parsed;
    } catch {
      json = null;
    }
    return { status: response.status, text, json, requestText: body };
  }

  private responseViolations(fuzzCase: FuzzCase, response: RawResponse): Violation[] {
    const violations: Violation[] = [];
    if (response.status >= 500)
      violations.push({ invariant: "http-5xx", detail: `HTTP ${response.status}: ${clip(response.text, 300)}` });
    if (!response.json) {
      // Not GraphQL JSON (an HTML error page, say): it still must not show a stack or SQL.
      for (const leak of leaksIn(response.text, response.requestText)) {
        violations.push({
          invariant: "leak",
          detail: `${leak} in a non-JSON ${response.status} body: ${clip(response.text, 300)}`,
        });
      }
      return violations;
    }
    for (const error of response.json.errors ?? []) {
      const code = error.extensions?.code;
      const where = `${JSON.stringify(error.path ?? null)} ${clip(error.message ?? "", 200)}`;
      if (code === "INTERNAL_SERVER_ERROR") violations.push({ invariant: "internal-error", detail: where });
      else if (typeof code !== "string" || code === "")
        violations.push({ invariant: "error-without-code", detail: where });
      if (error.extensions && "stacktrace" in error.extensions)
        violations.push({ invariant: "stacktrace", detail: where });
      const errorText = `${error.message ?? ""}\n${JSON.stringify(error.extensions ?? {})}`;
      for (const leak of leaksIn(errorText, response.requestText)) {
        violations.push({ invariant: "leak", detail: `${leak}: ${clip(errorText, 300)}` });
      }
    }
    void fuzzCase;
    return violations;
  }

  private writeViolations(fuzzCase: FuzzCase, response: RawResponse, before: Snapshot, after: Snapshot): Violation[] {
    const changed = Object.keys(before).filter((name) => before[name] !== after[name]);
    if (changed.length === 0) return [];
    const diff = changed.map((name) => `${name} ${before[name]} -> ${after[name]}`).join(", ");
    const isMutation = fuzzCase.operation === "mutation" && fuzzCase.kind !== "invalid";
    if (!isMutation) return [{ invariant: "write-on-read", detail: diff }];
    const failure = mutationFailure(response);
    if (failure) return [{ invariant: "partial-write", detail: `${failure}; yet ${diff}` }];
    const allowed = new Set([...(EXPECTED_TABLES[fuzzCase.rootField] ?? []), ...WITH_ANY_WRITE]);
    const unexpected = changed.filter((name) => !name.includes(".") && !allowed.has(name));
    if (unexpected.length === 0) return [];
    return [{ invariant: "unexpected-table-change", detail: `${fuzzCase.rootField} changed ${diff}` }];
  }
}

interface JsonError {
  message?: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}
interface JsonResponse {
  data?: Record<string, unknown> | null;
  errors?: JsonError[];
}
interface RawResponse {
  status: number;
  text: string;
  json: JsonResponse | null;
  requestText: string;
}

/**
 * Why a mutation counts as failed (no write allowed), or null when it succeeded: an error
 * on the root field or the request (not one deeper in the payload, read after the write),
 * or userErrors in the payload.
 */
function mutationFailure(response: RawResponse): string | null {
  if (response.status !== 200 || !response.json) return `HTTP ${response.status}`;
  const rootError = (response.json.errors ?? []).find((error) => !error.path || error.path.length <= 1);
  if (rootError) return `error ${String(rootError.extensions?.code)} "${clip(rootError.message ?? "", 120)}"`;
  const userErrors = payloadUserErrors(response.json);
  if (userErrors.length > 0) return `userErrors ${clip(JSON.stringify(userErrors), 200)}`;
  return null;
}

function payloadUserErrors(json: JsonResponse): unknown[] {
  const payloads = Object.values(json.data ?? {});
  return payloads.flatMap((payload) => {
    const userErrors = (payload as { userErrors?: unknown } | null)?.userErrors;
    return Array.isArray(userErrors) ? userErrors : [];
  });
}

/** Leak patterns found in `text`, unless the request itself carried that text (an echo of the client's input). */
function leaksIn(text: string, requestText: string): string[] {
  return LEAK_PATTERNS.filter(({ pattern }) => {
    const match = pattern.exec(text);
    if (!match) return false;
    return !requestText.includes(match[0]) && !decodeJsonText(requestText).includes(match[0]);
  }).map(({ name }) => name);
}

function decodeJsonText(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), (_key, value: unknown) => value).replace(/\\"/g, '"');
  } catch {
    return text;
  }
}

function outcomeOf(fuzzCase: FuzzCase, response: RawResponse): string {
  if (!response.json) return `HTTP ${response.status} (not JSON)`;
  const errors = response.json.errors ?? [];
  if (errors.length > 0) {
    const codes = [...new Set(errors.map((error) => codeOf(error)))].sort();
    return `HTTP ${response.status} errors ${codes.join(",")}`;
  }
  if (fuzzCase.operation === "mutation") {
    const userErrors = payloadUserErrors(response.json) as { code?: string }[];
    if (userErrors.length > 0) {
      const codes = [...new Set(userErrors.map((error) => String(error.code ?? "(code not selected)")))].sort();
      return `userErrors ${codes.join(",")}`;
    }
  }
  return "data";
}

function codeOf(error: JsonError): string {
  const code = error.extensions?.code;
  return typeof code === "string" ? code : "(no code)";
}

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}... (${text.length} chars)`;
}

/** Counts of what was tried and what came back. */
export class FuzzStats {
  readonly byKind = new Map<string, number>();
  readonly byRootField = new Map<string, number>();
  readonly byOutcome = new Map<string, number>();
  readonly byViolation = new Map<string, number>();
  total = 0;

  record(fuzzCase: FuzzCase, result: CaseResult): void {
    this.total += 1;
    bump(this.byKind, fuzzCase.kind);
    bump(this.byRootField, `${fuzzCase.operation} ${fuzzCase.rootField}`);
    bump(this.byOutcome, result.outcome);
    for (const violation of result.violations) bump(this.byViolation, violationSignature(fuzzCase, violation));
  }

  report(): string {
    const section = (title: string, map: Map<string, number>) =>
      [
        `${title}:`,
        ...[...map.entries()]
          .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
          .map(([name, n]) => `  ${String(n).padStart(6)}  ${name}`),
      ].join("\n");
    return [
      `cases: ${this.total}`,
      section("by kind", this.byKind),
      section("by root field", this.byRootField),
      section("by outcome", this.byOutcome),
      section("violations", this.byViolation),
    ].join("\n");
  }
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** What makes two violations "the same finding": the invariant and where it happened. */
export function violationSignature(fuzzCase: FuzzCase, violation: Violation): string {
  const root = fuzzCase.rootField.replace(/ \(.*\)$/, "");
  return `${violation.invariant} @ ${fuzzCase.operation} ${root}`;
}

export function describeCase(fuzzCase: FuzzCase, max = 2_000): string {
  return [
    `kind: ${fuzzCase.kind}, key: ${fuzzCase.key}${fuzzCase.contentType ? `, content-type: ${fuzzCase.contentType}` : ""}`,
    `${fuzzCase.kind === "body" ? "body" : "query"}: ${clip(JSON.stringify(fuzzCase.query), max)}`,
    ...(fuzzCase.variables ? [`variables: ${clip(JSON.stringify(fuzzCase.variables), max)}`] : []),
  ].join("\n");
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Which engineer's area a finding is probably in (a hint for triage, not a filter). */
export function knownAreaHint(fuzzCase: FuzzCase, violation: Violation): string | null {
  const request = `${fuzzCase.query}\n${JSON.stringify(fuzzCase.variables ?? {})}`;
  if (fuzzCase.kind === "body") return "malformed/unusual JSON bodies (src/http)";
  if (
    request.includes(String.fromCharCode(0)) ||
    /\\u0000|\\ud[89a-f]/i.test(request) ||
    LONE_SURROGATE.test(request)
  ) {
    return "NUL / lone surrogates in strings (string guard)";
  }
  if (/deep nesting|many aliases|wide fragment|long string literal/.test(fuzzCase.rootField))
    return "query cost/depth/alias/token limits";
  if (/language/.test(request) && /[a-z]{17,}|x{100}/.test(request)) return "language tag length (maybe)";
  if (/@/.test(request) && /:\/\/[^/\s"]*:[^/\s"]*@|:\/\/[^/\s"]+@/.test(request)) return "URL credentials (maybe)";
  if (/nameContains|%|_/.test(request) && /actors|sources|claims/.test(fuzzCase.rootField))
    return "nameContains wildcards (maybe)";
  void violation;
  return null;
}
