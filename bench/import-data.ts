// The import benchmark's file, line by line: deterministic (a seeded PRNG), claims of
// distinct wording with about 2 statements, 1 evidence item and 0.3 verdicts each, naming
// shared speakers (a few popular, many rare), outlets and their articles, as a file
// gathered from several fact-checking desks would.
import { prng } from "./prng";

const SPEAKERS = 3000;
const OUTLETS = 300;
const FACT_CHECKERS = 20;
const ARTICLES = 30_000;
const AGENCIES = ["AFP", "Reuters", "AP", "dpa", "EFE"];
const KINDS = ["PERSON", "PERSON", "PERSON", "ORGANIZATION", "STATE"] as const;
const STANCES = ["ASSERTS", "ASSERTS", "DENIES", "QUESTIONS", "CONCEDES"] as const;
const DIRECTIONS = ["SUPPORTS", "CONTRADICTS", "CONTEXT"] as const;
const EVIDENCE_KINDS = ["DOCUMENT", "DATA", "EXPERT_ANALYSIS", "MEDIA_REPORT", "OFFICIAL_ACT"] as const;
const RATINGS = [
  { rating: "False", conclusion: "REFUTED" },
  { rating: "Mostly false", conclusion: "REFUTED" },
  { rating: "Half true", conclusion: "MIXED" },
  { rating: "Mostly true", conclusion: "SUPPORTED" },
  { rating: "True", conclusion: "SUPPORTED" },
] as const;
const TOPICS = ["economy", "health", "elections", "climate", "migration", "energy", "war-in-ukraine", "sanctions"];
const LANGUAGES = ["en", "en", "en", "en", "de", "fr", "es", "ko"];
const WORDS = `government minister officials army police court company bank market prices energy gas oil water
food health hospital vaccine study data million billion percent year people children workers farmers city region
country border president party vote election campaign law plan deal trade exports imports tax budget debt crisis
war peace talks summit treaty sanctions attack troops weapons missiles drones ships satellite video online accounts
fake leaked documents investigation experts climate flood drought emissions coal solar nuclear grid chips factory
gold grain wheat fertilizer port shipping smuggling fraud corruption funds aid loans`.split(/\s+/);

export function* bulkLines(count: number): Generator<string> {
  const random = prng(20240619);
  const int = (max: number) => Math.floor(random() * max);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)] as T;
  /** Skewed towards small numbers: a few speakers and outlets appear on many lines. */
  const skewed = (max: number) => Math.floor(max * random() ** 3);
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(" ");
  const day = (offset: number) => new Date(Date.UTC(2023, 0, 1) + offset * 86_400_000).toISOString();

  const speaker = (i: number) => ({
    name: `Speaker ${i}`,
    kind: KINDS[i % KINDS.length],
    ...(i % 7 === 0 ? { affiliation: `Party ${i % 40}` } : {}),
  });
  const outlet = (i: number) => ({ name: `Outlet ${i}`, kind: "MEDIA_OUTLET" });
  const article = (i: number) => ({
    url: `https://news${i % OUTLETS}.example/articles/${i}`,
    title: `Article ${i}: ${words(4)}`,
    kind: "NEWS_ARTICLE",
    publisher: outlet(i % OUTLETS),
    publishedAt: day(i % 700),
  });

  for (let index = 0; index < count; index += 1) {
    const seen = int(700);
    const statements = Array.from({ length: 1 + int(2) + (random() < 0.1 ? 1 : 0) }, () => {
      const articleIndex = skewed(ARTICLES);
      const statement: Record<string, unknown> = {
        stance: pick(STANCES),
        actor: speaker(skewed(SPEAKERS)),
        source: article(articleIndex),
        statedAt: day(seen + int(10)),
      };
      if (random() < 0.6) statement.quote = words(8 + int(12));
      else statement.paraphrase = words(10 + int(15));
      if (random() < 0.2) statement.via = [{ relation: "TOLD", actor: { name: pick(AGENCIES), kind: "MEDIA_OUTLET" } }];
      return statement;
    });
    const evidence = Array.from({ length: random() < 0.85 ? 1 : 2 }, () => ({
      direction: pick(DIRECTIONS),
      kind: pick(EVIDENCE_KINDS),
      summary: words(15 + int(20)),
      source: article(skewed(ARTICLES)),
    }));
    const verdicts =
      random() < 0.3
        ? [
            {
              reviewer: { name: `Fact Checker ${int(FACT_CHECKERS)}`, kind: "FACT_CHECKER" },
              ...pick(RATINGS),
              reviewedAt: day(seen + 10 + int(20)),
              url: `https://factcheck${int(FACT_CHECKERS)}.example/checks/${index}`,
            },
          ]
        : [];
    yield JSON.stringify({
      claim: {
        text: `Claim ${index}: ${words(10 + int(15))}`,
        language: pick(LANGUAGES),
        topics: [pick(TOPICS), pick(TOPICS)],
        firstSeenAt: day(seen),
      },
      statements,
      evidence,
      verdicts,
    });
  }
}
