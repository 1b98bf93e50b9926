-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "ClaimStatus" AS ENUM ('UNVERIFIED', 'DISPUTED', 'SUPPORTED', 'REFUTED', 'MIXED');

-- CreateEnum
CREATE TYPE "ActorKind" AS ENUM ('PERSON', 'ORGANIZATION', 'STATE', 'MEDIA_OUTLET', 'FACT_CHECKER', 'OTHER');

-- CreateEnum
CREATE TYPE "SourceKind" AS ENUM ('NEWS_ARTICLE', 'WIRE_REPORT', 'OFFICIAL_STATEMENT', 'PRESS_RELEASE', 'REPORT', 'INTERVIEW', 'SOCIAL_POST', 'VIDEO', 'DATASET', 'OTHER');

-- CreateEnum
CREATE TYPE "Stance" AS ENUM ('ASSERTS', 'DENIES', 'QUESTIONS', 'CONCEDES', 'RETRACTS');

-- CreateEnum
CREATE TYPE "HopRelation" AS ENUM ('SPOKE', 'TOLD', 'QUOTED_BY', 'REPORTED_BY', 'CARRIED_BY', 'TRANSLATED_BY', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "EvidenceDirection" AS ENUM ('SUPPORTS', 'CONTRADICTS', 'CONTEXT');

-- CreateEnum
CREATE TYPE "EvidenceKind" AS ENUM ('OFFICIAL_ACT', 'DOCUMENT', 'EXPERT_ANALYSIS', 'STATEMENT', 'DATA', 'MEDIA_REPORT', 'IMAGERY', 'OTHER');

-- CreateEnum
CREATE TYPE "ClaimRelationKind" AS ENUM ('SUPPORTS', 'CONTRADICTS', 'REFINES', 'DUPLICATES');

-- CreateTable
CREATE TABLE "claims" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "text" TEXT NOT NULL,
    "language" VARCHAR(16) NOT NULL DEFAULT 'en',
    "topics" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "status" "ClaimStatus" NOT NULL DEFAULT 'UNVERIFIED',
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "claims_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "actors" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "name_key" TEXT NOT NULL,
    "kind" "ActorKind" NOT NULL,
    "description" TEXT,
    "affiliation" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "actors_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "actor_aliases" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "actor_id" UUID NOT NULL,
    "alias" TEXT NOT NULL,
    "alias_key" TEXT NOT NULL,

    CONSTRAINT "actor_aliases_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sources" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "url" TEXT,
    "source_key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" "SourceKind" NOT NULL DEFAULT 'NEWS_ARTICLE',
    "language" VARCHAR(16),
    "publisher_id" UUID,
    "published_at" TIMESTAMPTZ(3),
    "retrieved_at" TIMESTAMPTZ(3),
    "content_hash" TEXT,
    "archive_url" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sources_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "statements" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "claim_id" UUID NOT NULL,
    "actor_id" UUID NOT NULL,
    "source_id" UUID NOT NULL,
    "stance" "Stance" NOT NULL,
    "quote" TEXT,
    "paraphrase" TEXT,
    "language" VARCHAR(16),
    "stated_at" TIMESTAMPTZ(3),
    "retracted_at" TIMESTAMPTZ(3),
    "retraction_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "statements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attribution_hops" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "statement_id" UUID,
    "evidence_id" UUID,
    "position" INTEGER NOT NULL,
    "relation" "HopRelation" NOT NULL,
    "actor_id" UUID NOT NULL,
    "source_id" UUID,
    "note" TEXT,

    CONSTRAINT "attribution_hops_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evidence" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "claim_id" UUID NOT NULL,
    "direction" "EvidenceDirection" NOT NULL,
    "kind" "EvidenceKind" NOT NULL DEFAULT 'OTHER',
    "summary" TEXT NOT NULL,
    "excerpt" TEXT,
    "source_id" UUID NOT NULL,
    "actor_id" UUID,
    "observed_at" TIMESTAMPTZ(3),
    "retracted_at" TIMESTAMPTZ(3),
    "retraction_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verdicts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "claim_id" UUID NOT NULL,
    "reviewer_id" UUID NOT NULL,
    "rating" TEXT NOT NULL,
    "rating_value" INTEGER,
    "best_rating" INTEGER,
    "worst_rating" INTEGER,
    "conclusion" "ClaimStatus" NOT NULL,
    "reviewed_at" TIMESTAMPTZ(3) NOT NULL,
    "url" TEXT,
    "explanation" TEXT,
    "language" VARCHAR(16),
    "retracted_at" TIMESTAMPTZ(3),
    "retraction_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "verdicts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "claim_relations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "from_claim_id" UUID NOT NULL,
    "to_claim_id" UUID NOT NULL,
    "kind" "ClaimRelationKind" NOT NULL,
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "claim_relations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "data_seeds" (
    "name" TEXT NOT NULL,
    "applied_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "data_seeds_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "claims_status_updated_at_idx" ON "claims"("status", "updated_at");

-- CreateIndex
CREATE INDEX "claims_updated_at_idx" ON "claims"("updated_at");

-- CreateIndex
CREATE INDEX "claims_first_seen_at_idx" ON "claims"("first_seen_at");

-- CreateIndex
CREATE UNIQUE INDEX "actors_name_key_key" ON "actors"("name_key");

-- CreateIndex
CREATE INDEX "actors_kind_idx" ON "actors"("kind");

-- CreateIndex
CREATE UNIQUE INDEX "actor_aliases_alias_key_key" ON "actor_aliases"("alias_key");

-- CreateIndex
CREATE INDEX "actor_aliases_actor_id_idx" ON "actor_aliases"("actor_id");

-- CreateIndex
CREATE UNIQUE INDEX "sources_source_key_key" ON "sources"("source_key");

-- CreateIndex
CREATE INDEX "sources_publisher_id_idx" ON "sources"("publisher_id");

-- CreateIndex
CREATE INDEX "sources_published_at_idx" ON "sources"("published_at");

-- CreateIndex
CREATE INDEX "statements_claim_id_created_at_idx" ON "statements"("claim_id", "created_at");

-- CreateIndex
CREATE INDEX "statements_actor_id_idx" ON "statements"("actor_id");

-- CreateIndex
CREATE INDEX "statements_source_id_idx" ON "statements"("source_id");

-- CreateIndex
CREATE INDEX "attribution_hops_actor_id_idx" ON "attribution_hops"("actor_id");

-- CreateIndex
CREATE INDEX "attribution_hops_source_id_idx" ON "attribution_hops"("source_id");

-- CreateIndex
CREATE UNIQUE INDEX "attribution_hops_statement_id_position_key" ON "attribution_hops"("statement_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "attribution_hops_evidence_id_position_key" ON "attribution_hops"("evidence_id", "position");

-- CreateIndex
CREATE INDEX "evidence_claim_id_created_at_idx" ON "evidence"("claim_id", "created_at");

-- CreateIndex
CREATE INDEX "evidence_source_id_idx" ON "evidence"("source_id");

-- CreateIndex
CREATE INDEX "evidence_actor_id_idx" ON "evidence"("actor_id");

-- CreateIndex
CREATE INDEX "verdicts_claim_id_reviewed_at_idx" ON "verdicts"("claim_id", "reviewed_at");

-- CreateIndex
CREATE INDEX "verdicts_reviewer_id_idx" ON "verdicts"("reviewer_id");

-- CreateIndex
CREATE INDEX "claim_relations_to_claim_id_idx" ON "claim_relations"("to_claim_id");

-- CreateIndex
CREATE UNIQUE INDEX "claim_relations_from_claim_id_to_claim_id_kind_key" ON "claim_relations"("from_claim_id", "to_claim_id", "kind");

-- AddForeignKey
ALTER TABLE "actor_aliases" ADD CONSTRAINT "actor_aliases_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "actors"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sources" ADD CONSTRAINT "sources_publisher_id_fkey" FOREIGN KEY ("publisher_id") REFERENCES "actors"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statements" ADD CONSTRAINT "statements_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statements" ADD CONSTRAINT "statements_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "actors"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statements" ADD CONSTRAINT "statements_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attribution_hops" ADD CONSTRAINT "attribution_hops_statement_id_fkey" FOREIGN KEY ("statement_id") REFERENCES "statements"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attribution_hops" ADD CONSTRAINT "attribution_hops_evidence_id_fkey" FOREIGN KEY ("evidence_id") REFERENCES "evidence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attribution_hops" ADD CONSTRAINT "attribution_hops_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "actors"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attribution_hops" ADD CONSTRAINT "attribution_hops_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "actors"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verdicts" ADD CONSTRAINT "verdicts_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verdicts" ADD CONSTRAINT "verdicts_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "actors"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim_relations" ADD CONSTRAINT "claim_relations_from_claim_id_fkey" FOREIGN KEY ("from_claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim_relations" ADD CONSTRAINT "claim_relations_to_claim_id_fkey" FOREIGN KEY ("to_claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE;

