// The case the project grew from, recorded through the public mutations and read back
// with its provenance.
import pino from "pino";
import { loadSeedCaseOnce } from "../src/seed/load-seed-case";
import { decodeIdOfType } from "../src/shared/global-id";
import { CLAIM_PAGE, recordSeedCase } from "./helpers/operations";
import { dataOf, startTestServer, type TestServer } from "./helpers/test-server";

let server: TestServer;
let ids: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer();
  ids = await recordSeedCase(server);
});
afterAll(() => server.close());

function claimId(key: string): string {
  const id = ids[key];
  if (!id) throw new Error(`no seed claim ${key}`);
  return id;
}

describe("claim 1 (North Korean arms for Russia) read back in one query", () => {
  let claim: any;
  beforeAll(async () => {
    claim = dataOf(await server.gql(CLAIM_PAGE, { id: claimId("arms-supply") })).claim;
  });

  test("is DISPUTED: the United States asserts it and Pyongyang denies it", () => {
    expect(claim.text).toBe("North Korea supplies ammunition and missiles to Russia for its war against Ukraine");
    expect(claim.status).toBe("DISPUTED");
    expect(claim.statements.map((s: any) => [s.actor.name, s.stance])).toEqual([
      ["United States", "ASSERTS"],
      ["North Korea", "DENIES"],
    ]);
  });

  test("the denial carries the exact word 'absurd' and was found through the alias Pyongyang", () => {
    const denial = claim.statements.find((s: any) => s.stance === "DENIES");
    expect(denial.quote).toBe("absurd");
    expect(denial.actor.aliases).toContain("Pyongyang");
  });

  test("every statement has a chain from the speaker to BGNES, which carries the report", () => {
    for (const statement of claim.statements) {
      const hops = statement.attribution;
      expect(hops[0]).toMatchObject({ position: 0, relation: "SPOKE", actor: { name: statement.actor.name } });
      expect(hops.at(-1)).toMatchObject({ actor: { name: "BGNES" }, source: { id: statement.source.id } });
      expect(statement.source).toMatchObject({ title: "Red carpet and hug for Putin in North Korea", url: null });
      expect(statement.source.publisher.name).toBe("BGNES");
    }
  });

  test("the evidence comes with its sources, and the expert analysis with its chain through AFP", () => {
    expect(claim.evidence.map((e: any) => [e.direction, e.kind])).toEqual([
      ["SUPPORTS", "OFFICIAL_ACT"],
      ["SUPPORTS", "EXPERT_ANALYSIS"],
      ["CONTEXT", "STATEMENT"],
    ]);
    for (const item of claim.evidence) expect(item.source.publisher.name).toBe("BGNES");
    const analysis = claim.evidence[1];
    expect(analysis.actor.name).toBe("Koh Yoo-hwan");
    expect(analysis.attribution.map((h: any) => [h.relation, h.actor.name])).toEqual([
      ["SPOKE", "Koh Yoo-hwan"],
      ["TOLD", "AFP"],
      ["CARRIED_BY", "BGNES"],
    ]);
    const context = claim.evidence[2];
    expect(context.excerpt).toBe(
      "systematic and constant support for Russian policy, including on the Ukrainian issue",
    );
    expect(context.attribution.map((h: any) => h.actor.name)).toEqual([
      "Vladimir Putin",
      "Russian state media",
      "BGNES",
    ]);
  });

  test("provenance lists every chain, actor and source with their roles", () => {
    const { provenance } = claim;
    expect(provenance.truncated).toBe(false);
    expect(provenance.chains).toHaveLength(5);
    expect(provenance.sources.map((s: any) => s.title)).toEqual(["Red carpet and hug for Putin in North Korea"]);
    const roles = Object.fromEntries(provenance.actors.map((a: any) => [a.actor.name, a.roles]));
    expect(roles).toEqual({
      "United States": ["SPEAKER"],
      "North Korea": ["SPEAKER", "EVIDENCE_AUTHOR"],
      "Koh Yoo-hwan": ["EVIDENCE_AUTHOR"],
      "Vladimir Putin": ["EVIDENCE_AUTHOR"],
      BGNES: ["RELAY", "PUBLISHER"],
      AFP: ["RELAY"],
      "Russian state media": ["RELAY"],
    });
  });
});

test("every claim Koh Yoo-hwan is on record for, and through which outlets", async () => {
  const data = dataOf(
    await server.gql(`{ actorByName(name: "koh  yoo-hwan") {
      name description affiliation statementCount
      claims { text }
      statements { claim { text } attribution { actor { name } } }
    } }`),
  );
  const koh = data.actorByName;
  expect(koh).toMatchObject({ name: "Koh Yoo-hwan", affiliation: "Dongguk University", statementCount: 1 });
  expect(koh.claims.map((c: any) => c.text)).toEqual([
    "Moscow is cautious about burning its bridges with countries like South Korea",
  ]);
  expect(koh.statements[0].attribution.map((h: any) => h.actor.name)).toEqual(["Koh Yoo-hwan", "AFP", "BGNES"]);
});

test("every claim the report carries, from the report's own record", async () => {
  const data = dataOf(
    await server.gql(
      `{ actorByName(name: "BGNES") { kind publishedSources { id title claims(first: 20) { text } statements(first: 20) { id } } } }`,
    ),
  );
  const [report] = data.actorByName.publishedSources;
  expect(data.actorByName.publishedSources).toHaveLength(1);
  expect(report.claims).toHaveLength(7);
  expect(report.statements).toHaveLength(8);
  const node = dataOf(
    await server.gql(`query ($id: ID!) { node(id: $id) { __typename ... on Source { title } } }`, { id: report.id }),
  );
  expect(node.node).toEqual({ __typename: "Source", title: "Red carpet and hug for Putin in North Korea" });
});

test("recording the case created each actor and the report once", async () => {
  const [actors, sources, claims, statements, evidence] = await Promise.all([
    server.prisma.actor.count(),
    server.prisma.source.count(),
    server.prisma.claim.count(),
    server.prisma.statement.count(),
    server.prisma.evidence.count(),
  ]);
  expect({ actors, sources, claims, statements, evidence }).toEqual({
    actors: 13,
    sources: 1,
    claims: 7,
    statements: 8,
    evidence: 3,
  });
});

test("the demo seed loads into a database that already has one of its actors, which gains the seed's aliases", async () => {
  const other = await startTestServer();
  try {
    const created = dataOf(
      await other.gql(`mutation { createActor(input: { name: "North Korea", kind: STATE }) { actor { id } } }`),
    ).createActor.actor;
    expect(await loadSeedCaseOnce(other.prisma, pino({ level: "silent" }))).toBe(true);

    const actor = dataOf(
      await other.gql(`query ($id: ID!) { node(id: $id) { ... on Actor { name aliases } } }`, { id: created.id }),
    ).node;
    expect(actor.name).toBe("North Korea");
    expect(actor.aliases).toEqual(expect.arrayContaining(["Pyongyang", "DPRK"]));
    // The seed's denial ("absurd", said by "Pyongyang") is on that actor, not on a second one.
    const quotes = await other.prisma.statement.findMany({
      where: { actorId: decodeIdOfType(created.id, "Actor") ?? "" },
    });
    expect(quotes.map((statement) => statement.quote)).toContain("absurd");
    expect(await other.prisma.actor.count({ where: { nameKey: "north korea" } })).toBe(1);
  } finally {
    await other.close();
  }
});
