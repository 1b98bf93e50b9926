// What every service is built with, per request (see graphql/context.ts).
import type { PrismaClient } from "../db/prisma";
import type { Logger } from "../logger";
import type { Loaders } from "../graphql/loaders";

export interface ServiceDeps {
  prisma: PrismaClient;
  loaders: Loaders;
  logger: Logger;
}
