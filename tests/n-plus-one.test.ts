// The claim page and the claims list run a fixed number of SQL statements, however
// many statements, actors, sources, chains and evidence items there are.
import {
  ADD_EVIDENCE,
  ADD_VERDICT,
  CLAIM_PAGE,
  CREATE_CLAIM,
  RECORD_STATEMENT,
  expectNoUserErrors,
} from "./helpers/operations";
import { dataOf, startTestServer, type TestServer } from "./helpers/test-server";
import { Q1, Q2 } from "../bench/queries";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** A claim with `size` statements and evidence items, each by a different actor in a different source. */
async function claimWith(size: number, tag: string): Promise<string> {
  const claim = dataOf(await server.gql(CREATE_CLAIM, { input: { text: `Claim ${tag} with ${size} statements` } }))
    .createClaim.claim;
  for (let i = 0; i < size; i += 1) {
    const recorded = dataOf(
      await server.gql(RECORD_STATEMENT, {
        input: {
          claimId: claim.id,
          stance: i % 2 === 0 ? "ASSERTS" : "DENIES",
          quote: `quote ${i}`,
          actor: { name: `Speaker ${tag}-${i}`, kind: "PERSON", aliases: [`Alias ${tag}-${i}`] },
          source: {
            url: `https://news${i}.example.org/${tag}/story`,
            title: `Story ${i}`,
            publisher: { name: `Outlet ${tag}-${i}`, kind: "MEDIA_OUTLET" },
          },
          via: [{ relation: "TOLD", actor: { name: `Agency ${tag}-${i}`, kind: "MEDIA_OUTLET" } }],
        },
      }),
    ).recordStatement;
    expectNoUserErrors(recorded);
    expectNoUserErrors(
      dataOf(
        await server.gql(ADD_EVIDENCE, {
          input: {
            claimId: claim.id,
            direction: "CONTEXT",
            summary: `evidence ${i}`,
            source: {
              url: `https://docs${i}.example.org/${tag}`,
              title: `Doc ${i}`,
              publisher: { name: `Outlet ${tag}-${i}` },
            },
            actor: { name: `Speaker ${tag}-${i}` },
          },
        }),
      ).addEvidence,
    );
    expectNoUserErrors(
      dataOf(
        await server.gql(ADD_VERDICT, {
          input: {
            claimId: claim.id,
            reviewer: { name: `Checker ${tag}-${i}`, kind: "FACT_CHECKER" },
            rating: "Mixed",
            conclusion: "MIXED",
            reviewedAt: new Date(Date.UTC(2024, 0, 1 + i)).toISOString(),
          },
        }),
      ).addVerdict,
    );
  }
  return claim.id;
}

test("the claim page runs the same number of SQL statements for 2 and for 25 statements", async () => {
  const small = await claimWith(2, "small");
  const large = await claimWith(25, "large");
  const smallRun = await server.countSql(() => server.gql(CLAIM_PAGE, { id: small }));
  const largeRun = await server.countSql(() => server.gql(CLAIM_PAGE, { id: large }));
  const largeClaim = dataOf(largeRun.result).claim;
  expect(largeClaim.statements).toHaveLength(25);
  expect(largeClaim.evidence).toHaveLength(25);
  expect(largeClaim.provenance.chains).toHaveLength(50);
  expect(new Set(largeClaim.statements.map((s: any) => s.actor.name)).size).toBe(25);
  expect(largeRun.statements).toBe(smallRun.statements);
  // Reported in the closing note: the claim-page query's SQL statement count.
  console.log(`claim page: ${largeRun.statements} SQL statements (25 statements, 25 evidence, 25 verdicts)`);
  expect(largeRun.statements).toBeLessThanOrEqual(6);
});

test("a page of claims with their statements and actors does not grow with the number of claims", async () => {
  const query = `query ($first: Int) { claims(first: $first) { totalCount nodes { id status statementCount
      statements(first: 50) { stance actor { name } source { publisher { name } } attribution { actor { name } } }
      latestVerdict { rating reviewer { name } } } } }`;
  const two = await server.countSql(() => server.gql(query, { first: 1 }));
  const all = await server.countSql(() => server.gql(query, { first: 2 }));
  expect(dataOf(all.result).claims.nodes).toHaveLength(2);
  expect(all.statements).toBe(two.statements);
});

test("the benchmark's claim page (Q1) and dashboard list (Q2) run in one SQL statement each", async () => {
  const id = await claimWith(3, "bench");
  const disputed = dataOf(await server.gql(CREATE_CLAIM, { input: { text: "A claim both asserted and denied" } }))
    .createClaim.claim.id;
  for (const stance of ["ASSERTS", "DENIES"]) {
    const recorded = await server.gql(RECORD_STATEMENT, {
      input: {
        claimId: disputed,
        stance,
        quote: stance,
        actor: { name: `Bench ${stance}`, kind: "PERSON" },
        source: { url: `https://bench.example.org/${stance}`, title: stance },
      },
    });
    expectNoUserErrors(dataOf(recorded).recordStatement);
  }
  const page = await server.countSql(() => server.gql(Q1, { id }));
  expect(dataOf(page.result).claim.statements).toHaveLength(3);
  expect(dataOf(page.result).claim.evidence).toHaveLength(3);
  expect(dataOf(page.result).claim.verdicts).toHaveLength(3);
  expect(page.statements).toBe(1);
  const list = await server.countSql(() => server.gql(Q2));
  const nodes = dataOf(list.result).claims.nodes;
  expect(nodes.map((node: { id: string }) => node.id)).toContain(disputed);
  expect(nodes.find((node: { id: string }) => node.id === disputed).statements).toHaveLength(2);
  expect(list.statements).toBe(1);
});

test("children read with only the fields a query names answer it as whole rows do", async () => {
  const id = await claimWith(3, "trimmed");
  // claimReview reads whole rows, so this query's children carry every field.
  const wholeQuery = Q1.replace("verdicts { rating reviewedAt }", "verdicts { rating reviewedAt } claimReview");
  expect(wholeQuery).not.toBe(Q1);
  const trimmed = dataOf(await server.gql(Q1, { id })).claim;
  const { claimReview, ...whole } = dataOf(await server.gql(wholeQuery, { id })).claim;
  expect(claimReview).toBeTruthy();
  expect(trimmed).toEqual(whole);
  expect(trimmed.statements[0]).toMatchObject({
    quote: "quote 0",
    actor: { name: "Speaker trimmed-0", kind: "PERSON" },
  });
  expect(trimmed.statements[0].source.publisher).toEqual({ name: "Outlet trimmed-0" });
});
