// GraphQL resolvers for actors.
import { encodeId } from "../../shared/global-id";
import { toPayload } from "../../shared/mutation-result";
import type { Resolvers } from "../../graphql/resolvers-types.generated";

export const actorResolvers: Resolvers = {
  Query: {
    actor: (_root, { id }, { services }) => services.actors.getActor(id),
    actorByName: (_root, { name }, { services }) => services.actors.findByName(name),
    actors: (_root, args, { services }) => services.actors.listActors(args),
  },
  Mutation: {
    createActor: (_root, { input }, { services }) => toPayload(() => services.actors.createActor(input)),
    updateActor: (_root, { input }, { services }) => toPayload(() => services.actors.updateActor(input)),
  },
  Actor: {
    id: (actor) => encodeId("Actor", actor.id),
    aliases: (actor, _args, { services }) => services.actors.aliases(actor),
    statements: (actor, args, { services }) => services.statements.statementsOfActor(actor.id, args),
    statementCount: (actor, _args, { services }) => services.statements.countOfActor(actor.id),
    claims: (actor, args, { services }) => services.claims.claimsOfSpeaker(actor.id, args),
    publishedSources: (actor, args, { services }) => services.sources.sourcesOfPublisher(actor.id, args),
  },
  ActorConnection: {
    totalCount: (connection) => connection.totalCount(),
  },
};
