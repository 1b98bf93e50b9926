// Actors: lookup by ID or name/alias, find-or-create from mutation inputs, edits.
import { carried, type CarriedRelation } from "../../loaders/row-graphs";
import { NotFoundError, UserInputError } from "../../shared/errors";
import { decodeIdOfType } from "../../shared/global-id";
import { nameKey } from "../../shared/name-key";
import { mapBounds, pageRequest, toConnection, type Connection, type PageArgs } from "../../shared/pagination";
import type { ServiceDeps } from "../../shared/service-deps";
import { inTransaction, type Tx } from "../../shared/transaction";
import { requirePermission } from "../auth/permissions";
import { parseInput } from "../../shared/validation";
import type { Actor } from "../../generated/prisma/client";
import { actorRefJson, aliasesJson } from "./actor-ref-json";
import * as repo from "./actor.repository";
import { actorFilterSchema, createActorSchema, updateActorSchema, type ActorRef } from "./actor.schema";

export class ActorService {
  constructor(private readonly deps: ServiceDeps) {}

  async getActor(globalId: string): Promise<Actor | null> {
    const id = decodeIdOfType(globalId, "Actor");
    return id ? this.deps.loaders.actors.load(id) : null;
  }

  async findByName(name: string): Promise<Actor | null> {
    const key = nameKey(name);
    return key ? repo.findActorByKey(this.deps.prisma, key) : null;
  }

  /** The actor behind a foreign key; the row must exist. */
  async byId(id: string): Promise<Actor> {
    const actor = await this.deps.loaders.actors.load(id);
    if (!actor) throw new NotFoundError(`actor ${id} is referenced but missing`);
    return actor;
  }

  /** The actor behind `row`'s foreign key `id`: the one read with the row when it came along, else byId. */
  relatedTo(row: object, relation: CarriedRelation, id: string): Actor | Promise<Actor> {
    return carried<Actor>(row, relation) ?? this.byId(id);
  }

  async aliases(actor: Actor): Promise<string[]> {
    const rows = await this.deps.loaders.aliasesByActor.load(actor.id);
    return rows.map((row) => row.alias);
  }

  async listActors(args: PageArgs & { filter?: unknown }): Promise<Connection<Actor>> {
    const request = mapBounds(pageRequest(args, { defaultSize: 20 }), (cursor) => ({
      value: String(cursor.value),
      id: cursor.id,
    }));
    const where = repo.actorListWhere(parseFilter(args.filter));
    const rows = await repo.listActors(this.deps.prisma, where, request.size + 1, request);
    return toConnection(
      rows,
      request,
      (actor) => ({ value: actor.name, id: actor.id }),
      () => repo.countActors(this.deps.prisma, where),
    );
  }

  /**
   * Resolves an actor reference inside a write: by ID, or by name/alias, creating the
   * actor (with `kind`) when nobody by that name exists. `field` names the input for errors.
   * The rule is claimtrail_resolve_actor in SQL (the write functions resolve references with it).
   */
  resolveRef(tx: Tx, ref: ActorRef, field: string): Promise<Actor> {
    return repo.resolveActorRef(tx, actorRefJson(ref), field, this.deps.changes.context());
  }

  private recordCreated(tx: Tx, actor: Actor, aliases: readonly string[]): Promise<void> {
    return this.deps.changes.record(tx, {
      action: "CREATED",
      entityType: "Actor",
      entityId: actor.id,
      after: { ...actor, aliases },
    });
  }

  async createActor(input: unknown): Promise<{ actor: Actor }> {
    requirePermission(this.deps.principal, "WRITE_CLAIMS");
    const data = parseInput(createActorSchema, input);
    return inTransaction(this.deps.prisma, async (tx) => {
      const key = nameKey(data.name);
      if (await repo.findActorByKey(tx, key)) {
        throw UserInputError.single("input.name", `An actor named "${data.name}" exists already.`, "DUPLICATE");
      }
      const { actor, created } = await repo.insertActorIfAbsent(tx, {
        name: data.name,
        nameKey: key,
        kind: data.kind,
        description: data.description,
        affiliation: data.affiliation,
      });
      if (!created) {
        throw UserInputError.single("input.name", `An actor named "${data.name}" exists already.`, "DUPLICATE");
      }
      await this.addAliases(tx, actor, data.aliases ?? [], "input.aliases");
      await this.recordCreated(tx, actor, data.aliases ?? []);
      return { actor };
    });
  }

  async updateActor(input: unknown): Promise<{ actor: Actor }> {
    requirePermission(this.deps.principal, "WRITE_CLAIMS");
    const data = parseInput(updateActorSchema, input);
    return inTransaction(this.deps.prisma, async (tx) => {
      const [current] = await repo.findActorsByIds(tx, [data.id]);
      if (!current) throw UserInputError.single("input.id", "No actor has this ID.", "NOT_FOUND");
      let nameChange: { name: string; nameKey: string } | undefined;
      if (data.name && data.name !== current.name) {
        const key = nameKey(data.name);
        const holder = await repo.findActorByKey(tx, key);
        if (holder && holder.id !== current.id) {
          throw UserInputError.single("input.name", `"${data.name}" already names another actor.`, "DUPLICATE");
        }
        nameChange = { name: data.name, nameKey: key };
      }
      const actor = await repo.updateActor(tx, current.id, {
        ...nameChange,
        ...(data.kind ? { kind: data.kind } : {}),
        ...(data.description !== undefined ? { description: data.description } : {}),
        ...(data.affiliation !== undefined ? { affiliation: data.affiliation } : {}),
      });
      if (data.removeAliases?.length) await repo.deleteAliases(tx, actor.id, data.removeAliases.map(nameKey));
      await this.addAliases(tx, actor, data.addAliases ?? [], "input.addAliases");
      await this.deps.changes.record(tx, {
        action: "UPDATED",
        entityType: "Actor",
        entityId: actor.id,
        before: current,
        after: { ...actor, addedAliases: data.addAliases ?? [], removedAliases: data.removeAliases ?? [] },
      });
      return { actor };
    });
  }

  /** Adds aliases; one that names another actor (by name or alias) is refused (claimtrail_add_aliases). */
  private async addAliases(tx: Tx, actor: Actor, aliases: string[], field: string): Promise<void> {
    if (aliases.length > 0) await repo.addAliases(tx, actor, aliasesJson(aliases), field);
  }
}

function parseFilter(filter: unknown) {
  return parseInput(actorFilterSchema, filter, "filter");
}
