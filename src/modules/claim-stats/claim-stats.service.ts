// Dashboard tiles: counts over the claims matching a filter.
import { z } from "zod";
import type { Claim, Statement } from "../../generated/prisma/client";
import { Stance } from "../../generated/prisma/enums";
import { BadQueryArgumentError } from "../../shared/errors";
import { pageSize } from "../../shared/pagination";
import type { ServiceDeps } from "../../shared/service-deps";
import { parseInput } from "../../shared/validation";
import { claimFilterSchema, claimFilterSql } from "../claim/claim-filter";
import { countClaims } from "../claim/claim.repository";
import * as repo from "./claim-stats.repository";
import type { ClaimStatsView } from "./claim-stats.types";

const MAX_DAYS = 366;
const DAY_MS = 24 * 60 * 60 * 1000;

export class ClaimStatsService {
  constructor(private readonly deps: ServiceDeps) {}

  stats(filter: unknown): ClaimStatsView {
    return { where: claimFilterSql(parseInput(claimFilterSchema, filter, "filter")) };
  }

  total(view: ClaimStatsView): Promise<number> {
    return countClaims(this.deps.prisma, view.where);
  }

  byStatus(view: ClaimStatsView) {
    return repo.countByStatus(this.deps.prisma, view.where);
  }

  byTopic(view: ClaimStatsView, first: number | null | undefined) {
    return repo.countByTopic(this.deps.prisma, view.where, pageSize(first, { defaultSize: 20 }));
  }

  async byActor(view: ClaimStatsView, first: number | null | undefined, stance: unknown) {
    const parsedStance = parseInput(z.enum(Stance).nullish(), stance, "stance") ?? null;
    const rows = await repo.countBySpeaker(
      this.deps.prisma,
      view.where,
      parsedStance,
      pageSize(first, { defaultSize: 20 }),
    );
    return rows.map((row) => ({ actorId: row.actor_id, count: row.count }));
  }

  async byPublisher(view: ClaimStatsView, first: number | null | undefined) {
    const rows = await repo.countByPublisher(this.deps.prisma, view.where, pageSize(first, { defaultSize: 20 }));
    return rows.map((row) => ({ actorId: row.actor_id, count: row.count }));
  }

  perDay(
    view: ClaimStatsView,
    args: { from: Date; to: Date; field?: "FIRST_SEEN_AT" | "CREATED_AT" | "UPDATED_AT" | null },
  ) {
    const days = (args.to.getTime() - args.from.getTime()) / DAY_MS;
    if (!(days > 0) || days > MAX_DAYS) {
      throw new BadQueryArgumentError("to", `\`to\` must be after \`from\`, at most ${MAX_DAYS} days later.`);
    }
    return repo.countPerDay(this.deps.prisma, view.where, args.field ?? "FIRST_SEEN_AT", args.from, args.to);
  }

  async mostDisputed(view: ClaimStatsView, first: number | null | undefined): Promise<Claim[]> {
    const claims = await repo.mostDisputed(this.deps.prisma, view.where, pageSize(first, { defaultSize: 10 }));
    for (const claim of claims) this.deps.loaders.claims.prime(claim.id, claim);
    return claims;
  }

  async newestDenials(view: ClaimStatsView, first: number | null | undefined): Promise<Statement[]> {
    return repo.newestDenials(this.deps.prisma, view.where, pageSize(first, { defaultSize: 10 }));
  }
}
