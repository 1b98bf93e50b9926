// Parent type of CreateClaimPayload: on failure only userErrors are set.
import type { Claim } from "../../generated/prisma/client";
import type { UserError } from "../../shared/errors";
import type { SimilarClaimView } from "../search/search.types";

export interface CreateClaimPayloadView {
  claim?: Claim | null;
  possibleDuplicates?: SimilarClaimView[];
  userErrors: UserError[];
}
