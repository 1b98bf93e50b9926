// All resolvers, merged from the feature modules, plus the custom scalars.
import type { GraphQLScalarType } from "graphql";
import { JSONResolver } from "graphql-scalars";
import { actorResolvers } from "../modules/actor/actor.resolvers";
import { claimMergeResolvers } from "../modules/claim-merge/claim-merge.resolvers";
import { claimReviewResolvers } from "../modules/claim-review/claim-review.resolvers";
import { claimStatsResolvers } from "../modules/claim-stats/claim-stats.resolvers";
import { searchResolvers } from "../modules/search/search.resolvers";
import { claimRelationResolvers } from "../modules/claim-relation/claim-relation.resolvers";
import { claimResolvers } from "../modules/claim/claim.resolvers";
import { evidenceResolvers } from "../modules/evidence/evidence.resolvers";
import { nodeResolvers } from "../modules/node/node.resolvers";
import { provenanceResolvers } from "../modules/provenance/provenance.resolvers";
import { sourceResolvers } from "../modules/source/source.resolvers";
import { statementResolvers } from "../modules/statement/statement.resolvers";
import { verdictResolvers } from "../modules/verdict/verdict.resolvers";
import { auditResolvers } from "../modules/audit/audit.resolvers";
import { apiKeyResolvers } from "../modules/auth/api-key.resolvers";
import { webhookResolvers } from "../modules/webhook/webhook.resolvers";
import { liveResolvers } from "../modules/live/live.resolvers";
import { DateTimeScalar } from "./date-time-scalar";
import type { Resolvers } from "./resolvers-types.generated";

const modules: Resolvers[] = [
  nodeResolvers,
  claimResolvers,
  claimRelationResolvers,
  actorResolvers,
  sourceResolvers,
  statementResolvers,
  evidenceResolvers,
  verdictResolvers,
  provenanceResolvers,
  searchResolvers,
  claimMergeResolvers,
  claimReviewResolvers,
  claimStatsResolvers,
  apiKeyResolvers,
  auditResolvers,
  webhookResolvers,
  liveResolvers,
];

/** Merges the modules' resolver maps type by type; a field defined twice is a bug. */
export function buildResolvers(): Resolvers {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const module of modules) {
    for (const [typeName, fields] of Object.entries(module)) {
      const target = (merged[typeName] ??= {});
      for (const [field, resolver] of Object.entries(fields as Record<string, unknown>)) {
        if (field in target) throw new Error(`Resolver ${typeName}.${field} is defined twice`);
        target[field] = resolver;
      }
    }
  }
  return { ...(merged as Resolvers), DateTime: behaviourOf(DateTimeScalar), JSON: behaviourOf(JSONResolver) };
}

/**
 * A library scalar's behaviour without its description or specifiedBy URL: given the
 * scalar itself, graphql-tools would serve the library's words over schema.graphql's.
 */
function behaviourOf(scalar: GraphQLScalarType): GraphQLScalarType {
  const { serialize, parseValue, parseLiteral } = scalar.toConfig();
  return { serialize, parseValue, parseLiteral } as unknown as GraphQLScalarType;
}
