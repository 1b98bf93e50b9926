// API keys and the viewer.
import type { Resolvers } from "../../graphql/resolvers-types.generated";
import { encodeId } from "../../shared/global-id";
import { toPayload } from "../../shared/mutation-result";
import { effectivePermissions, permissionsOfRole } from "./permissions";

export const apiKeyResolvers: Resolvers = {
  Query: {
    viewer: (_parent, _args, { services }) => services.apiKeys.principal,
    apiKeys: (_parent, args, { services }) => services.apiKeys.listKeys(args),
  },
  Mutation: {
    createApiKey: (_parent, { input }, { services }) => toPayload(() => services.apiKeys.createKey(input)),
    revokeApiKey: (_parent, { input }, { services }) => toPayload(() => services.apiKeys.revokeKey(input)),
  },
  ApiKey: {
    id: (key) => encodeId("ApiKey", key.id),
    permissions: (key) => effectivePermissions(key.role, key.scopes),
    active: (key) => key.revokedAt === null && (key.expiresAt === null || key.expiresAt.getTime() > Date.now()),
  },
  Viewer: {
    apiKey: (principal, _args, { services }) =>
      principal.kind === "key" ? services.apiKeys.keyOfPrincipal(principal.keyId) : null,
    role: (principal) => (principal.kind === "key" ? principal.role : principal.kind === "system" ? "ADMIN" : null),
    permissions: (principal) =>
      principal.kind === "key"
        ? [...principal.permissions]
        : principal.kind === "system"
          ? [...permissionsOfRole("ADMIN")]
          : [],
  },
};
