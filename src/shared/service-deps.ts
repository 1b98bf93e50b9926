// What every service is built with, per request (see modules/services.ts).
import type { PrismaClient } from "../db/prisma";
import type { Logger } from "../logger";
import type { Loaders } from "../loaders/loaders";
import type { Principal } from "../modules/auth/permissions";
import type { ChangeLog } from "../modules/audit/change-log";

export interface ServiceDeps {
  prisma: PrismaClient;
  loaders: Loaders;
  logger: Logger;
  /** Who the request acts for; services check permissions against it. */
  principal: Principal;
  /** Records every change (audit event + webhook outbox) inside the change's transaction. */
  changes: ChangeLog;
}
