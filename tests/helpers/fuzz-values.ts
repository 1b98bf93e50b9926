// Arbitraries for the fuzzer's leaf values: strings (ordinary and hostile), numbers at
// and past their ranges, dates, URLs, language tags, JSON documents and IDs. Nothing
// here is filtered: the hostile values are the point.
import fc from "fast-check";

/** Strings that have broken servers before: control characters, lone surrogates, SQL and LIKE metacharacters, bidi tricks. */
export const HOSTILE_STRINGS: readonly string[] = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "\udfff",
  "x\ud83dy",
  "%",
  "_",
  "%_%",
  "\\",
  "\\%",
  "'",
  "''",
  '"',
  "'; DROP TABLE claims; --",
  "1' OR '1'='1",
  "$1",
  "::uuid",
  "\u200b",
  "\u200b\u200c\u200d\ufeff",
  "\u202e\u202dabc",
  "\u2066evil\u2069",
  "🦜",
  "👩‍👩‍👧‍👦",
  "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇",
  "\r\n",
  "\r\nX-Injected: 1",
  "\t\v\f",
  "\u0085\u2028\u2029",
  "<script>alert(1)</script>",
  "{{7*7}}",
  "${jndi:ldap://127.0.0.1/a}",
  "../../etc/passwd",
  "NaN",
  "Infinity",
  "-0",
  "null",
  "undefined",
  "true",
  "0x7fffffff",
  "9".repeat(400),
  "ÅÄÖ ß ﬁ İ ı",
  "ＡＢＣ",
  "or",
  "-",
  '"unterminated',
  "a & b | !c <-> d",
  ":*",
  "x".repeat(10_000),
  "é".repeat(5_000),
];

export const HOSTILE_URLS: readonly string[] = [
  "https://user:pass@example.org/a",
  "https://user@example.org/",
  "http://:secret@example.org",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "file:///etc/passwd",
  "ftp://example.org/x",
  "http://127.0.0.1:9/hook",
  "http://[::1]:9/",
  "http://localhost/",
  "http://169.254.169.254/latest/meta-data/",
  "https://example.org/" + "a".repeat(10_000),
  "https://exa mple.org/",
  "https://example.org/%00",
  "https://example.org/\u0000",
  "https://xn--e1afmkfd.xn--p1ai/",
  "https://пример.рф/путь?q=ä",
  "https://example.org/?utm_source=x&utm_medium=y",
  "https://example.org:99999/",
  "https://example.org#frag",
  "http://",
  "://",
  "example.org",
  "//example.org/a",
  "https://example.org/\ud800",
];

export const HOSTILE_LANGUAGE_TAGS: readonly string[] = [
  "",
  "x",
  "EN",
  "en-us",
  "zh-Hant-TW",
  "i-klingon",
  "qaa",
  "en_US",
  "en-" + "a".repeat(300),
  "a".repeat(10_000),
  "en\u0000",
  "\ud800",
  "../en",
  "simple",
  "english",
];

export const HOSTILE_DATETIMES: readonly string[] = [
  "",
  "2024-02-30T00:00:00Z",
  "2024-13-01T00:00:00Z",
  "0000-01-01T00:00:00Z",
  "0001-01-01T00:00:00Z",
  "0001-01-01T00:30:00+01:00",
  "9999-12-31T23:59:59Z",
  "9999-12-31T23:00:00-05:00",
  "+275760-09-13T00:00:00Z",
  "-271821-04-20T00:00:00Z",
  "1969-12-31T23:59:59.999Z",
  "2024-06-19",
  "2024-06-19T08:00:00",
  "2024-06-19T08:00:00+25:00",
  "yesterday",
  "1718784000",
  "2024-06-19T08:00:00.123456789Z",
];

export const HUGE_NUMBERS: readonly number[] = [
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53,
  Number.MAX_SAFE_INTEGER,
  1e20,
  1e308,
  -1e308,
  Number.MIN_VALUE,
];

const words = fc.constantFrom(
  "North",
  "Korea",
  "sold",
  "weapons",
  "Russia",
  "denied",
  "lithium",
  "water",
  "claim",
  "Pyongyang",
  "Kim",
  "the",
  "a",
  "in",
  "2023",
  "Ünïcödé",
  "東京",
  "مرحبا",
);

/** Readable text, like real input. */
export const normalText = fc.array(words, { minLength: 1, maxLength: 8 }).map((parts) => parts.join(" "));

/** Any string: normal text, a hostile constant, random code points, or a hostile one embedded in normal text. */
export const anyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: normalText },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(normalText, fc.constantFrom(...HOSTILE_STRINGS), normalText)
      .map(([before, hostile, after]) => `${before}${hostile}${after}`),
  },
);

export const urlString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.webUrl({ withQueryParameters: true, withFragments: true }) },
  {
    weight: 2,
    arbitrary: fc.integer({ min: 1, max: 40 }).map((n) => `https://news.example.org/story/${n}`),
  },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_URLS) },
  { weight: 1, arbitrary: anyString },
);

/** Well-formed http(s) URLs, for valid cases. */
export const validUrl: fc.Arbitrary<string> = fc.oneof(
  fc.webUrl({ validSchemes: ["http", "https"], withQueryParameters: true }),
  fc.integer({ min: 1, max: 40 }).map((n) => `https://news.example.org/story/${n}`),
);

export const validLanguageTag = fc.constantFrom("en", "de", "fr", "ko", "en-GB", "pt-BR");

export const languageTag: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom("en", "de", "fr", "ko", "en-GB", "pt-BR") },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_LANGUAGE_TAGS) },
  { weight: 1, arbitrary: anyString },
);

export const dateTimeString: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2030-01-01T00:00:00Z"), noInvalidDate: true })
      .map((date) => date.toISOString()),
  },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_DATETIMES) },
  { weight: 1, arbitrary: anyString },
);

export const intValue: fc.Arbitrary<number> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 5 }) },
  { weight: 2, arbitrary: fc.constantFrom(0, -1, 50, 100, 101, 1000, 2 ** 31 - 1, -(2 ** 31)) },
  { weight: 1, arbitrary: fc.integer() },
);

/** Values no Int accepts: out of 32-bit range, fractional, not finite in JSON terms. */
export const badIntValue: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(...HUGE_NUMBERS),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

export const floatValue: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(-1, 1.5, 0, -0, ...HUGE_NUMBERS) },
);

/** An ID made up by the client: malformed, of an unknown row, or of the wrong shape altogether. */
export const garbageId: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "",
    "abc",
    "1",
    "0",
    "%",
    "\u0000",
    "\ud800",
    "x".repeat(10_000),
    "'; DROP TABLE claims; --",
    Buffer.from("Claim:not-a-uuid").toString("base64"),
    Buffer.from("Claim:").toString("base64"),
    Buffer.from("Nope:00000000-0000-0000-0000-000000000000").toString("base64"),
    Buffer.from("Claim:00000000-0000-0000-0000-000000000000:extra").toString("base64"),
    Buffer.from("Claim:\u0000").toString("base64"),
    "Q2xhaW06====",
  ),
  fc
    .tuple(
      fc.constantFrom("Claim", "Actor", "Source", "Statement", "Evidence", "Verdict", "ClaimRelation", "ApiKey"),
      fc.uuid(),
    )
    .map(([type, uuid]) => Buffer.from(`${type}:${uuid}`).toString("base64")),
  fc.uuid(),
  anyString,
);

/** A ClaimReview JSON-LD document with random (often hostile) values in its fields. */
const claimReviewDocument = fc
  .record({
    claimReviewed: anyString,
    url: urlString,
    datePublished: dateTimeString,
    authorName: anyString,
    rating: fc.oneof(anyString, fc.constantFrom("False", "True", "Mostly false")),
    ratingValue: fc.oneof(intValue, badIntValue),
    appearance: urlString,
    speaker: anyString,
  })
  .map((r) => ({
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    datePublished: r.datePublished,
    url: r.url,
    claimReviewed: r.claimReviewed,
    author: { "@type": "Organization", name: r.authorName },
    reviewRating: {
      "@type": "Rating",
      ratingValue: r.ratingValue,
      bestRating: 5,
      worstRating: 1,
      alternateName: r.rating,
    },
    itemReviewed: {
      "@type": "Claim",
      author: { "@type": "Person", name: r.speaker },
      appearance: [{ "@type": "CreativeWork", url: r.appearance }],
    },
  }));

export const jsonDocument: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: claimReviewDocument },
  { weight: 1, arbitrary: claimReviewDocument.map((doc) => [doc, doc]) },
  { weight: 1, arbitrary: claimReviewDocument.map((doc) => ({ "@graph": [doc] })) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(
      null,
      [],
      {},
      "",
      0,
      { "@graph": "x" },
      // Deeply nested: a recursive walker without a limit would overflow.
      JSON.parse("[".repeat(2000) + "]".repeat(2000)) as unknown,
    ),
  },
);

/** A string to send in the Authorization header: none, the admin key, or something wrong. */
export type KeyChoice = "admin" | "none" | "garbage" | "viewer";
export const keyChoice = (forMutation: boolean): fc.Arbitrary<KeyChoice> =>
  forMutation
    ? fc.constantFrom<KeyChoice>("admin", "admin", "admin", "admin", "admin", "admin", "none", "garbage", "viewer")
    : fc.constantFrom<KeyChoice>("none", "none", "none", "admin", "garbage", "viewer");

export const GARBAGE_KEYS: readonly string[] = [
  "garbage",
  "ct_live_0000000000000000",
  // Header values are Latin-1 without control characters (fetch refuses others before sending).
  "\u00e9\u00ff",
  "x".repeat(5_000),
  "ct_'; DROP TABLE api_keys; --",
];
