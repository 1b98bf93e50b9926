// The explorer, end to end: built from explorer/ as `npm run build` builds it, served by a
// real server on the seed case, and driven in a real headless Chromium in which every request
// that would leave this machine is blocked and counted. The page must load from the server's
// own origin, run the claim 1 example in one click and show "absurd"; a screenshot is kept
// in test-artifacts/explorer.png. Also: each example operation is valid and runs, the
// setting turns the explorer off, and GraphQL's own GET still answers JSON.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { buildSchema, parse, validate } from "graphql";
import pino from "pino";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { loadTypeDefs } from "../src/app";
import { EXPLORER_CSP } from "../src/http/explorer";
import { loadSeedCaseOnce } from "../src/seed/load-seed-case";
import {
  CLAIM_1_WITH_PROVENANCE,
  DISPUTED_DASHBOARD,
  EXAMPLE_TABS,
  RECORD_STATEMENT,
  RECORD_STATEMENT_HEADERS,
  RECORD_STATEMENT_VARIABLES,
  SEARCH,
} from "../explorer/operations";
import { dataOf, startTestServer, type TestServer } from "./helpers/test-server";

const ROOT = path.join(__dirname, "..");
const BUILD_DIR = path.join(ROOT, "dist", "explorer");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const SCREENSHOT = path.join(ROOT, "test-artifacts", "explorer.png");
const BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
const VIEWPORT = { width: 1600, height: 1100 };
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

let server: TestServer;

beforeAll(() => {
  // The same build, by the same command, as `npm run build`'s: the page tested is the page served.
  execFileSync(path.join(ROOT, "node_modules", ".bin", "tsx"), ["explorer/build.ts"], { cwd: ROOT, stdio: "pipe" });
}, 120_000);

beforeAll(async () => {
  server = await startTestServer();
  await loadSeedCaseOnce(server.prisma, pino({ level: "silent" }));
});

afterAll(async () => {
  await server?.close();
});

describe("the example operations", () => {
  const schema = buildSchema(loadTypeDefs());

  test.each(
    EXAMPLE_TABS.map((tab) => [tab.query.match(/^(query|mutation|subscription) (\w+)/m)?.[2] ?? "?", tab] as const),
  )("%s is valid against schema.graphql, with JSON variables and headers", (_name, tab) => {
    expect(validate(schema, parse(tab.query)).map((error) => error.message)).toEqual([]);
    if (tab.variables) expect(() => JSON.parse(tab.variables ?? "") as unknown).not.toThrow();
    if (tab.headers) expect(() => JSON.parse(tab.headers ?? "") as unknown).not.toThrow();
  });

  test('claim 1\'s query finds claim 1 without an ID and shows the denial quoted as "absurd"', async () => {
    const data = dataOf(await server.gql(CLAIM_1_WITH_PROVENANCE));
    const [claim] = data.searchClaims.nodes;
    expect(claim.text).toBe("North Korea supplies ammunition and missiles to Russia for its war against Ukraine");
    expect(claim.statements).toContainEqual(
      expect.objectContaining({
        stance: "DENIES",
        quote: "absurd",
        actor: expect.objectContaining({ name: "North Korea" }),
      }),
    );
  });

  test("the search and the dashboard list answer with claims of the seed case", async () => {
    expect(dataOf(await server.gql(SEARCH)).searchClaims.totalCount).toBeGreaterThan(0);
    expect(dataOf(await server.gql(DISPUTED_DASHBOARD)).claims.nodes.map((claim: any) => claim.status)).toEqual([
      "DISPUTED",
    ]);
  });

  test("recordStatement runs as shown once a key is in the headers and claim 1's id in the variables", async () => {
    expect(JSON.parse(RECORD_STATEMENT_HEADERS)).toEqual({ Authorization: "Bearer <key>" });
    const claimId = dataOf(await server.gql(CLAIM_1_WITH_PROVENANCE)).searchClaims.nodes[0].id;
    const variables = JSON.parse(RECORD_STATEMENT_VARIABLES);
    variables.input.claimId = claimId;
    const key = await server.createKey("EDITOR");
    const payload = dataOf(await server.gql(RECORD_STATEMENT, variables, { key })).recordStatement;
    expect(payload.userErrors).toEqual([]);
    expect(payload.statement.actor.name).toBe("Jane Example");
  });
});

describe("what the server answers", () => {
  const builtAssets = () => readdirSync(path.join(BUILD_DIR, "assets"));

  test("GET / and a browser's GET /graphql answer the explorer page, under a same-origin CSP", async () => {
    for (const url of [`${server.origin}/`, `${server.origin}/graphql`]) {
      const response = await fetch(url, { headers: { accept: BROWSER_ACCEPT } });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^text\/html/);
      expect(response.headers.get("content-security-policy")).toBe(EXPLORER_CSP);
      expect(response.headers.get("cache-control")).toBe("no-cache");
      const html = await response.text();
      expect(html).toContain("<title>claimtrail explorer</title>");
      // Everything the page names is on this origin (or inline data).
      const references = [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((match) => match[1] ?? "");
      expect(references.length).toBeGreaterThan(0);
      for (const reference of references) expect(reference).toMatch(/^(\/explorer\/assets\/|data:)/);
    }
    expect(
      (await fetch(`${server.origin}/graphql`, { headers: { accept: BROWSER_ACCEPT } })).headers.get("vary"),
    ).toMatch(/Accept/);
  });

  test("GraphQL's GET still answers JSON, for a browser's Accept too, and a JSON client never gets the page", async () => {
    for (const accept of [BROWSER_ACCEPT, "application/json", "*/*"]) {
      const response = await fetch(`${server.origin}/graphql?query=${encodeURIComponent("{ __typename }")}`, {
        headers: { accept, "apollo-require-preflight": "true" },
      });
      expect(response.headers.get("content-type")).toMatch(/json/);
      expect(await response.json()).toMatchObject({ data: { __typename: "Query" } });
    }
    const plain = await fetch(`${server.origin}/graphql`, { headers: { accept: "application/json" } });
    expect(plain.headers.get("content-type")).toMatch(/json/);
  });

  test("the assets are served with their content types, a year's immutable caching and the CSP", async () => {
    const expected: Record<string, RegExp> = { ".js": /^text\/javascript/, ".css": /^text\/css/, ".ttf": /^font\/ttf/ };
    const assets = builtAssets();
    expect(assets.filter((file) => file.endsWith(".worker-" + file.split("-").pop()))).toHaveLength(3);
    for (const file of assets) {
      const response = await fetch(`${server.origin}/explorer/assets/${file}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(expected[path.extname(file)] ?? /./);
      expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(response.headers.get("content-security-policy")).toBe(EXPLORER_CSP);
      await response.arrayBuffer();
    }
  });

  test("the stylesheet loads nothing from elsewhere: no @import, and url() only of its own files or data", () => {
    const css = builtAssets().find((file) => file.endsWith(".css")) ?? "";
    const text = readFileSync(path.join(BUILD_DIR, "assets", css), "utf8");
    expect(text).not.toMatch(/@import/);
    for (const [, url] of text.matchAll(/url\(\s*["']?([^"')]*)/g)) expect(url).toMatch(/^(data:|\.\/|[\w-]+\.\w+$)/);
  });

  test("with EXPLORER=false, GET / is no explorer and a browser's GET /graphql gets GraphQL's answer", async () => {
    const off = await startWithExplorerOff();
    try {
      const root = await fetch(`${off.origin}/`, { headers: { accept: BROWSER_ACCEPT } });
      expect(root.status).toBe(404);
      expect(await root.text()).not.toContain("explorer/assets");
      const browser = await fetch(`${off.origin}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
      expect(await browser.text()).not.toContain("explorer/assets");
      const asset = builtAssets().find((file) => file.endsWith(".js")) ?? "";
      expect((await fetch(`${off.origin}/explorer/assets/${asset}`)).status).toBe(404);
      const graphql = await fetch(`${off.origin}/graphql?query=${encodeURIComponent("{ __typename }")}`, {
        headers: { accept: "application/json", "apollo-require-preflight": "true" },
      });
      expect(await graphql.json()).toMatchObject({ data: { __typename: "Query" } });
    } finally {
      await off.close();
    }
  });
});

describe("in a headless Chromium with every request off this machine blocked", () => {
  let browser: Browser;
  const requested: string[] = [];
  const blocked: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `No Chromium at ${CHROMIUM}: install Debian's (apt-get install -y chromium; .ci/run does) or set CHROMIUM_PATH.`,
      );
    }
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      // Belt and braces: even a request the route below did not see cannot resolve a name.
      args: ["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** A page in a fresh context (a first visit: no stored tabs), whose every request goes through the guard. */
  async function newPage(): Promise<Page> {
    const context: BrowserContext = await browser.newContext({ viewport: VIEWPORT });
    await context.route("**/*", async (route) => {
      const url = route.request().url();
      requested.push(url);
      if (LOOPBACK.has(new URL(url).hostname)) return route.continue();
      blocked.push(url);
      return route.abort("blockedbyclient");
    });
    const page = await context.newPage();
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console: ${message.text()}`);
    });
    page.on("requestfailed", (request) => problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`));
    return page;
  }

  test('GET / loads GraphiQL, runs the claim 1 example in one click and shows "absurd"', async () => {
    const page = await newPage();
    await page.goto(`${server.origin}/`);
    const queryEditor = page.locator(".graphiql-query-editor .monaco-editor");
    await queryEditor.waitFor({ timeout: 30_000 });
    await expectText(queryEditor, "Claim1WithProvenance");
    await page.locator(".graphiql-execute-button").click();
    const response = page.locator(".graphiql-response");
    await expectText(response, '"absurd"');
    await expectText(response, '"DENIES"');
    // On screen, not merely rendered: Monaco draws only what its viewport shows, and the test's is the window's.
    // Monaco re-renders its lines as it settles: a line found a moment ago may be gone, so ask a few times.
    const line = response.locator(".view-line", { hasText: '"absurd"' }).first();
    let box: Awaited<ReturnType<typeof line.boundingBox>> = null;
    for (let attempt = 0; attempt < 20 && !box; attempt += 1) {
      await line.waitFor({ state: "visible", timeout: 10_000 });
      box = await line.boundingBox();
    }
    expect(box && box.y + box.height).toBeLessThanOrEqual(VIEWPORT.height);
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    expect(statSync(SCREENSHOT).size).toBeGreaterThan(30_000);
    await page.context().close();
  }, 90_000);

  test("a browser's GET /graphql shows the same explorer, with its example tabs", async () => {
    const page = await newPage();
    await page.goto(`${server.origin}/graphql`);
    await page.locator(".graphiql-query-editor .monaco-editor").waitFor({ timeout: 30_000 });
    const tabs = page.locator(".graphiql-tab");
    await expectText(tabs.nth(3), "RecordStatement");
    // The mutation's tab comes with the Authorization header to fill in.
    await tabs.nth(3).click();
    await page.locator(".graphiql-editor-tools").getByText("Headers", { exact: true }).click();
    await expectText(page.locator(".graphiql-editor-tool"), "Authorization");
    // The schema came by introspection: the docs show the root types.
    await page.getByLabel("Show Documentation Explorer").click();
    await expectText(page.locator(".graphiql-doc-explorer"), "Query");
    await page.context().close();
  }, 60_000);

  test("the live updates tab subscribes over WebSocket and shows a statement recorded meanwhile", async () => {
    const page = await newPage();
    await page.goto(`${server.origin}/`);
    await page.locator(".graphiql-query-editor .monaco-editor").waitFor({ timeout: 30_000 });
    const tabs = page.locator(".graphiql-tab");
    await expectText(tabs.nth(4), "ClaimEvents");
    await tabs.nth(4).click();
    await expectText(page.locator(".graphiql-query-editor .monaco-editor"), "claimEvents");
    await page.locator(".graphiql-execute-button").click();
    const claimId = dataOf(await server.gql(CLAIM_1_WITH_PROVENANCE)).searchClaims.nodes[0].id;
    const variables = JSON.parse(RECORD_STATEMENT_VARIABLES);
    variables.input.claimId = claimId;
    variables.input.paraphrase = "Said so while the explorer listened.";
    // A write made before the page's subscription is open is not replayed to it (no cursor
    // yet): write until one arrives, a few times at most.
    const response = page.locator(".graphiql-response");
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expect(dataOf(await server.gql(RECORD_STATEMENT, variables)).recordStatement.userErrors).toEqual([]);
      const arrived = await response
        .filter({ hasText: "while the explorer listened" })
        .first()
        .waitFor({ timeout: 3_000 })
        .then(() => true)
        .catch(() => false);
      if (arrived) break;
    }
    await expectText(response, "STATEMENT_RECORDED");
    await expectText(response, "while the explorer listened");
    await page.screenshot({ path: path.join(ROOT, "test-artifacts", "explorer-live.png") });
    await page.context().close();
  }, 60_000);

  test("nothing was requested off this machine, and nothing failed or broke the CSP", () => {
    // The route saw the page's requests, its web workers' included.
    for (const worker of ["editor", "json", "graphql"]) {
      expect(requested).toContainEqual(
        expect.stringMatching(new RegExp(`/explorer/assets/${worker}\\.worker-\\w+\\.js$`)),
      );
    }
    expect(blocked).toEqual([]);
    expect(problems).toEqual([]);
  });

  test("the guard works: a request off this machine is blocked and counted", async () => {
    const page = await newPage();
    await expect(page.goto("http://claimtrail.example/")).rejects.toThrow(/ERR_BLOCKED_BY_CLIENT/);
    expect(blocked).toEqual(["http://claimtrail.example/"]);
    await page.context().close();
  });
});

/** A server started as EXPLORER=false starts it (main.ts passes the setting on). */
function startWithExplorerOff(): Promise<TestServer> {
  return startTestServer({ explorer: false });
}

/** Waits until the element's text contains `text` (Monaco renders its lines after the answer comes). */
async function expectText(locator: ReturnType<Page["locator"]>, text: string): Promise<void> {
  try {
    await locator.filter({ hasText: text }).first().waitFor({ timeout: 30_000 });
  } catch {
    throw new Error(
      `"${text}" never appeared; the element shows: ${(await locator.first().innerText()).slice(0, 2000)}`,
    );
  }
}
