// Statements: recording an actor's stance with its source and attribution chain,
// retracting, and the per-claim/actor/source lists.
import type { z } from "zod";
import type { Actor, AttributionHop, Claim, Source, Statement } from "../../generated/prisma/client";
import { CLAIM_CHILD_WINDOW } from "../../loaders/loaders";
import { primeStatements } from "../../loaders/priming";
import { pagesByKey } from "../../shared/batch";
import { NotFoundError } from "../../shared/errors";
import { decodeIdOfType } from "../../shared/global-id";
import { offsetPage } from "../../shared/pagination";
import type { ServiceDeps } from "../../shared/service-deps";
import { inTransaction, type Tx } from "../../shared/transaction";
import { requirePermission } from "../auth/permissions";
import { parseInput } from "../../shared/validation";
import { actorRefJson } from "../actor/actor-ref-json";
import { viaJson } from "../attribution/via-json";
import type { ClaimService } from "../claim/claim.service";
import { sourceRefJson } from "../source/source-ref-json";
import * as repo from "./statement.repository";
import { recordStatementSchema, retractSchema, statementListSchema } from "./statement.schema";

/** A parsed recordStatement input, less the claim (insertStatement takes it apart). */
export type StatementData = Omit<z.output<typeof recordStatementSchema>, "claimId">;

type ListArgs = { first?: number | null; offset?: number | null; stance?: unknown; includeRetracted?: boolean | null };

export class StatementService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly claims: ClaimService,
  ) {}

  async getStatement(globalId: string): Promise<Statement | null> {
    const id = decodeIdOfType(globalId, "Statement");
    return id ? this.deps.loaders.statements.load(id) : null;
  }

  async byId(id: string): Promise<Statement> {
    const statement = await this.deps.loaders.statements.load(id);
    if (!statement) throw new NotFoundError(`statement ${id} is referenced but missing`);
    return statement;
  }

  attribution(statement: Statement): Promise<AttributionHop[]> {
    return this.deps.loaders.hopsByStatement.load(statement.id);
  }

  async statementsOfClaim(claimId: string, args: ListArgs): Promise<Statement[]> {
    const { take, skip } = offsetPage(args);
    // The common case (no filter, a dashboard's every claim) skips the schema: nothing to check.
    const filters = args.stance == null && !args.includeRetracted ? {} : parseInput(statementListSchema, args, "args");
    if (!filters.stance && !filters.includeRetracted && skip + take <= CLAIM_CHILD_WINDOW) {
      return (await this.liveStatementsOfClaim(claimId)).slice(skip, skip + take);
    }
    return this.pagedLoad("statementsByClaim", claimId, args, repo.findStatementPagesByClaims);
  }

  /** The claim's first CLAIM_CHILD_WINDOW live statements, with their graphs (shared by lists and provenance). */
  liveStatementsOfClaim(claimId: string): Promise<Statement[]> {
    return this.deps.loaders.claimChildren.load(claimId).then((children) => children.statements);
  }

  statementsOfActor(actorId: string, args: ListArgs): Promise<Statement[]> {
    return this.pagedLoad("statementsByActor", actorId, args, repo.findStatementPagesByActors);
  }

  statementsOfSource(sourceId: string, args: ListArgs): Promise<Statement[]> {
    return this.pagedLoad("statementsBySource", sourceId, args, repo.findStatementPagesBySources);
  }

  countOfActor(actorId: string): Promise<number> {
    return this.deps.loaders.statementCountByActor.load(actorId);
  }

  /** Records a statement in one statement to PostgreSQL (claimtrail_record_statement). */
  async recordStatement(input: unknown): Promise<{ statement: Statement; claim: Claim }> {
    requirePermission(this.deps.principal, "WRITE_CLAIMS");
    const data = parseInput(recordStatementSchema, input);
    return repo.recordStatement(
      this.deps.prisma,
      {
        claimId: data.claimId,
        actor: actorRefJson(data.actor),
        source: sourceRefJson(data.source),
        ...statementJson(data),
      },
      this.deps.changes.context(),
    );
  }

  /**
   * recordStatement's write inside the caller's transaction, on a claim it has locked, by a
   * resolved speaker and source: the chain (`${field}.via`), the row, its hops and the
   * change record. The caller then refreshes the claim's derived columns and has checked
   * the permission to write.
   */
  insertStatement(
    tx: Tx,
    claimId: string,
    data: StatementData,
    refs: { actor: Actor; source: Source },
    field: string,
  ): Promise<Statement> {
    return repo.insertStatement(
      tx,
      { claimId, actorId: refs.actor.id, sourceId: refs.source.id },
      statementJson(data),
      field,
      this.deps.changes.context(),
    );
  }

  async retractStatement(input: unknown): Promise<{ statement: Statement; claim: Claim }> {
    requirePermission(this.deps.principal, "WRITE_CLAIMS");
    const data = parseInput(retractSchema("Statement"), input);
    return inTransaction(this.deps.prisma, async (tx) => {
      const current = await this.claims.lockLiveChild(tx, repo.findStatementsByIds, data.id, "statement");
      const statement = await repo.markStatementRetracted(tx, current.id, data.reason);
      const claim = await this.claims.refreshDerived(tx, current.claimId);
      await this.deps.changes.record(tx, {
        action: "RETRACTED",
        entityType: "Statement",
        entityId: statement.id,
        claimId: claim.id,
        before: current,
        after: statement,
        event: "CLAIM_UPDATED",
      });
      return { statement, claim };
    });
  }

  private pagedLoad(
    name: string,
    parentId: string,
    args: ListArgs,
    find: typeof repo.findStatementPagesByClaims,
  ): Promise<Statement[]> {
    const options = { ...offsetPage(args), ...parseInput(statementListSchema, args, "args") };
    return this.loadPage(name, parentId, options, find);
  }

  private loadPage(
    name: string,
    parentId: string,
    options: repo.StatementListOptions,
    find: typeof repo.findStatementPagesByClaims,
  ): Promise<Statement[]> {
    const key = {
      take: options.take,
      skip: options.skip,
      stance: options.stance ?? null,
      includeRetracted: options.includeRetracted ?? false,
    };
    return this.deps.loaders.paged
      .get(name, key, async (keys, opts) => {
        const pages = pagesByKey(keys, await find(this.deps.prisma, keys, opts));
        primeStatements(this.deps.loaders, pages.flat());
        return pages;
      })
      .load(parentId);
  }
}

/** A statement's fields as the SQL functions take them. */
function statementJson(data: StatementData): repo.StatementJson {
  return {
    stance: data.stance,
    quote: data.quote ?? null,
    paraphrase: data.paraphrase ?? null,
    language: data.language ?? null,
    statedAt: data.statedAt ?? null,
    via: viaJson(data.via),
  };
}
