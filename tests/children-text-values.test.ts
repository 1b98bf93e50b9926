// The children documents of the claim page and the lists hold text
// (claim-children.repository.ts): timestamps in PostgreSQL's output format, integers as
// digits, read back in Node; other reads build JSON whose timestamps Node's Date reads.
// So the output must not depend on the database's settings (the pool pins DateStyle and
// TimeZone): here the database's time zone is five and a half hours east of UTC and its
// date style the day-first SQL one, and every timestamp and rating still reads as written,
// a date of the year 99 too (local mean time there and then: an offset of +05:53:28).
import { ADD_VERDICT, CREATE_CLAIM, RECORD_STATEMENT, expectNoUserErrors } from "./helpers/operations";
import { createTestDatabase, dataOf, startTestServer, type TestServer } from "./helpers/test-server";
import { quoteIdent, withAdminClient } from "./setup/test-database";

let server: TestServer;

beforeAll(async () => {
  const database = await createTestDatabase();
  const name = quoteIdent(new URL(database.url).pathname.slice(1));
  await withAdminClient(database.url, async (client) => {
    await client.query(`ALTER DATABASE ${name} SET timezone = 'Asia/Kolkata'`);
    await client.query(`ALTER DATABASE ${name} SET datestyle = 'SQL, DMY'`);
  });
  server = await startTestServer({ database });
}, 60_000);
afterAll(() => server.close());

test("timestamps and integer ratings of children rows read as written, whatever the database's time zone and date style", async () => {
  const created = dataOf(await server.gql(CREATE_CLAIM, { input: { text: "Text values", topics: ["text-values"] } }));
  expectNoUserErrors(created.createClaim);
  const claimId = created.createClaim.claim.id as string;
  const recorded = dataOf(
    await server.gql(RECORD_STATEMENT, {
      input: {
        claimId,
        stance: "ASSERTS",
        quote: "Said in the year 99",
        statedAt: "0099-06-01T12:00:00.125Z",
        actor: { name: "Text Speaker", kind: "PERSON" },
        source: { url: "https://text-values.example/a", title: "A", publishedAt: "2024-02-29T00:00:00.001Z" },
      },
    }),
  );
  expectNoUserErrors(recorded.recordStatement);
  const verdict = dataOf(
    await server.gql(ADD_VERDICT, {
      input: {
        claimId,
        reviewer: { name: "Text Checker", kind: "FACT_CHECKER" },
        rating: "Mostly false",
        ratingValue: -3,
        bestRating: 5,
        worstRating: -5,
        reviewedAt: "2024-03-02T04:05:06.789Z",
      },
    }),
  );
  expectNoUserErrors(verdict.addVerdict);

  const statement = { statedAt: "0099-06-01T12:00:00.125Z", source: { publishedAt: "2024-02-29T00:00:00.001Z" } };
  const rating = { reviewedAt: "2024-03-02T04:05:06.789Z", ratingValue: -3, bestRating: 5, worstRating: -5 };
  const fields = `statements { statedAt source { publishedAt } }
    verdicts { reviewedAt ratingValue bestRating worstRating } latestVerdict { reviewedAt ratingValue }`;
  const page = dataOf(await server.gql(`query ($id: ID!) { claim(id: $id) { ${fields} } }`, { id: claimId })).claim;
  const list = dataOf(
    await server.gql(`{ claims(first: 5, filter: { topic: "text-values" }) { nodes { ${fields} } } }`),
  ).claims.nodes;
  for (const claim of [page, ...list]) {
    expect(claim).toEqual({
      statements: [statement],
      verdicts: [rating],
      latestVerdict: { reviewedAt: rating.reviewedAt, ratingValue: -3 },
    });
  }
  expect(list).toHaveLength(1);
  // A JSON field passes values as they are (GraphQL's Int would turn "-3" into -3 on its own).
  const review = dataOf(await server.gql(`query ($id: ID!) { claim(id: $id) { claimReview } }`, { id: claimId })).claim
    .claimReview;
  expect(review.reviewRating).toMatchObject({ ratingValue: -3, bestRating: 5, worstRating: -5 });
  expect(review.datePublished).toBe("2024-03-02T04:05:06.789Z");
});
