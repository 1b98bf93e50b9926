-- Live updates (src/modules/live/): subscriptions read claim events from audit_events.
--
-- tx_id is the writing transaction's ID. audit_events.id (a sequence) is drawn in the order
-- rows are inserted, not the order their transactions commit: a transaction holding a lower
-- id can commit after a higher id is visible, so reading `id > last seen` can skip an event.
-- Readers instead take events in (tx_id, id) order and only those with tx_id below the
-- oldest transaction still running (pg_snapshot_xmin of the current snapshot): below that
-- horizon every transaction has ended, so no event can appear there later. Rows written
-- before this migration all get this migration's transaction ID (they are all in the past).
-- pg_current_xact_id() returns the top-level transaction's ID, also inside a savepoint.
ALTER TABLE "audit_events" ADD COLUMN "tx_id" xid8 NOT NULL DEFAULT pg_current_xact_id();

CREATE INDEX "audit_events_tx_id_id_idx" ON "audit_events"("tx_id", "id");

-- The doorbell: one notification per writing transaction (identical notifications of one
-- transaction are folded into one), delivered at commit (a rolled-back write rings nothing).
-- The payload is empty: listeners read what is new from the table. Prisma's migration
-- runner splits scripts at every semicolon, so the body's semicolons are written \073.
CREATE FUNCTION claimtrail_claim_events_notify() RETURNS trigger
LANGUAGE plpgsql AS E'BEGIN
  PERFORM pg_notify(''claimtrail_claim_events'', '''')\073
  RETURN NULL\073
END';

CREATE TRIGGER audit_events_notify
AFTER INSERT ON "audit_events"
FOR EACH STATEMENT EXECUTE FUNCTION claimtrail_claim_events_notify();
