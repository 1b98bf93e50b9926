// claimtrail's demo data: the case the project grew from (a BGNES wire report on
// Putin's state visit to Pyongyang, 18–19 June 2024), as a fact-checker would record
// it. Short quotations with their attribution are data; the report's prose is not
// copied. Written in the GraphQL input shapes, so the same data can be loaded through
// the services (load-seed-case.ts) or sent as mutations (the integration tests).
import type {
  AddEvidenceInput,
  CreateActorInput,
  CreateClaimInput,
  RecordStatementInput,
  SourceRefInput,
} from "../graphql/resolvers-types.generated";

export interface SeedClaim {
  /** A stable name for the claim within the seed (not stored). */
  key: string;
  claim: CreateClaimInput;
  statements: Omit<RecordStatementInput, "claimId">[];
  evidence: Omit<AddEvidenceInput, "claimId">[];
}

export const SEED_NAME = "seed-case:putin-pyongyang-2024";

const VISIT_TALKS = new Date("2024-06-19T00:00:00Z");

export const seedActors: CreateActorInput[] = [
  { name: "United States", kind: "STATE", aliases: ["Washington", "USA"] },
  {
    name: "North Korea",
    kind: "STATE",
    description: "Democratic People's Republic of Korea; its government is often called Pyongyang",
    aliases: ["Pyongyang", "DPRK", "Democratic People's Republic of Korea"],
  },
  { name: "Russia", kind: "STATE", aliases: ["Moscow", "Russian Federation"] },
  { name: "South Korea", kind: "STATE", aliases: ["Seoul", "Republic of Korea"] },
  { name: "Vladimir Putin", kind: "PERSON", description: "President of Russia", affiliation: "Russia" },
  { name: "Kim Jong Un", kind: "PERSON", description: "Leader of North Korea", affiliation: "North Korea" },
  {
    name: "Koh Yoo-hwan",
    kind: "PERSON",
    description: "Professor Emeritus of North Korean Studies",
    affiliation: "Dongguk University",
  },
  {
    name: "Kim Sung-bae",
    kind: "PERSON",
    description: "Senior research fellow",
    affiliation: "Institute for National Security Strategy (Seoul)",
  },
  {
    name: "AFP",
    kind: "MEDIA_OUTLET",
    description: "Agence France-Presse, news agency",
    aliases: ["Agence France-Presse"],
  },
  { name: "Russian state media", kind: "MEDIA_OUTLET", description: "Russian state-controlled news outlets" },
  { name: "BGNES", kind: "MEDIA_OUTLET", description: "Bulgarian news agency; publisher of the seed report" },
  { name: "UN Security Council", kind: "ORGANIZATION", aliases: ["United Nations Security Council", "UNSC"] },
  { name: "Unnamed experts", kind: "OTHER", description: "Experts cited without being named" },
];

/** The report: a wire story with no URL or date of its own, found by publisher and title. */
export const seedReport: SourceRefInput = {
  title: "Red carpet and hug for Putin in North Korea",
  kind: "WIRE_REPORT",
  language: "en",
  publisher: { name: "BGNES" },
};

/** Expert -> told AFP -> carried by BGNES. */
const toldAfpCarriedByBgnes = [
  { relation: "TOLD" as const, actor: { name: "AFP" } },
  { relation: "CARRIED_BY" as const, actor: { name: "BGNES" } },
];

export const seedClaims: SeedClaim[] = [
  {
    key: "arms-supply",
    claim: {
      text: "North Korea supplies ammunition and missiles to Russia for its war against Ukraine",
      language: "en",
      topics: ["north-korea", "russia", "arms-trade", "war-in-ukraine"],
    },
    statements: [
      {
        stance: "ASSERTS",
        actor: { name: "United States" },
        paraphrase:
          "Accused North Korea, together with its allies, of sending ammunition and missiles for Russia's war.",
        source: seedReport,
      },
      {
        stance: "DENIES",
        actor: { name: "Pyongyang" },
        quote: "absurd",
        paraphrase: "Called the accusation of supplying weapons to Russia absurd.",
        source: seedReport,
      },
    ],
    evidence: [
      {
        direction: "SUPPORTS",
        kind: "OFFICIAL_ACT",
        summary:
          "In March 2024 North Korea thanked Russia for its UN Security Council veto, which ended the monitoring " +
          "of sanctions violations just as UN experts had begun looking into alleged arms shipments.",
        source: seedReport,
        actor: { name: "North Korea" },
      },
      {
        direction: "SUPPORTS",
        kind: "EXPERT_ANALYSIS",
        summary:
          "An expert on North Korea argues that the war gives Russia a need for North Korean arms, and North Korea " +
          "a need for Russian food, energy and advanced weapons.",
        excerpt: "Russia needs North Korea's arms support because of the protracted war in Ukraine",
        source: seedReport,
        actor: { name: "Koh Yoo-hwan" },
        via: toldAfpCarriedByBgnes,
      },
      {
        direction: "CONTEXT",
        kind: "STATEMENT",
        summary:
          "Putin thanked Kim for supporting Russian policy on Ukraine: support for a policy, not proof of arms deliveries.",
        excerpt: "systematic and constant support for Russian policy, including on the Ukrainian issue",
        source: seedReport,
        actor: { name: "Vladimir Putin" },
        observedAt: VISIT_TALKS,
        via: [
          { relation: "QUOTED_BY", actor: { name: "Russian state media" } },
          { relation: "REPORTED_BY", actor: { name: "BGNES" } },
        ],
      },
    ],
  },
  {
    key: "arms-deal-violates-un",
    claim: {
      text: "Any arms deal between North Korea and Russia would violate UN Security Council resolutions",
      language: "en",
      topics: ["north-korea", "russia", "arms-trade", "sanctions"],
    },
    statements: [
      {
        stance: "ASSERTS",
        actor: { name: "Unnamed experts" },
        paraphrase:
          "Experts warned that arms deals would breach the Security Council's resolutions on North Korea's weapons programmes.",
        source: seedReport,
      },
    ],
    evidence: [],
  },
  {
    key: "border-warning-shots",
    claim: {
      text: "South Korean troops fired warning shots at North Korean soldiers who briefly crossed the border on 18 June 2024",
      language: "en",
      topics: ["north-korea", "south-korea", "border"],
      firstSeenAt: new Date("2024-06-18T00:00:00Z"),
    },
    statements: [
      {
        stance: "ASSERTS",
        actor: { name: "South Korea", kind: "STATE" },
        paraphrase:
          "The South Korean military said its troops fired warning shots at soldiers from the North who crossed and then withdrew.",
        source: seedReport,
      },
    ],
    evidence: [],
  },
  {
    key: "strategic-space",
    claim: {
      text: 'Russia seeks a "strategic space" in Northeast Asia to counter US influence',
      language: "en",
      topics: ["russia", "northeast-asia", "geopolitics"],
    },
    statements: [
      {
        stance: "ASSERTS",
        actor: { name: "Kim Sung-bae" },
        quote:
          "Russia's ambition is to secure a 'strategic space' in Northeast Asia to counter US influence in the region",
        source: seedReport,
      },
    ],
    evidence: [],
  },
  {
    key: "new-era",
    claim: {
      text: 'Russia–North Korea relations are entering a "new era"',
      language: "en",
      topics: ["north-korea", "russia", "diplomacy"],
    },
    statements: [
      {
        stance: "ASSERTS",
        actor: { name: "Kim Jong Un" },
        quote: "The relations between our countries are entering a new era of prosperity",
        statedAt: VISIT_TALKS,
        source: seedReport,
      },
    ],
    evidence: [],
  },
  {
    key: "foundational-document",
    claim: {
      text: 'Putin is ready to sign a "new foundational document" on long-term relations with North Korea',
      language: "en",
      topics: ["north-korea", "russia", "diplomacy"],
    },
    statements: [
      {
        stance: "ASSERTS",
        actor: { name: "Vladimir Putin" },
        quote: "new foundational document",
        paraphrase: "Said at the start of the talks that he was ready to sign a document framing long-term relations.",
        statedAt: VISIT_TALKS,
        source: seedReport,
      },
    ],
    evidence: [],
  },
  {
    key: "moscow-cautious",
    claim: {
      text: "Moscow is cautious about burning its bridges with countries like South Korea",
      language: "en",
      topics: ["russia", "south-korea", "diplomacy"],
    },
    statements: [
      {
        stance: "ASSERTS",
        actor: { name: "Koh Yoo-hwan" },
        quote: "completely burning down the bridges with countries like South Korea",
        source: seedReport,
        via: toldAfpCarriedByBgnes,
      },
    ],
    evidence: [],
  },
];
