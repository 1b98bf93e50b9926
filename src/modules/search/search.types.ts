// Parent types of the search part of the schema.
import type { Claim } from "../../generated/prisma/client";
import type { Connection } from "../../shared/pagination";

export interface SearchQuery {
  text: string;
  language: string;
}

export interface SearchEdgeView {
  cursor: string;
  node: Claim;
  rank: number;
  query: SearchQuery;
}

export interface SearchConnectionView extends Omit<Connection<Claim>, "edges"> {
  edges: SearchEdgeView[];
}

export interface SearchHighlightView {
  field: "CLAIM_TEXT" | "STATEMENT" | "EVIDENCE";
  snippet: string;
  statementId: string | null;
  evidenceId: string | null;
}

export interface SimilarClaimView {
  claim: Claim;
  similarity: number;
}
