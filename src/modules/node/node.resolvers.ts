// GraphQL resolvers for the Node interface.
import type { Resolvers } from "../../graphql/resolvers-types.generated";
import type { TypedNode } from "./node.service";

export const nodeResolvers: Resolvers = {
  Query: {
    node: (_root, { id }, { services }) => services.nodes.getNode(id),
    nodes: (_root, { ids }, { services }) => services.nodes.getNodes(ids),
  },
  Node: {
    __resolveType: (node) => ("__typename" in node ? (node as TypedNode).__typename : null),
  },
};
