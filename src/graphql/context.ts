// The per-request GraphQL context: a logger, fresh DataLoaders and the services built on
// them (modules/services.ts). Nothing request-scoped lives at module level.
import type { PrismaClient } from "../db/prisma";
import type { ClientId } from "../http/rate-limits";
import { createLoaders, type ClaimChildrenShape } from "../loaders/loaders";
import type { Logger } from "../logger";
import type { Principal } from "../modules/auth/permissions";
import { createServices, type ServiceOptions, type Services } from "../modules/services";

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
  options: Pick<ServiceOptions, "webhookTargets" | "apiKeyCache"> = {},
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
