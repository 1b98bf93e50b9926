// Service wiring: every service of one request (or one CLI command, seed or bench run),
// built on the same Prisma client, loaders, principal and change log.
import type { PrismaClient } from "../db/prisma";
import type { Logger } from "../logger";
import { ActorService } from "./actor/actor.service";
import { BulkExportService } from "./bulk/bulk-export.service";
import { BulkImportService } from "./bulk/bulk-import.service";
import { ClaimMergeService } from "./claim-merge/claim-merge.service";
import { ClaimReviewService } from "./claim-review/claim-review.service";
import { ClaimStatsService } from "./claim-stats/claim-stats.service";
import { SearchService } from "./search/search.service";
import { ClaimRelationService } from "./claim-relation/claim-relation.service";
import { ClaimService } from "./claim/claim.service";
import { EvidenceService } from "./evidence/evidence.service";
import { NodeService } from "./node/node.service";
import { ProvenanceService } from "./provenance/provenance.service";
import { SourceService } from "./source/source.service";
import { StatementService } from "./statement/statement.service";
import { VerdictService } from "./verdict/verdict.service";
import { ApiKeyService } from "./auth/api-key.service";
import { AuditService } from "./audit/audit.service";
import { WebhookService } from "./webhook/webhook.service";
import type { TargetPolicy } from "./webhook/target-guard";
import { ChangeLog } from "./audit/change-log";
import type { Principal } from "./auth/permissions";
import type { ApiKeyCache } from "./auth/api-key-cache";
import { createLoaders, type Loaders } from "../loaders/loaders";
import type { OwnerServices } from "./owner-services";

export interface Services extends OwnerServices {
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
  /** This process's API key cache (see ServiceDeps). */
  apiKeyCache?: ApiKeyCache | null;
}

export function createServices(prisma: PrismaClient, logger: Logger, options: ServiceOptions): Services {
  const loaders = options.loaders ?? createLoaders(prisma);
  const { principal } = options;
  const deps = {
    prisma,
    logger,
    loaders,
    principal,
    changes: new ChangeLog(principal, options.requestId ?? null),
    apiKeyCache: options.apiKeyCache ?? null,
  };
  const claims = new ClaimService(deps);
  const actors = new ActorService(deps);
  const sources = new SourceService(deps, actors);
  const statements = new StatementService(deps, claims);
  const evidence = new EvidenceService(deps, claims);
  const verdicts = new VerdictService(deps, claims);
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
