-- The claim lists order by (column, id): with id in the index, a page of the newest
-- claims of one status (the dashboard's list) is an index-only scan in order, where
-- (status, updated_at) alone fetched every row from the heap and sorted ties on id.
DROP INDEX "claims_status_updated_at_idx";
DROP INDEX "claims_updated_at_idx";
DROP INDEX "claims_language_updated_at_idx";

CREATE INDEX "claims_status_updated_at_id_idx" ON "claims"("status", "updated_at", "id");
CREATE INDEX "claims_updated_at_id_idx" ON "claims"("updated_at", "id");
CREATE INDEX "claims_language_updated_at_id_idx" ON "claims"("language", "updated_at", "id");
