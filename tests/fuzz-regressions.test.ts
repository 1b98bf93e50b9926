// Bugs the fuzzer found (tests/fuzz.test.ts, npm run fuzz), each pinned by the smallest
// request that showed it.
import { startTestServer, type TestServer } from "./helpers/test-server";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.close();
});

describe("DateTime values outside the years 0001 to 9999", () => {
  const outOfRange = ["0000-01-01T00:00:00Z", "0001-01-01T00:30:00+01:00", "9999-12-31T23:00:00-05:00"];

  test.each(outOfRange)("a claims filter with %s is refused as bad input, not a server error", async (date) => {
    const response = await server.gql(`query ($f: ClaimFilter) { claims(filter: $f) { totalCount } }`, {
      f: { firstSeenAfter: date },
    });
    expect(response.errors?.map((error) => error.extensions?.code)).toEqual(["BAD_USER_INPUT"]);
    expect(response.errors?.[0]?.message).toContain("DateTime must be between 0001-01-01T00:00:00.000Z");
  });

  test("an inline literal out of range fails validation", async () => {
    const response = await server.gql(
      `{ searchClaims(query: "x", filter: { updatedBefore: "0000-06-01T00:00:00Z" }) { totalCount } }`,
    );
    expect(response.errors?.map((error) => error.extensions?.code)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
  });

  test("creating a claim first seen in year 0 is refused and creates nothing", async () => {
    const before = await server.prisma.claim.count();
    const response = await server.gql(
      `mutation ($input: CreateClaimInput!) { createClaim(input: $input) { claim { id } userErrors { message } } }`,
      { input: { text: "A claim from year zero", firstSeenAt: "0000-01-01T00:00:00Z" } },
    );
    expect(response.errors?.map((error) => error.extensions?.code)).toEqual(["BAD_USER_INPUT"]);
    expect(await server.prisma.claim.count()).toBe(before);
  });

  test("the edges of the range are accepted", async () => {
    const response = await server.gql(`query ($f: ClaimFilter) { claims(filter: $f) { totalCount } }`, {
      f: { firstSeenAfter: "0001-01-01T00:00:00Z", firstSeenBefore: "9999-12-31T23:59:59.999Z" },
    });
    expect(response.errors).toBeUndefined();
    expect(response.data?.claims.totalCount).toEqual(expect.any(Number));
  });
});
