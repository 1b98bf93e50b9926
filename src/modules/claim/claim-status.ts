// The rule that sets a claim's status (documented on ClaimStatus in schema.graphql), and the
// claim's counts, for bulk import's new claims. Every other write applies the same rule in SQL
// (claimtrail_derived_of, through claimtrail_refresh_derived); tests/write-functions.test.ts
// compares the two over every input. Also a verdict's conclusion read off its rating.
import type { ClaimStatus, Stance } from "../../generated/prisma/enums";

const SUPPORTING: readonly Stance[] = ["ASSERTS", "CONCEDES"];
const OPPOSING: readonly Stance[] = ["DENIES", "RETRACTS"];

export interface StatusInputs {
  /** Conclusion of the latest live verdict, if any. */
  latestVerdict: ClaimStatus | null;
  /** Stances of the live statements. */
  stances: readonly Stance[];
}

export function deriveClaimStatus({ latestVerdict, stances }: StatusInputs): ClaimStatus {
  if (latestVerdict) return latestVerdict;
  const supported = stances.some((stance) => SUPPORTING.includes(stance));
  const opposed = stances.some((stance) => OPPOSING.includes(stance));
  return supported && opposed ? "DISPUTED" : "UNVERIFIED";
}

/**
 * A verdict's conclusion read off its numeric rating: the top third of the scale is
 * SUPPORTED, the bottom third REFUTED, the rest MIXED.
 */
export function conclusionFromRating(value: number, worst: number, best: number): "SUPPORTED" | "REFUTED" | "MIXED" {
  const position = (value - worst) / (best - worst);
  if (position >= 2 / 3) return "SUPPORTED";
  if (position <= 1 / 3) return "REFUTED";
  return "MIXED";
}

export interface StanceTally {
  statementCount: number;
  supportCount: number;
  opposeCount: number;
  /** How disputed: the smaller side, so 5 against 5 ranks above 1 against 9. */
  disputeScore: number;
}

/** Counts per stance of the live statements, folded into the claim's derived numbers. */
export function tallyStances(counts: readonly { stance: Stance; count: number }[]): StanceTally {
  let statementCount = 0;
  let supportCount = 0;
  let opposeCount = 0;
  for (const { stance, count } of counts) {
    statementCount += count;
    if (SUPPORTING.includes(stance)) supportCount += count;
    if (OPPOSING.includes(stance)) opposeCount += count;
  }
  return { statementCount, supportCount, opposeCount, disputeScore: Math.min(supportCount, opposeCount) };
}
