// Webhook endpoints (MANAGE_WEBHOOKS): registering, changing, pausing and removing them,
// and reading the delivery log. Deliveries themselves are queued by ChangeLog with each
// change and sent by the worker (webhook-worker.ts).
import type {
  WebhookAttempt,
  WebhookDelivery,
  WebhookDeliveryStatus,
  WebhookEndpoint,
} from "../../generated/prisma/client";
import { groupsByKey, rowsByKey } from "../../shared/batch";
import { NotFoundError, UserInputError } from "../../shared/errors";
import { encodeId } from "../../shared/global-id";
import { pageSize } from "../../shared/pagination";
import type { ServiceDeps } from "../../shared/service-deps";
import { inTransaction, type Tx } from "../../shared/transaction";
import { parseInput } from "../../shared/validation";
import { principalKeyId, requirePermission } from "../auth/permissions";
import * as repo from "./webhook.repository";
import {
  createWebhookEndpointSchema,
  deleteWebhookEndpointSchema,
  deliveriesFilterSchema,
  updateWebhookEndpointSchema,
} from "./webhook.schema";
import { generateWebhookSecret } from "./webhook-signing";
import {
  checkTarget,
  PUBLIC_TARGETS_ONLY,
  TargetRefusedError,
  TargetUnresolvedError,
  type TargetPolicy,
} from "./target-guard";

const DELIVERY_PAGE = { defaultSize: 20 };

export class WebhookService {
  constructor(
    private readonly deps: ServiceDeps,
    /** Which addresses endpoints may point to; the worker checks again before each delivery. */
    private readonly targets: TargetPolicy = PUBLIC_TARGETS_ONLY,
  ) {}

  async listEndpoints(): Promise<WebhookEndpoint[]> {
    requirePermission(this.deps.principal, "MANAGE_WEBHOOKS");
    const endpoints = await repo.findEndpoints(this.deps.prisma);
    // Their deliveries' `endpoint` fields then resolve without another query.
    for (const endpoint of endpoints) this.endpointLoader().prime(endpoint.id, endpoint);
    return endpoints;
  }

  /** Registers an endpoint; its signing secret is in the result and, in clear, nowhere else the API shows. */
  async createEndpoint(input: unknown): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
    requirePermission(this.deps.principal, "MANAGE_WEBHOOKS");
    const data = parseInput(createWebhookEndpointSchema, input);
    await this.checkUrl(data.url);
    const secret = generateWebhookSecret();
    return inTransaction(this.deps.prisma, async (tx) => {
      const endpoint = await repo.insertEndpoint(tx, {
        url: data.url,
        description: data.description,
        eventTypes: data.eventTypes,
        secret,
        createdById: principalKeyId(this.deps.principal),
      });
      // The audit record leaves the secret out (toJson drops every `secret` key).
      await this.deps.changes.record(tx, {
        action: "CREATED",
        entityType: "WebhookEndpoint",
        entityId: endpoint.id,
        after: endpoint,
      });
      return { endpoint, secret };
    });
  }

  async updateEndpoint(input: unknown): Promise<{ endpoint: WebhookEndpoint }> {
    requirePermission(this.deps.principal, "MANAGE_WEBHOOKS");
    const data = parseInput(updateWebhookEndpointSchema, input);
    if (data.url) await this.checkUrl(data.url);
    return inTransaction(this.deps.prisma, async (tx) => {
      const current = await this.lockEndpoint(tx, data.id);
      const endpoint = await repo.updateEndpoint(tx, current.id, {
        ...(data.url ? { url: data.url } : {}),
        ...(data.description !== undefined ? { description: data.description } : {}),
        ...(data.eventTypes ? { eventTypes: data.eventTypes } : {}),
        ...(typeof data.active === "boolean" ? { active: data.active } : {}),
      });
      await this.deps.changes.record(tx, {
        action: "UPDATED",
        entityType: "WebhookEndpoint",
        entityId: endpoint.id,
        before: current,
        after: endpoint,
      });
      return { endpoint };
    });
  }

  /** Removes an endpoint with its delivery log; queued jobs of its deliveries then end unsent. */
  async deleteEndpoint(input: unknown): Promise<{ deletedId: string }> {
    requirePermission(this.deps.principal, "MANAGE_WEBHOOKS");
    const data = parseInput(deleteWebhookEndpointSchema, input);
    return inTransaction(this.deps.prisma, async (tx) => {
      const current = await this.lockEndpoint(tx, data.id);
      await repo.deleteEndpoint(tx, current.id);
      await this.deps.changes.record(tx, {
        action: "DELETED",
        entityType: "WebhookEndpoint",
        entityId: current.id,
        before: current,
      });
      return { deletedId: encodeId("WebhookEndpoint", current.id) };
    });
  }

  /** The newest deliveries across endpoints, filtered by endpoint and status. */
  listDeliveries(args: { endpointId?: string | null; status?: string | null; first?: number | null }) {
    requirePermission(this.deps.principal, "MANAGE_WEBHOOKS");
    const take = pageSize(args.first, DELIVERY_PAGE);
    const filter = parseInput(deliveriesFilterSchema, { endpointId: args.endpointId, status: args.status }, "args");
    return repo.findDeliveries(this.deps.prisma, filter, take);
  }

  /** An endpoint's newest deliveries: one query for every endpoint of the list. */
  deliveriesOfEndpoint(
    endpointId: string,
    args: { status?: WebhookDeliveryStatus | null; first?: number | null },
  ): Promise<WebhookDelivery[]> {
    requirePermission(this.deps.principal, "MANAGE_WEBHOOKS");
    const options = { status: args.status ?? null, take: pageSize(args.first, DELIVERY_PAGE) };
    return this.deps.loaders.paged
      .get("webhookDeliveriesByEndpoint", options, async (keys, opts) => {
        const rows = await repo.findDeliveryPagesByEndpoints(this.deps.prisma, keys, opts);
        return groupsByKey(keys, rows, (row) => row.parentId).map((page) =>
          page.map(({ parentId: _parentId, ...delivery }) => delivery),
        );
      })
      .load(endpointId);
  }

  async endpointOfDelivery(delivery: WebhookDelivery): Promise<WebhookEndpoint> {
    requirePermission(this.deps.principal, "MANAGE_WEBHOOKS");
    const endpoint = await this.endpointLoader().load(delivery.endpointId);
    // A delivery cannot outlive its endpoint (ON DELETE CASCADE).
    if (!endpoint)
      throw new NotFoundError(`webhook endpoint ${delivery.endpointId} of delivery ${delivery.id} is missing`);
    return endpoint;
  }

  attemptsOfDelivery(deliveryId: string): Promise<WebhookAttempt[]> {
    requirePermission(this.deps.principal, "MANAGE_WEBHOOKS");
    return this.deps.loaders.paged
      .get("webhookAttemptsByDelivery", null, async (keys) =>
        groupsByKey(keys, await repo.findAttemptsByDeliveries(this.deps.prisma, keys), (row) => row.deliveryId),
      )
      .load(deliveryId);
  }

  private endpointLoader() {
    return this.deps.loaders.paged.get("webhookEndpointsById", null, async (keys) =>
      rowsByKey(keys, await repo.findEndpointsByIds(this.deps.prisma, keys), (row) => row.id),
    );
  }

  /** Refuses a URL whose host is, or resolves to, an address the policy refuses (before any transaction: DNS is slow). */
  private async checkUrl(url: string): Promise<void> {
    try {
      await checkTarget(new URL(url), this.targets);
    } catch (error) {
      if (error instanceof TargetRefusedError) {
        throw UserInputError.single(
          "input.url",
          `must not point to a loopback, private or other special-use address: ${error.message}`,
          "INVALID",
        );
      }
      if (error instanceof TargetUnresolvedError) {
        throw UserInputError.single("input.url", `must name a host that resolves: ${error.message}`, "INVALID");
      }
      throw error;
    }
  }

  private async lockEndpoint(tx: Tx, id: string): Promise<WebhookEndpoint> {
    const [current] = await repo.findEndpointForUpdate(tx, id);
    if (!current) throw UserInputError.single("input.id", "No webhook endpoint has this ID.", "NOT_FOUND");
    return current;
  }
}
