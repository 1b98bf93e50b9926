// The per-request context: a logger, fresh DataLoaders and the services built on them.
// Nothing request-scoped lives at module level.
import type { PrismaClient } from "../db/prisma";
import type { Logger } from "../logger";
import { ActorService } from "../modules/actor/actor.service";
import { BulkExportService } from "../modules/bulk/bulk-export.service";
import { BulkImportService } from "../modules/bulk/bulk-import.service";
import { ClaimMergeService } from "../modules/claim-merge/claim-merge.service";
import { ClaimReviewService } from "../modules/claim-review/claim-review.service";
import { ClaimStatsService } from "../modules/claim-stats/claim-stats.service";
import { SearchService } from "../modules/search/search.service";
import { ClaimRelationService } from "../modules/claim-relation/claim-relation.service";
import { ClaimService } from "../modules/claim/claim.service";
import { EvidenceService } from "../modules/evidence/evidence.service";
import { NodeService } from "../modules/node/node.service";
import { ProvenanceService } from "../modules/provenance/provenance.service";
import { SourceService } from "../modules/source/source.service";
import { StatementService } from "../modules/statement/statement.service";
import { VerdictService } from "../modules/verdict/verdict.service";
import { ApiKeyService } from "../modules/auth/api-key.service";
import { AuditService } from "../modules/audit/audit.service";
import { WebhookService } from "../modules/webhook/webhook.service";
import type { TargetPolicy } from "../modules/webhook/target-guard";
import { ChangeLog } from "../modules/audit/change-log";
import type { Principal } from "../modules/auth/permissions";
import type { ClientId } from "../http/rate-limits";
import { createLoaders, type ClaimChildrenShape, type Loaders } from "./loaders";

export interface Services {
  claims: ClaimService;
  actors: ActorService;
  sources: SourceService;
  statements: StatementService;
  evidence: EvidenceService;
  verdicts: VerdictService;
  relations: ClaimRelationService;
  provenance: ProvenanceService;
  nodes: NodeService;
  search: SearchService;
  merges: ClaimMergeService;
  claimReviews: ClaimReviewService;
  stats: ClaimStatsService;
  apiKeys: ApiKeyService;
  audit: AuditService;
  bulkImport: BulkImportService;
  bulkExport: BulkExportService;
  webhooks: WebhookService;
}

export interface ServiceOptions {
  /** Who the services act for: permissions are checked against it, changes recorded as it. */
  principal: Principal;
  /** Written into the audit log with each change. */
  requestId?: string | null;
  loaders?: Loaders;
  /** Where webhook endpoints may point (default: public addresses only). */
  webhookTargets?: TargetPolicy;
}

export function createServices(prisma: PrismaClient, logger: Logger, options: ServiceOptions): Services {
  const loaders = options.loaders ?? createLoaders(prisma);
  const { principal } = options;
  const deps = { prisma, logger, loaders, principal, changes: new ChangeLog(principal, options.requestId ?? null) };
  const claims = new ClaimService(deps);
  const actors = new ActorService(deps);
  const sources = new SourceService(deps, actors);
  const statements = new StatementService(deps, claims, actors, sources);
  const evidence = new EvidenceService(deps, claims, actors, sources);
  const verdicts = new VerdictService(deps, claims, actors);
  const relations = new ClaimRelationService(deps, claims);
  const provenance = new ProvenanceService(deps, statements, evidence, verdicts);
  const owners = { claims, actors, sources, statements, evidence, verdicts, relations, provenance };
  return {
    ...owners,
    nodes: new NodeService(owners),
    search: new SearchService(deps),
    merges: new ClaimMergeService(deps, claims),
    claimReviews: new ClaimReviewService(deps, claims, actors, sources, statements, verdicts),
    stats: new ClaimStatsService(deps),
    apiKeys: new ApiKeyService(deps),
    audit: new AuditService(deps),
    bulkImport: new BulkImportService(deps, owners),
    bulkExport: new BulkExportService(deps),
    webhooks: new WebhookService(deps, options.webhookTargets),
  };
}

export interface GraphQLContext {
  logger: Logger;
  principal: Principal;
  /** Who is charged for the request (rate limits): its API key, or its address without one. */
  client: ClientId;
  services: Services;
  /** What the operation can ask of claims' children; set by queryShapePlugin before execution. */
  shape: ClaimChildrenShape;
}

export function createContext(
  prisma: PrismaClient,
  logger: Logger,
  requestId: string,
  principal: Principal,
  client: ClientId,
  options: Pick<ServiceOptions, "webhookTargets"> = {},
): GraphQLContext {
  const requestLogger = logger.child({ requestId });
  const loaders = createLoaders(prisma);
  return {
    logger: requestLogger,
    principal,
    client,
    services: createServices(prisma, requestLogger, { ...options, principal, requestId, loaders }),
    shape: loaders.claimChildrenShape,
  };
}
