// Parent types of ClaimStats: the compiled filter, and counts per actor.
import type { Prisma } from "../../generated/prisma/client";

export interface ClaimStatsView {
  where: Prisma.Sql;
}

export interface ActorCountView {
  actorId: string;
  count: number;
}
