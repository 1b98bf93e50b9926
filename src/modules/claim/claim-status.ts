// The rule that sets a claim's status (documented on ClaimStatus in schema.graphql).
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
