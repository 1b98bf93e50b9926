// Webhook endpoints and their delivery log (MANAGE_WEBHOOKS).
import type { Resolvers } from "../../graphql/resolvers-types.generated";
import { encodeId } from "../../shared/global-id";
import { toPayload } from "../../shared/mutation-result";

export const webhookResolvers: Resolvers = {
  Query: {
    webhookEndpoints: (_parent, _args, { services }) => services.webhooks.listEndpoints(),
    webhookDeliveries: (_parent, args, { services }) => services.webhooks.listDeliveries(args),
  },
  Mutation: {
    createWebhookEndpoint: (_parent, { input }, { services }) =>
      toPayload(() => services.webhooks.createEndpoint(input)),
    updateWebhookEndpoint: (_parent, { input }, { services }) =>
      toPayload(() => services.webhooks.updateEndpoint(input)),
    deleteWebhookEndpoint: (_parent, { input }, { services }) =>
      toPayload(() => services.webhooks.deleteEndpoint(input)),
  },
  WebhookEndpoint: {
    id: (endpoint) => encodeId("WebhookEndpoint", endpoint.id),
    deliveries: (endpoint, args, { services }) => services.webhooks.deliveriesOfEndpoint(endpoint.id, args),
  },
  WebhookDelivery: {
    id: (delivery) => encodeId("WebhookDelivery", delivery.id),
    endpoint: (delivery, _args, { services }) => services.webhooks.endpointOfDelivery(delivery),
    attempts: (delivery, _args, { services }) => services.webhooks.attemptsOfDelivery(delivery.id),
  },
};
