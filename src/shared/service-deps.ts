// What every service is built with, per request (see modules/services.ts).
import type { PrismaClient } from "../db/prisma";
import type { Logger } from "../logger";
import type { Loaders } from "../loaders/loaders";
import type { Principal } from "../modules/auth/permissions";
import type { ChangeLog } from "../modules/audit/change-log";
import type { ApiKeyCache } from "../modules/auth/api-key-cache";

export interface ServiceDeps {
  prisma: PrismaClient;
  loaders: Loaders;
  logger: Logger;
  /** Who the request acts for; services check permissions against it. */
  principal: Principal;
  /** Records every change (audit event + webhook outbox) inside the change's transaction. */
  changes: ChangeLog;
  /** This process's API key cache, told of a key revoked here at once (other processes hear it by NOTIFY). */
  apiKeyCache?: ApiKeyCache | null;
}
