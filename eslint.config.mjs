// Type-aware linting (typescript-eslint), with Prettier owning the formatting; and the
// schema linter (@graphql-eslint) on the schema's sources.
import path from "node:path";
import js from "@eslint/js";
import graphql from "@graphql-eslint/eslint-plugin";
import prettier from "eslint-config-prettier";
import tseslint from "typescript-eslint";

/** Code files: the JavaScript and TypeScript configs apply to these only, never to the schema. */
const CODE = ["**/*.{js,mjs,cjs,ts,tsx,mts,cts}"];

/** The schema's sources, as codegen.ts and src/graphql/schema-files.ts read them. */
const SCHEMA_SOURCES = ["src/graphql/base.graphql", "src/modules/*/*.graphql"];

/*
 * The schema linter, on the schema's sources: src/graphql/base.graphql and every
 * src/modules/<module>/*.graphql (see docs/ARCHITECTURE.md). Each file is linted against the whole
 * schema they make together, so rules that need it (unreachable types, relay shapes, root fields)
 * see every module. The printed schema.graphql is not linted: `npm run schema:check` holds it to
 * the print of these files, and it has no room for the eslint-disable comment below.
 *
 * Kept:
 * - require-description on every type (object, interface, union, enum, scalar, input),
 *   field, argument and input field, enum value and directive: the schema documents itself.
 * - naming-convention: PascalCase types, camelCase fields and arguments, UPPER_CASE enum
 *   values, no `get`/`query` prefix on Query fields nor `Type`/`Enum`/... affixes on types.
 * - no-unreachable-types, no-typename-prefix (one exception, marked where it is:
 *   `Claim.claimReview` is named after schema.org's ClaimReview), no-hashtag-description
 *   (a `#` comment where a description belongs), no-scalar-result-type-on-mutation.
 * - strict-id-in-types: every object type has exactly one `id: ID!`, except pages and their
 *   edges, payloads, counts, and the value types listed below, which have no identity.
 * - relay-page-info, relay-connection-types, relay-arguments (both ways: `first`/`after` and
 *   `last`/`before` on every connection), relay-edge-types with two options off:
 *   `shouldImplementNode` (AuditEvent, a history entry, is not a Node) and
 *   `listTypeCanWrapOnlyEdgeType` (nested lists are plain lists on purpose: see the
 *   schema's description).
 * - graphql-js's own validation (known types, directives and arguments, unique names, ...).
 * Off, because passing would change the schema's shape or go against its conventions:
 * - description-style: one-line descriptions are "inline", longer ones """block""".
 * - unique-enum-value-names: OTHER, SUPPORTS, SUPPORTED, ... recur across enums by meaning.
 * - input-name: RetractInput serves the three retractions; ClaimFilter, ClaimOrder, ActorFilter
 *   and SourceFilter are arguments, not mutation inputs.
 * - require-nullable-result-in-root: lists and connections on Query are non-null (empty, not null).
 * - require-field-of-type-query-in-mutation-result: payloads return what changed, not `query`.
 * - alphabetize: the schema is grouped by domain, not sorted.
 * - no-unused-fields, and the other operation rules: this repository has no client documents.
 */
const schemaRules = {
  ...graphql.configs["flat/schema-recommended"].rules,
  ...graphql.configs["flat/schema-relay"].rules,
  "@graphql-eslint/require-description": [
    "error",
    {
      types: true,
      rootField: true,
      FieldDefinition: true,
      InputValueDefinition: true,
      EnumValueDefinition: true,
      DirectiveDefinition: true,
    },
  ],
  "@graphql-eslint/strict-id-in-types": [
    "error",
    {
      acceptedIdNames: ["id"],
      acceptedIdTypes: ["ID"],
      exceptions: {
        suffixes: ["Connection", "Edge", "Payload", "Count"],
        types: [
          "PageInfo",
          "UserError",
          "Viewer",
          "ClaimStats",
          "SearchHighlight",
          "SimilarClaim",
          "ClaimMergeRecord",
          "AttributionHop",
          "AttributionChain",
          "Provenance",
          "ProvenanceActor",
          "ClaimReviewImportItem",
          "WebhookAttempt",
        ],
      },
    },
  ],
  "@graphql-eslint/relay-arguments": ["error", { includeBoth: true }],
  "@graphql-eslint/relay-edge-types": [
    "error",
    { withEdgeSuffix: true, shouldImplementNode: false, listTypeCanWrapOnlyEdgeType: false },
  ],
  "@graphql-eslint/no-scalar-result-type-on-mutation": "error",
  "@graphql-eslint/description-style": "off",
  "@graphql-eslint/unique-enum-value-names": "off",
};

export default tseslint.config(
  {
    ignores: [
      "node_modules",
      "dist",
      "coverage",
      ".data",
      "src/generated",
      "**/*.generated.ts",
      "eslint.config.mjs",
      "jest.config.js",
    ],
  },
  { ...js.configs.recommended, files: CODE },
  ...tseslint.configs.recommendedTypeChecked.map((config) => ({ ...config, files: config.files ?? CODE })),
  {
    files: CODE,
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration in src/config.ts only." },
      ],
    },
  },
  {
    files: [
      "src/config.ts",
      "src/db/migrate.ts",
      "tests/**",
      "bench/**",
      "scripts/**",
      "prisma.config.ts",
      "codegen.ts",
    ],
    rules: { "no-restricted-properties": "off" },
  },
  {
    files: ["tests/**"],
    // Tests read GraphQL responses as loosely typed JSON.
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
  { ...prettier, files: CODE },
  {
    files: SCHEMA_SOURCES,
    languageOptions: {
      parser: graphql.parser,
      // The schema rules read the whole schema, every source file, whichever one they lint.
      parserOptions: {
        graphQLConfig: { schema: SCHEMA_SOURCES.map((glob) => path.join(import.meta.dirname, glob)) },
      },
    },
    plugins: { "@graphql-eslint": graphql },
    rules: schemaRules,
  },
);
