// GraphQL Code Generator: resolver types from the schema's sources (src/graphql/base.graphql and
// every src/modules/<module>/*.graphql, as the server reads them; not the printed schema.graphql),
// with Prisma models as the parent types (mappers). `npm run codegen` writes;
// `npm run codegen:check` fails when the committed output is stale.
import type { CodegenConfig } from "@graphql-codegen/cli";

const prismaModel = (name: string): string => `../generated/prisma/client#${name} as ${name}Model`;

const config: CodegenConfig = {
  schema: ["src/graphql/base.graphql", "src/modules/*/*.graphql"],
  generates: {
    "src/graphql/resolvers-types.generated.ts": {
      plugins: [
        {
          add: {
            content:
              "// Generated from src/graphql/base.graphql and src/modules/*/*.graphql by `npm run codegen`: do not edit.",
          },
        },
        "typescript",
        "typescript-resolvers",
      ],
      config: {
        contextType: "./context#GraphQLContext",
        useIndexSignature: false,
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: "Date", ID: "string", JSON: "unknown" },
        mappers: {
          Claim: prismaModel("Claim"),
          Actor: prismaModel("Actor"),
          Source: prismaModel("Source"),
          Statement: prismaModel("Statement"),
          Evidence: prismaModel("Evidence"),
          Verdict: prismaModel("Verdict"),
          AttributionHop: prismaModel("AttributionHop"),
          ApiKey: prismaModel("ApiKey"),
          AuditEvent: prismaModel("AuditEvent"),
          WebhookEndpoint: prismaModel("WebhookEndpoint"),
          WebhookDelivery: prismaModel("WebhookDelivery"),
          WebhookAttempt: prismaModel("WebhookAttempt"),
          Viewer: "../modules/auth/permissions#Principal",
          AuditEventConnection: "../modules/audit/audit.types#AuditEventConnectionView",
          AuditEventEdge: "../modules/audit/audit.types#AuditEventEdgeView",
          ClaimRelation: "../modules/claim-relation/claim-relation.types#ClaimRelationView",
          Provenance: "../modules/provenance/provenance.types#ProvenanceView",
          ProvenanceActor: "../modules/provenance/provenance.types#ProvenanceActorView",
          AttributionChain: "../modules/provenance/provenance.types#AttributionChainView",
          ClaimMergeRecord: prismaModel("ClaimMerge"),
          ClaimEvent: "../modules/live/claim-event#ClaimEventView",
          CreateClaimPayload: "../modules/claim/claim.types#CreateClaimPayloadView",
          ClaimSearchConnection: "../modules/search/search.types#SearchConnectionView",
          ClaimSearchEdge: "../modules/search/search.types#SearchEdgeView",
          SearchHighlight: "../modules/search/search.types#SearchHighlightView",
          SimilarClaim: "../modules/search/search.types#SimilarClaimView",
          ClaimStats: "../modules/claim-stats/claim-stats.types#ClaimStatsView",
          ActorCount: "../modules/claim-stats/claim-stats.types#ActorCountView",
          ClaimConnection: "../shared/pagination#Connection<ClaimModel>",
          ActorConnection: "../shared/pagination#Connection<ActorModel>",
          SourceConnection: "../shared/pagination#Connection<SourceModel>",
          ClaimEdge: "../shared/pagination#Edge<ClaimModel>",
          ActorEdge: "../shared/pagination#Edge<ActorModel>",
          SourceEdge: "../shared/pagination#Edge<SourceModel>",
        },
      },
    },
  },
};

export default config;
