// Query.claimStats: the dashboard counts over all claims and over a filter, on the data
// set of helpers/dashboard-data.ts.
import { buildDashboardData, uuidOf, type DashboardData } from "./helpers/dashboard-data";
import { dataOf, startTestServer, type TestServer } from "./helpers/test-server";

let server: TestServer;
let data: DashboardData;
beforeAll(async () => {
  server = await startTestServer();
  data = await buildDashboardData(server);
});
afterAll(() => server.close());

const STATS = `query ($filter: ClaimFilter) { claimStats(filter: $filter) {
  total
  byStatus { status count }
  byTopic { topic count }
  topTwoTopics: byTopic(first: 2) { topic count }
  byActor { actor { name } count }
  deniers: byActor(stance: DENIES) { actor { name } count }
  byPublisher { actor { name } count }
  mostDisputed { id statementCount }
  newestDenials { quote actor { name } claim { id } }
} }`;

async function stats(filter?: Record<string, unknown>) {
  return dataOf(await server.gql(STATS, { filter })).claimStats;
}

function perDay(from: string, to: string, field?: string, filter?: Record<string, unknown>) {
  return server.gql(
    `query ($from: DateTime!, $to: DateTime!, $field: ClaimDateField, $filter: ClaimFilter) {
      claimStats(filter: $filter) { perDay(from: $from, to: $to, field: $field) { day count } } }`,
    { from, to, field, filter },
  );
}

test("counts every claim: total, by status, by topic", async () => {
  const result = await stats();
  expect(result.total).toBe(6);
  expect(result.byStatus).toEqual([
    { status: "DISPUTED", count: 2 },
    { status: "UNVERIFIED", count: 2 },
    { status: "REFUTED", count: 1 },
    { status: "SUPPORTED", count: 1 },
  ]);
  expect(result.byTopic).toEqual([
    { topic: "economy", count: 2 },
    { topic: "climate", count: 1 },
    { topic: "education", count: 1 },
    { topic: "infrastructure", count: 1 },
    { topic: "trade", count: 1 },
  ]);
  expect(result.topTwoTopics).toEqual([
    { topic: "economy", count: 2 },
    { topic: "climate", count: 1 },
  ]);
});

test("byActor counts the claims each speaker has live statements on, or took a stance on", async () => {
  const result = await stats();
  expect(result.byActor).toEqual([
    { actor: { name: "Agency Beta" }, count: 4 },
    { actor: { name: "Minister Alpha" }, count: 3 },
    { actor: { name: "Analyst Gamma" }, count: 2 },
  ]);
  // Beta denied two claims (one of them twice); Alpha's denial on the schools claim was retracted.
  expect(result.deniers).toEqual([
    { actor: { name: "Agency Beta" }, count: 2 },
    { actor: { name: "Minister Alpha" }, count: 1 },
  ]);
  const first = dataOf(
    await server.gql(
      `{ claimStats { byActor(first: 1, stance: ASSERTS) { count } concedes: byActor(stance: CONCEDES) { count } } }`,
    ),
  ).claimStats;
  expect(first).toEqual({ byActor: [{ count: 2 }], concedes: [] });
});

test("byPublisher counts the claims each publisher's sources carry through statements", async () => {
  const result = await stats();
  expect(result.byPublisher).toEqual([
    { actor: { name: "Daily Herald" }, count: 3 },
    { actor: { name: "Wire Service" }, count: 2 },
    { actor: { name: "Research Lab" }, count: 1 },
  ]);
});

test("mostDisputed lists claims with both sides on record, most disputed first", async () => {
  const result = await stats();
  const tied = [data.claims.output, data.claims.bridge].sort((a, b) => uuidOf(b).localeCompare(uuidOf(a)));
  expect(result.mostDisputed.map((claim: any) => claim.id)).toEqual([data.claims.schools, ...tied]);
  const top = dataOf(await server.gql(`{ claimStats { mostDisputed(first: 1) { id } } }`)).claimStats;
  expect(top.mostDisputed).toEqual([{ id: data.claims.schools }]);
});

test("newestDenials lists live denials, newest first", async () => {
  const result = await stats();
  expect(result.newestDenials).toEqual([
    { quote: "Reopening in May is not possible.", actor: { name: "Agency Beta" }, claim: { id: data.claims.schools } },
    { quote: "No reopening is planned.", actor: { name: "Agency Beta" }, claim: { id: data.claims.schools } },
    { quote: "The bridge is open as usual.", actor: { name: "Minister Alpha" }, claim: { id: data.claims.bridge } },
    { quote: "Output did not double.", actor: { name: "Agency Beta" }, claim: { id: data.claims.output } },
  ]);
  const two = dataOf(await server.gql(`{ claimStats { newestDenials(first: 2) { quote } } }`)).claimStats;
  expect(two.newestDenials).toHaveLength(2);
});

test("perDay counts claims per UTC day over [from, to), days without claims included", async () => {
  const days = dataOf(await perDay("2024-01-09T00:00:00Z", "2024-01-12T00:00:00Z")).claimStats.perDay;
  expect(days).toEqual([
    { day: "2024-01-09", count: 0 },
    { day: "2024-01-10", count: 1 },
    { day: "2024-01-11", count: 0 },
  ]);
  const spring = dataOf(await perDay("2024-01-01T00:00:00Z", "2024-06-01T00:00:00Z")).claimStats.perDay;
  expect(spring).toHaveLength(152);
  expect(spring.filter((day: any) => day.count > 0)).toEqual([
    { day: "2024-01-10", count: 1 },
    { day: "2024-02-10", count: 1 },
    { day: "2024-03-10", count: 1 },
    { day: "2024-04-10", count: 1 },
    { day: "2024-05-10", count: 1 },
  ]);
  // `to` is exclusive: the claim first seen at noon on 2024-05-10 is left out of a range ending then.
  const before = dataOf(await perDay("2024-05-09T00:00:00Z", "2024-05-10T12:00:00Z")).claimStats.perDay;
  expect(before).toEqual([
    { day: "2024-05-09", count: 0 },
    { day: "2024-05-10", count: 0 },
  ]);
});

test("perDay by creation date counts every claim on the day it was created", async () => {
  const days = (await server.prisma.claim.findMany({ select: { createdAt: true } })).map((claim) =>
    claim.createdAt.toISOString().slice(0, 10),
  );
  const from = `${[...days].sort()[0]}T00:00:00Z`;
  const to = new Date(Date.parse(`${[...days].sort().at(-1)}T00:00:00Z`) + 24 * 60 * 60 * 1000).toISOString();
  const result = dataOf(await perDay(from, to, "CREATED_AT")).claimStats.perDay;
  const expected = [...new Set(days)].sort().map((day) => ({ day, count: days.filter((d) => d === day).length }));
  expect(result).toEqual(expected);
  expect(result.reduce((sum: number, day: any) => sum + day.count, 0)).toBe(6);
});

test("perDay refuses a range that is empty, reversed or longer than 366 days", async () => {
  const refused = { code: "BAD_USER_INPUT", argument: "to" };
  for (const [from, to] of [
    ["2024-01-10T00:00:00Z", "2024-01-10T00:00:00Z"],
    ["2024-01-10T00:00:00Z", "2024-01-01T00:00:00Z"],
    ["2024-01-01T00:00:00Z", "2025-01-02T00:00:01Z"],
  ]) {
    const response = await perDay(from!, to!);
    expect(response.errors?.[0]?.extensions).toMatchObject(refused);
  }
  const leapYear = dataOf(await perDay("2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z")).claimStats.perDay;
  expect(leapYear).toHaveLength(366);
});

test("every count follows the filter", async () => {
  const result = await stats({ topic: "economy" });
  expect(result).toEqual({
    total: 2,
    byStatus: [
      { status: "DISPUTED", count: 1 },
      { status: "SUPPORTED", count: 1 },
    ],
    byTopic: [
      { topic: "economy", count: 2 },
      { topic: "trade", count: 1 },
    ],
    topTwoTopics: [
      { topic: "economy", count: 2 },
      { topic: "trade", count: 1 },
    ],
    byActor: [
      { actor: { name: "Agency Beta" }, count: 2 },
      { actor: { name: "Minister Alpha" }, count: 1 },
    ],
    deniers: [{ actor: { name: "Agency Beta" }, count: 1 }],
    byPublisher: [
      { actor: { name: "Wire Service" }, count: 2 },
      { actor: { name: "Daily Herald" }, count: 1 },
    ],
    mostDisputed: [{ id: data.claims.output, statementCount: 2 }],
    newestDenials: [
      { quote: "Output did not double.", actor: { name: "Agency Beta" }, claim: { id: data.claims.output } },
    ],
  });
  const perDayFiltered = dataOf(
    await perDay("2024-03-09T00:00:00Z", "2024-03-12T00:00:00Z", "FIRST_SEEN_AT", { language: "fr" }),
  ).claimStats.perDay;
  expect(perDayFiltered).toEqual([
    { day: "2024-03-09", count: 0 },
    { day: "2024-03-10", count: 1 },
    { day: "2024-03-11", count: 0 },
  ]);
  const denied = await stats({ saidBy: data.actors.alpha, stance: "DENIES" });
  expect([denied.total, denied.mostDisputed, denied.newestDenials.map((s: any) => s.quote)]).toEqual([
    1,
    [{ id: data.claims.bridge, statementCount: 3 }],
    ["The bridge is open as usual."],
  ]);
});
