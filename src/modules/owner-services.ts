// The services that own the domain's records, as a type: what the node lookup, the bulk
// import's line writer and the full service set (services.ts) have in common. Types only,
// so services may name it without importing the wiring.
import type { ActorService } from "./actor/actor.service";
import type { ClaimRelationService } from "./claim-relation/claim-relation.service";
import type { ClaimService } from "./claim/claim.service";
import type { EvidenceService } from "./evidence/evidence.service";
import type { SourceService } from "./source/source.service";
import type { StatementService } from "./statement/statement.service";
import type { VerdictService } from "./verdict/verdict.service";

export interface OwnerServices {
  claims: ClaimService;
  actors: ActorService;
  sources: SourceService;
  statements: StatementService;
  evidence: EvidenceService;
  verdicts: VerdictService;
  relations: ClaimRelationService;
}
