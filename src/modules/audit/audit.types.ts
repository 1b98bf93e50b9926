// Shapes the audit resolvers map from.
import type { AuditEvent } from "../../generated/prisma/client";

export interface AuditEventEdgeView {
  cursor: string;
  node: AuditEvent;
}

export interface AuditEventConnectionView {
  edges: AuditEventEdgeView[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}
