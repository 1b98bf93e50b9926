// schema.org ClaimReview: export (Claim.claimReview and GET /claims/:id/claim-review),
// import (importClaimReview and POST /claim-review), the lossless round trip of the seed
// case's claim 1, a document in the shape Google's Fact Check Tools publishes, bad
// documents, and who may import.
import { readFileSync } from "node:fs";
import path from "node:path";
import { ADD_VERDICT, CREATE_CLAIM, expectNoUserErrors, recordSeedCase } from "./helpers/operations";
import { dataOf, startTestServer, type TestServer } from "./helpers/test-server";

const IMPORT = `mutation ($input: ImportClaimReviewInput!) { importClaimReview(input: $input) {
  items {
    index claimCreated verdictCreated
    claim { id text status language firstSeenAt updatedAt }
    verdict { id rating ratingValue bestRating worstRating conclusion reviewedAt url language reviewer { name kind } }
  }
  userErrors { field message code } } }`;

const CLAIM_REVIEW = `query ($id: ID!) { claim(id: $id) { id status claimReview } }`;

const MERGE = `mutation ($input: MergeClaimsInput!) { mergeClaims(input: $input) { userErrors { field code } } }`;

const googleDocument = JSON.parse(
  readFileSync(path.join(__dirname, "fixtures", "claimreview-google.json"), "utf8"),
) as Record<string, any>;

let seeded: TestServer;
let empty: TestServer;
let claim1: string;
let seedClaimIds: Record<string, string>;

beforeAll(async () => {
  [seeded, empty] = await Promise.all([startTestServer(), startTestServer()]);
  seedClaimIds = await recordSeedCase(seeded);
  claim1 = seedClaimIds["arms-supply"] ?? "";
  const added = dataOf(
    await seeded.gql(ADD_VERDICT, {
      input: {
        claimId: claim1,
        reviewer: { name: "AFP Fact Check", kind: "FACT_CHECKER" },
        rating: "Mostly true",
        ratingValue: 4,
        bestRating: 5,
        worstRating: 1,
        reviewedAt: "2024-06-21T00:00:00Z",
        url: "https://factcheck.afp.com/doc.afp.com.North-Korea-arms?utm_source=feed",
        explanation: "US and South Korean officials documented the deliveries; Pyongyang denies them.",
      },
    }),
  ).addVerdict;
  expectNoUserErrors(added);
});
afterAll(() => Promise.all([seeded?.close(), empty?.close()]));

async function rowCounts(server: TestServer) {
  const [claims, actors, sources, statements, verdicts, auditEvents] = await Promise.all([
    server.prisma.claim.count(),
    server.prisma.actor.count(),
    server.prisma.source.count(),
    server.prisma.statement.count(),
    server.prisma.verdict.count(),
    server.prisma.auditEvent.count(),
  ]);
  return { claims, actors, sources, statements, verdicts, auditEvents };
}

async function exported(server: TestServer, id: string): Promise<any> {
  return dataOf(await server.gql(CLAIM_REVIEW, { id })).claim.claimReview;
}

async function fetchClaimReview(server: TestServer, id: string) {
  const response = await fetch(`${server.origin}/claims/${encodeURIComponent(id)}/claim-review`);
  return {
    status: response.status,
    contentType: response.headers.get("content-type") ?? "",
    text: await response.text(),
  };
}

async function importDocument(server: TestServer, document: unknown, key?: string | null) {
  const response = await server.gql(IMPORT, { input: { document } }, key === undefined ? {} : { key });
  return dataOf(response).importClaimReview;
}

describe("export", () => {
  test("claim 1 with one verdict is one ClaimReview, the same over GraphQL and over GET as application/ld+json", async () => {
    const claim = dataOf(
      await seeded.gql(`query ($id: ID!) { claim(id: $id) { text firstSeenAt claimReview } }`, { id: claim1 }),
    ).claim;
    const report = {
      "@type": "CreativeWork",
      headline: "Red carpet and hug for Putin in North Korea",
      inLanguage: "en",
      publisher: { "@type": "NewsMediaOrganization", name: "BGNES" },
    };
    expect(claim.claimReview).toEqual({
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      url: "https://factcheck.afp.com/doc.afp.com.North-Korea-arms",
      datePublished: "2024-06-21",
      inLanguage: "en",
      claimReviewed: claim.text,
      author: { "@type": "Organization", name: "AFP Fact Check" },
      reviewRating: {
        "@type": "Rating",
        ratingValue: 4,
        bestRating: 5,
        worstRating: 1,
        alternateName: "Mostly true",
      },
      reviewBody: "US and South Korean officials documented the deliveries; Pyongyang denies them.",
      itemReviewed: {
        "@type": "Claim",
        inLanguage: "en",
        datePublished: claim.firstSeenAt,
        // The United States asserts it; North Korea's denial is not an appearance.
        author: { "@type": "GovernmentOrganization", name: "United States" },
        appearance: [report],
        firstAppearance: report,
      },
    });

    const http = await fetchClaimReview(seeded, claim1);
    expect(http.status).toBe(200);
    expect(http.contentType).toMatch(/^application\/ld\+json/);
    expect(http.text).toBe(JSON.stringify(claim.claimReview));
  });

  test("a claim with no live verdict has no ClaimReview: null in GraphQL, a 404 JSON error over GET", async () => {
    const unreviewed = seedClaimIds["arms-deal-violates-un"] ?? "";
    expect(await exported(seeded, unreviewed)).toBeNull();
    const unknownClaim = Buffer.from("Claim:00000000-0000-4000-8000-000000000000").toString("base64");
    for (const id of [unreviewed, unknownClaim, "not-an-id"]) {
      const response = await fetchClaimReview(seeded, id);
      expect(response.status).toBe(404);
      expect(response.contentType).toMatch(/^application\/json/);
      expect(JSON.parse(response.text)).toMatchObject({ error: { code: "NOT_FOUND" } });
    }
  });
});

describe("round trip of claim 1", () => {
  test("export -> import into an empty database -> export gives the identical document and status", async () => {
    const original = await exported(seeded, claim1);
    const [item, ...others] = (await importDocument(empty, original)).items;
    expect(others).toEqual([]);
    expect(item).toMatchObject({
      index: 0,
      claimCreated: true,
      verdictCreated: true,
      claim: { text: original.claimReviewed, status: "SUPPORTED", language: "en" },
      verdict: { rating: "Mostly true", conclusion: "SUPPORTED", reviewer: { name: "AFP Fact Check" } },
    });
    expect(await rowCounts(empty)).toMatchObject({ claims: 1, statements: 1, verdicts: 1, sources: 1, actors: 3 });

    const again = dataOf(await empty.gql(CLAIM_REVIEW, { id: item.claim.id })).claim;
    expect(JSON.stringify(again.claimReview)).toBe(JSON.stringify(original));
    expect(again.status).toBe(dataOf(await seeded.gql(CLAIM_REVIEW, { id: claim1 })).claim.status);
  });

  test("importing the export into the database it came from writes nothing, not even an update", async () => {
    const original = await exported(seeded, claim1);
    const before = await rowCounts(seeded);
    const updatedAt = (await seeded.prisma.claim.findMany({ orderBy: { id: "asc" } })).map((row) => row.updatedAt);
    const [item] = (await importDocument(seeded, original)).items;
    expect(item).toMatchObject({ claimCreated: false, verdictCreated: false, claim: { id: claim1 } });
    expect(await rowCounts(seeded)).toEqual(before);
    const after = (await seeded.prisma.claim.findMany({ orderBy: { id: "asc" } })).map((row) => row.updatedAt);
    expect(after).toEqual(updatedAt);
  });

  test("with a second verdict the export is a @graph, newest first, and it round-trips onto what the copy already has", async () => {
    const added = dataOf(
      await seeded.gql(ADD_VERDICT, {
        input: {
          claimId: claim1,
          reviewer: { name: "Korea Verify", kind: "FACT_CHECKER" },
          rating: "Half true",
          ratingValue: 2,
          bestRating: 3,
          worstRating: 1,
          reviewedAt: "2024-07-02T14:05:09.250Z",
          language: "ko",
        },
      }),
    ).addVerdict;
    expectNoUserErrors(added);
    const original = await exported(seeded, claim1);
    expect(Object.keys(original)).toEqual(["@context", "@graph"]);
    expect(original["@graph"].map((node: any) => [node.author.name, node.datePublished, node.inLanguage])).toEqual([
      ["Korea Verify", "2024-07-02T14:05:09.250Z", "ko"],
      ["AFP Fact Check", "2024-06-21", "en"],
    ]);
    expect(original["@graph"][0]).not.toHaveProperty("url");

    const items = (await importDocument(empty, original)).items;
    expect(items.map((item: any) => [item.index, item.claimCreated, item.verdictCreated])).toEqual([
      [0, false, true],
      [1, false, false],
    ]);
    expect(items[0].claim.status).toBe("MIXED");
    expect(JSON.stringify(await exported(empty, items[0].claim.id))).toBe(JSON.stringify(original));
  });

  test("a merged claim's ID serves the surviving claim's ClaimReview over GET", async () => {
    const duplicate = dataOf(
      await seeded.gql(CREATE_CLAIM, {
        input: { text: "North Korea is shipping missiles and shells to Russia for the war in Ukraine" },
      }),
    ).createClaim.claim.id;
    expectNoUserErrors(
      dataOf(await seeded.gql(MERGE, { input: { sourceId: duplicate, targetId: claim1 } })).mergeClaims,
    );
    const viaMerged = await fetchClaimReview(seeded, duplicate);
    expect(viaMerged.status).toBe(200);
    expect(viaMerged.text).toBe((await fetchClaimReview(seeded, claim1)).text);
  });
});

describe("import of a document in the shape Google's Fact Check Tools publishes", () => {
  let factChecker: string;
  let imported: any;
  beforeAll(async () => {
    factChecker = await empty.createKey("FACT_CHECKER");
  });

  test("a FACT_CHECKER key creates the claim, its speaker, the reviewer, the appearances and the verdict; the claim is REFUTED", async () => {
    const before = await rowCounts(empty);
    const payload = await importDocument(empty, googleDocument, factChecker);
    expect(payload.userErrors).toEqual([]);
    [imported] = payload.items;
    expect(imported).toMatchObject({
      index: 0,
      claimCreated: true,
      verdictCreated: true,
      claim: {
        text: "The town of Riverton secretly added lithium to its tap water in 2023",
        language: "en",
        status: "REFUTED",
        firstSeenAt: "2024-01-10T00:00:00.000Z",
      },
      verdict: {
        rating: "False",
        ratingValue: 1,
        bestRating: 5,
        worstRating: 1,
        conclusion: "REFUTED",
        reviewedAt: "2024-01-15T00:00:00.000Z",
        url: "https://factcheck.example.org/2024/01/15/riverton-tap-water-lithium",
        reviewer: { name: "Example Fact Check", kind: "FACT_CHECKER" },
      },
    });
    const after = await rowCounts(empty);
    expect({
      claims: after.claims - before.claims,
      actors: after.actors - before.actors,
      sources: after.sources - before.sources,
      statements: after.statements - before.statements,
      verdicts: after.verdicts - before.verdicts,
    }).toEqual({ claims: 1, actors: 2, sources: 2, statements: 2, verdicts: 1 });

    const speaker = await empty.prisma.actor.findFirstOrThrow({ where: { name: "Jordan Sample" } });
    expect(speaker).toMatchObject({ kind: "PERSON", description: "Candidate for the Riverton town council" });
    const statements = await empty.prisma.statement.findMany({
      where: { actorId: speaker.id },
      include: { source: true },
      orderBy: { statedAt: { sort: "asc", nulls: "last" } },
    });
    expect(statements.map((s) => [s.stance, s.source.url, s.source.title, s.statedAt?.toISOString() ?? null])).toEqual([
      [
        "ASSERTS",
        "https://social.example.com/jordansample/posts/1746",
        "https://social.example.com/jordansample/posts/1746",
        "2024-01-10T00:00:00.000Z",
      ],
      ["ASSERTS", "https://video.example.net/watch?v=r1v3rt0n", "https://video.example.net/watch?v=r1v3rt0n", null],
    ]);
    const events = await empty.prisma.auditEvent.findMany({ where: { claimId: statements[0]?.claimId } });
    expect(events.map((event) => [event.action, event.entityType]).sort()).toEqual([
      ["CREATED", "Claim"],
      ["CREATED", "Statement"],
      ["CREATED", "Statement"],
      ["CREATED", "Verdict"],
    ]);
  });

  test("importing it again creates nothing", async () => {
    const before = await rowCounts(empty);
    const [item] = (await importDocument(empty, googleDocument, factChecker)).items;
    expect(item).toMatchObject({
      claimCreated: false,
      verdictCreated: false,
      claim: { id: imported.claim.id },
      verdict: { id: imported.verdict.id },
    });
    expect(await rowCounts(empty)).toEqual(before);
  });

  test("exported again, it reads as what claimtrail keeps of it", async () => {
    const document = await exported(empty, imported.claim.id);
    const social = { "@type": "CreativeWork", url: "https://social.example.com/jordansample/posts/1746" };
    expect(document).toEqual({
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      url: "https://factcheck.example.org/2024/01/15/riverton-tap-water-lithium",
      datePublished: "2024-01-15",
      inLanguage: "en",
      claimReviewed: googleDocument.claimReviewed,
      author: { "@type": "Organization", name: "Example Fact Check" },
      reviewRating: { ...googleDocument.reviewRating },
      itemReviewed: {
        "@type": "Claim",
        inLanguage: "en",
        datePublished: "2024-01-10",
        author: { "@type": "Person", name: "Jordan Sample" },
        appearance: [social, { "@type": "CreativeWork", url: "https://video.example.net/watch?v=r1v3rt0n" }],
        firstAppearance: social,
      },
    });
  });

  test("with two appearances and a person as author it round-trips into another database too", async () => {
    const original = await exported(empty, imported.claim.id);
    const [item] = (await importDocument(seeded, original)).items;
    expect(item).toMatchObject({ claimCreated: true, verdictCreated: true, claim: { status: "REFUTED" } });
    expect(JSON.stringify(await exported(seeded, item.claim.id))).toBe(JSON.stringify(original));
  });

  test("a @graph document imports its ClaimReviews, resolving @id references and skipping other nodes", async () => {
    const document = {
      "@context": "https://schema.org",
      "@graph": [
        { "@type": "WebPage", "@id": "https://factcheck.example.org/moon#page", name: "Moon fact check" },
        { "@type": "Organization", "@id": "#org", name: "Example Fact Check", url: "https://factcheck.example.org" },
        {
          "@type": ["schema:ClaimReview"],
          datePublished: "2024-02-01T08:00:00+01:00",
          claimReviewed: "The Moon landing footage was filmed in a studio",
          author: { "@id": "#org" },
          reviewRating: { "@type": "Rating", alternateName: "Pants on Fire" },
          itemReviewed: { "@type": "Claim", appearance: "https://blog.example.com/moon-hoax" },
        },
      ],
    };
    const payload = await importDocument(empty, document, factChecker);
    expect(payload.userErrors).toEqual([]);
    expect(payload.items).toHaveLength(1);
    expect(payload.items[0]).toMatchObject({
      index: 2,
      claimCreated: true,
      claim: { status: "REFUTED" },
      verdict: {
        rating: "Pants on Fire",
        ratingValue: null,
        conclusion: "REFUTED",
        reviewedAt: "2024-02-01T07:00:00.000Z",
        reviewer: { name: "Example Fact Check" },
      },
    });
  });
});

describe("bad documents", () => {
  test("a document with a bad review names every bad field and writes nothing, not even its good reviews", async () => {
    const good = { ...googleDocument, claimReviewed: "A claim that must not be created by a failed import" };
    const bad = {
      ...googleDocument,
      claimReviewed: undefined,
      datePublished: "15/01/2024",
      reviewRating: { ...googleDocument.reviewRating, ratingValue: 7 },
      itemReviewed: { ...googleDocument.itemReviewed, appearance: [{ "@type": "CreativeWork", headline: "No URL" }] },
    };
    const before = await rowCounts(empty);
    const payload = await importDocument(empty, [good, bad]);
    expect(payload.items).toBeNull();
    expect(payload.userErrors.map((error: any) => [error.field, error.code]).sort()).toEqual([
      ["input.document.1.claimReviewed", "REQUIRED"],
      ["input.document.1.datePublished", "INVALID"],
      ["input.document.1.itemReviewed.appearance.0.url", "REQUIRED"],
      ["input.document.1.reviewRating.ratingValue", "INVALID"],
    ]);
    expect(await rowCounts(empty)).toEqual(before);
  });

  test("a document with no ClaimReview in it is refused", async () => {
    for (const document of [{ "@type": "WebPage", name: "x" }, [], "text"]) {
      const payload = await importDocument(empty, document);
      expect(payload.userErrors).toEqual([expect.objectContaining({ field: "input.document", code: "INVALID" })]);
    }
  });
});

describe("who may import", () => {
  test("anonymous requests are refused with UNAUTHENTICATED and EDITOR keys with FORBIDDEN", async () => {
    const anonymous = await empty.gql(IMPORT, { input: { document: googleDocument } }, { key: null });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const editor = await empty.gql(
      IMPORT,
      { input: { document: googleDocument } },
      { key: await empty.createKey("EDITOR") },
    );
    expect(editor.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", permission: "PUBLISH_VERDICTS" });
  });

  test("POST /claim-review imports with a FACT_CHECKER key, refuses without one, and answers 400 for a bad document", async () => {
    const post = (body: unknown, key: string | null) =>
      fetch(`${empty.origin}/claim-review`, {
        method: "POST",
        headers: { "content-type": "application/ld+json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
        body: JSON.stringify(body),
      });
    const document = { ...googleDocument, claimReviewed: "Riverton's reservoir was drained in secret in 2023" };
    const [editorKey, factChecker] = [await empty.createKey("EDITOR"), await empty.createKey("FACT_CHECKER")];
    const before = await rowCounts(empty);

    const anonymous = await post(document, null);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
    const editor = await post(document, editorKey);
    expect(editor.status).toBe(403);
    expect(await rowCounts(empty)).toEqual(before);

    const invalid = await post({ ...document, reviewRating: { "@type": "Rating" } }, factChecker);
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({
      userErrors: [{ field: "input.document.reviewRating.alternateName", code: "REQUIRED" }],
    });

    const imported = await post(document, factChecker);
    expect(imported.status).toBe(200);
    const body = (await imported.json()) as any;
    expect(body.items).toEqual([
      {
        index: 0,
        claimId: expect.any(String),
        verdictId: expect.any(String),
        claimCreated: true,
        verdictCreated: true,
      },
    ]);
    // The speaker, the reviewer and the appearances exist already: only the claim, its statements and verdict are new.
    const after = await rowCounts(empty);
    expect([after.claims - before.claims, after.actors - before.actors, after.statements - before.statements]).toEqual([
      1, 0, 2,
    ]);
  });
});
