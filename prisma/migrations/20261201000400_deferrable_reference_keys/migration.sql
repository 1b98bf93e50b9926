-- The foreign keys to actors and sources may be checked at commit: DEFERRABLE, but still
-- INITIALLY IMMEDIATE, so every statement checks them at once unless its transaction says
-- SET CONSTRAINTS ... DEFERRED. Bulk import does: a batch may use an actor or source that
-- the batch before it, still in flight on another connection, has created, and its rows
-- are checked against that batch's commit (src/modules/bulk/ref-cache.ts). Prisma's schema
-- cannot say DEFERRABLE: tests/migrations-drift.test.ts knows these keys
-- (DEFERRABLE_REFERENCE_KEYS in src/modules/bulk/bulk-import.repository.ts).
ALTER TABLE "actor_aliases" ALTER CONSTRAINT "actor_aliases_actor_id_fkey" DEFERRABLE INITIALLY IMMEDIATE;
ALTER TABLE "sources" ALTER CONSTRAINT "sources_publisher_id_fkey" DEFERRABLE INITIALLY IMMEDIATE;
ALTER TABLE "statements" ALTER CONSTRAINT "statements_actor_id_fkey" DEFERRABLE INITIALLY IMMEDIATE;
ALTER TABLE "statements" ALTER CONSTRAINT "statements_source_id_fkey" DEFERRABLE INITIALLY IMMEDIATE;
ALTER TABLE "attribution_hops" ALTER CONSTRAINT "attribution_hops_actor_id_fkey" DEFERRABLE INITIALLY IMMEDIATE;
ALTER TABLE "attribution_hops" ALTER CONSTRAINT "attribution_hops_source_id_fkey" DEFERRABLE INITIALLY IMMEDIATE;
ALTER TABLE "evidence" ALTER CONSTRAINT "evidence_source_id_fkey" DEFERRABLE INITIALLY IMMEDIATE;
ALTER TABLE "evidence" ALTER CONSTRAINT "evidence_actor_id_fkey" DEFERRABLE INITIALLY IMMEDIATE;
ALTER TABLE "verdicts" ALTER CONSTRAINT "verdicts_reviewer_id_fkey" DEFERRABLE INITIALLY IMMEDIATE;
