// GraphQL resolvers for a claim's provenance: IDs gathered by the service, rows from loaders.
import type { Resolvers } from "../../graphql/resolvers-types.generated";

export const provenanceResolvers: Resolvers = {
  Provenance: {
    sources: (provenance, _args, { services }) => services.sources.byIds(provenance.sourceIds),
  },
  ProvenanceActor: {
    actor: (entry, _args, { services }) => services.actors.byId(entry.actorId),
  },
  AttributionChain: {
    source: (chain, _args, { services }) => services.sources.byId(chain.sourceId),
  },
};
