// Parent types of the Provenance part of the schema: IDs, resolved to rows by loaders.
import type { AttributionHop, Evidence, Statement } from "../../generated/prisma/client";

export type ProvenanceRole = "SPEAKER" | "RELAY" | "PUBLISHER" | "EVIDENCE_AUTHOR" | "REVIEWER";

export interface AttributionChainView {
  statement: Statement | null;
  evidence: Evidence | null;
  sourceId: string;
  hops: AttributionHop[];
}

export interface ProvenanceActorView {
  actorId: string;
  roles: ProvenanceRole[];
}

export interface ProvenanceView {
  sourceIds: string[];
  actors: ProvenanceActorView[];
  chains: AttributionChainView[];
  truncated: boolean;
}
