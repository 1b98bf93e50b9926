import { conclusionFromRating, deriveClaimStatus } from "./claim-status";

describe("deriveClaimStatus", () => {
  it("returns the latest verdict's conclusion even when statements disagree", () => {
    expect(deriveClaimStatus({ latestVerdict: "REFUTED", stances: ["ASSERTS", "DENIES"] })).toBe("REFUTED");
    expect(deriveClaimStatus({ latestVerdict: "MIXED", stances: [] })).toBe("MIXED");
  });

  it.each([
    ["ASSERTS", "DENIES"],
    ["ASSERTS", "RETRACTS"],
    ["CONCEDES", "DENIES"],
    ["CONCEDES", "RETRACTS"],
  ] as const)("is DISPUTED without a verdict when %s meets %s", (supporting, opposing) => {
    expect(deriveClaimStatus({ latestVerdict: null, stances: [supporting, "QUESTIONS", opposing] })).toBe("DISPUTED");
  });

  it("is UNVERIFIED with no statements", () => {
    expect(deriveClaimStatus({ latestVerdict: null, stances: [] })).toBe("UNVERIFIED");
  });

  it("is UNVERIFIED when only QUESTIONS stances exist", () => {
    expect(deriveClaimStatus({ latestVerdict: null, stances: ["QUESTIONS", "QUESTIONS"] })).toBe("UNVERIFIED");
  });

  it("is UNVERIFIED when every stance is on the same side", () => {
    expect(deriveClaimStatus({ latestVerdict: null, stances: ["ASSERTS", "CONCEDES"] })).toBe("UNVERIFIED");
    expect(deriveClaimStatus({ latestVerdict: null, stances: ["DENIES", "RETRACTS", "QUESTIONS"] })).toBe("UNVERIFIED");
  });
});

describe("conclusionFromRating", () => {
  it("maps the top third to SUPPORTED, the bottom third to REFUTED and the middle to MIXED", () => {
    expect([1, 2, 3, 4, 5].map((value) => conclusionFromRating(value, 1, 5))).toEqual([
      "REFUTED",
      "REFUTED",
      "MIXED",
      "SUPPORTED",
      "SUPPORTED",
    ]);
  });

  it("puts the exact one-third and two-thirds boundaries in the outer thirds", () => {
    expect(conclusionFromRating(1, 0, 3)).toBe("REFUTED");
    expect(conclusionFromRating(2, 0, 3)).toBe("SUPPORTED");
    expect(conclusionFromRating(4, 1, 10)).toBe("REFUTED");
    expect(conclusionFromRating(7, 1, 10)).toBe("SUPPORTED");
    expect(conclusionFromRating(5.5, 1, 10)).toBe("MIXED");
  });

  it("handles a reversed scale where worst is greater than best", () => {
    expect([1, 2, 3, 4, 5].map((value) => conclusionFromRating(value, 5, 1))).toEqual([
      "SUPPORTED",
      "SUPPORTED",
      "MIXED",
      "REFUTED",
      "REFUTED",
    ]);
    expect(conclusionFromRating(1, 3, 0)).toBe("SUPPORTED");
    expect(conclusionFromRating(2, 3, 0)).toBe("REFUTED");
  });
});
