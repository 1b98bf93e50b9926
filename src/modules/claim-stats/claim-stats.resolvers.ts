// GraphQL resolvers for dashboard counts.
import type { Resolvers } from "../../graphql/resolvers-types.generated";

export const claimStatsResolvers: Resolvers = {
  Query: {
    claimStats: (_root, { filter }, { services }) => services.stats.stats(filter),
  },
  ClaimStats: {
    total: (view, _args, { services }) => services.stats.total(view),
    byStatus: (view, _args, { services }) => services.stats.byStatus(view),
    byTopic: (view, { first }, { services }) => services.stats.byTopic(view, first),
    byActor: (view, { first, stance }, { services }) => services.stats.byActor(view, first, stance),
    byPublisher: (view, { first }, { services }) => services.stats.byPublisher(view, first),
    perDay: (view, args, { services }) => services.stats.perDay(view, args),
    mostDisputed: (view, { first }, { services }) => services.stats.mostDisputed(view, first),
    newestDenials: (view, { first }, { services }) => services.stats.newestDenials(view, first),
  },
  ActorCount: {
    actor: (entry, _args, { services }) => services.actors.byId(entry.actorId),
  },
};
