// A small deterministic data set for the list filters and the dashboard counts, recorded
// through the public mutations. What it holds (live statements unless said otherwise):
//
//   claim     language topics                status      first seen   statements (source)                          evidence     verdicts
//   output    en       economy               DISPUTED    2024-01-10   Alpha ASSERTS (herald), Beta DENIES (wire)   lab          -
//   bridge    en       infrastructure        REFUTED     2024-02-10   Gamma, Beta ASSERTS, Alpha DENIES (herald)   -            False
//   exports   fr       economy, trade        SUPPORTED   2024-03-10   Beta ASSERTS (wire)                          -            True
//   rainfall  en       climate               UNVERIFIED  2024-04-10   -                                            herald, lab  -
//   schools   en       education             DISPUTED    2024-05-10   Gamma, Alpha ASSERTS (herald),               -            False (retracted)
//                                                                     Beta DENIES (herald, lab),
//                                                                     Alpha DENIES (herald, retracted)
//   filler    en       -                     UNVERIFIED  (creation)   -                                            heraldOld    -
//
// Publishers: herald and heraldOld by Daily Herald, wire by Wire Service, lab by Research Lab.
import { ADD_VERDICT, CREATE_ACTOR, CREATE_CLAIM, RECORD_STATEMENT, expectNoUserErrors } from "./operations";
import { dataOf, type TestServer } from "./test-server";

const ADD_EVIDENCE_WITH_SOURCE = `mutation ($input: AddEvidenceInput!) {
  addEvidence(input: $input) { evidence { id source { id } } userErrors { field message code } } }`;

export const CLAIM_KEYS = ["output", "bridge", "exports", "rainfall", "schools", "filler"] as const;
export type ClaimKey = (typeof CLAIM_KEYS)[number];
export type ActorKey = "alpha" | "beta" | "gamma" | "herald" | "wire" | "lab" | "checkDesk";
export type SourceKey = "herald" | "heraldOld" | "wire" | "lab";

export interface DashboardData {
  claims: Record<ClaimKey, string>;
  actors: Record<ActorKey, string>;
  sources: Record<SourceKey, string>;
  /** Claim key by global ID. */
  keyOf: Map<string, ClaimKey>;
}

const ACTORS: Record<ActorKey, { name: string; kind: string }> = {
  alpha: { name: "Minister Alpha", kind: "PERSON" },
  beta: { name: "Agency Beta", kind: "ORGANIZATION" },
  gamma: { name: "Analyst Gamma", kind: "PERSON" },
  herald: { name: "Daily Herald", kind: "MEDIA_OUTLET" },
  wire: { name: "Wire Service", kind: "MEDIA_OUTLET" },
  lab: { name: "Research Lab", kind: "ORGANIZATION" },
  checkDesk: { name: "Check Desk", kind: "FACT_CHECKER" },
};

const SOURCES: Record<SourceKey, Record<string, unknown>> = {
  herald: {
    url: "https://herald.example/news/1",
    title: "Herald story",
    kind: "NEWS_ARTICLE",
    publisher: { name: "Daily Herald" },
    publishedAt: "2024-03-01T00:00:00Z",
  },
  heraldOld: {
    url: "https://herald.example/news/0",
    title: "Older Herald story",
    kind: "NEWS_ARTICLE",
    publisher: { name: "Daily Herald" },
    publishedAt: "2024-01-15T00:00:00Z",
  },
  wire: {
    url: "https://wire.example/dispatch/2",
    title: "Wire dispatch",
    kind: "WIRE_REPORT",
    publisher: { name: "Wire Service" },
    publishedAt: "2024-03-05T00:00:00Z",
  },
  lab: {
    url: "https://lab.example/report/3",
    title: "Lab report",
    kind: "REPORT",
    publisher: { name: "Research Lab" },
    publishedAt: "2024-02-01T00:00:00Z",
  },
};

const CLAIMS: Record<ClaimKey, Record<string, unknown>> = {
  output: { text: "Factory output doubled last year", topics: ["economy"], firstSeenAt: "2024-01-10T12:00:00Z" },
  bridge: {
    text: "The bridge was closed for repairs",
    topics: ["infrastructure"],
    firstSeenAt: "2024-02-10T12:00:00Z",
  },
  exports: {
    text: "Les exportations ont augmenté",
    language: "fr",
    topics: ["economy", "trade"],
    firstSeenAt: "2024-03-10T12:00:00Z",
  },
  rainfall: { text: "Rainfall hit a record in March", topics: ["climate"], firstSeenAt: "2024-04-10T12:00:00Z" },
  schools: { text: "Schools will reopen in May", topics: ["education"], firstSeenAt: "2024-05-10T12:00:00Z" },
  filler: { text: "Ferry timetable changes next week" },
};

export async function buildDashboardData(server: TestServer): Promise<DashboardData> {
  const actors = {} as Record<ActorKey, string>;
  for (const [key, actor] of Object.entries(ACTORS) as [ActorKey, { name: string; kind: string }][]) {
    const payload = dataOf(await server.gql(CREATE_ACTOR, { input: actor })).createActor;
    expectNoUserErrors(payload);
    actors[key] = payload.actor.id;
  }
  const claims = {} as Record<ClaimKey, string>;
  for (const key of CLAIM_KEYS) {
    const payload = dataOf(await server.gql(CREATE_CLAIM, { input: CLAIMS[key] })).createClaim;
    expectNoUserErrors(payload);
    claims[key] = payload.claim.id;
  }
  const sources = {} as Record<SourceKey, string>;

  const say = async (claim: ClaimKey, actor: ActorKey, stance: string, source: SourceKey, quote: string) => {
    const payload = dataOf(
      await server.gql(RECORD_STATEMENT, {
        input: { claimId: claims[claim], stance, actor: { id: actors[actor] }, source: SOURCES[source], quote },
      }),
    ).recordStatement;
    expectNoUserErrors(payload);
    sources[source] = payload.statement.source.id;
    return payload.statement.id as string;
  };
  const evidence = async (claim: ClaimKey, source: SourceKey, summary: string) => {
    const payload = dataOf(
      await server.gql(ADD_EVIDENCE_WITH_SOURCE, {
        input: { claimId: claims[claim], direction: "CONTEXT", kind: "DOCUMENT", summary, source: SOURCES[source] },
      }),
    ).addEvidence;
    expectNoUserErrors(payload);
    sources[source] = payload.evidence.source.id;
  };
  const verdict = async (claim: ClaimKey, rating: string, conclusion: string, reviewedAt: string) => {
    const payload = dataOf(
      await server.gql(ADD_VERDICT, {
        input: { claimId: claims[claim], reviewer: { id: actors.checkDesk }, rating, conclusion, reviewedAt },
      }),
    ).addVerdict;
    expectNoUserErrors(payload);
    return payload.verdict.id as string;
  };
  const retract = async (mutation: "retractStatement" | "retractVerdict", id: string) => {
    const payload = dataOf(
      await server.gql(
        `mutation ($input: RetractInput!) { ${mutation}(input: $input) { userErrors { field message code } } }`,
        { input: { id, reason: "Recorded in error" } },
      ),
    )[mutation];
    expectNoUserErrors(payload);
  };

  await say("output", "alpha", "ASSERTS", "herald", "Output doubled, no question.");
  await say("output", "beta", "DENIES", "wire", "Output did not double.");
  await evidence("output", "lab", "Production statistics for the year");

  await say("bridge", "gamma", "ASSERTS", "herald", "The bridge is shut.");
  await say("bridge", "beta", "ASSERTS", "herald", "Repairs have started on the bridge.");
  await say("bridge", "alpha", "DENIES", "herald", "The bridge is open as usual.");
  await verdict("bridge", "False", "REFUTED", "2024-02-20T00:00:00Z");

  await say("exports", "beta", "ASSERTS", "wire", "Les exportations sont en hausse.");
  await verdict("exports", "True", "SUPPORTED", "2024-03-20T00:00:00Z");

  await evidence("rainfall", "herald", "Weather records from the archive");
  await evidence("rainfall", "lab", "Rain gauge data for March");

  await say("schools", "gamma", "ASSERTS", "herald", "Schools reopen in May.");
  await say("schools", "alpha", "ASSERTS", "herald", "We will reopen the schools.");
  await say("schools", "beta", "DENIES", "herald", "No reopening is planned.");
  await say("schools", "beta", "DENIES", "lab", "Reopening in May is not possible.");
  await retract("retractStatement", await say("schools", "alpha", "DENIES", "herald", "Wrongly attributed denial."));
  await retract("retractVerdict", await verdict("schools", "False", "REFUTED", "2024-05-20T00:00:00Z"));

  await evidence("filler", "heraldOld", "Timetable notice");

  const keyOf = new Map((Object.entries(claims) as [ClaimKey, string][]).map(([key, id]) => [id, key]));
  return { claims, actors, sources, keyOf };
}

/** The UUID inside a global ID (for checking the tie-breaker of an ordering). */
export function uuidOf(globalId: string): string {
  return Buffer.from(globalId, "base64").toString("utf8").split(":")[1] ?? "";
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
