-- Claims' children windows are no longer read through claimtrail_claim_children(): the
-- server now writes the query for each shape (only the keys the operation names, see
-- src/modules/claim/claim-children.repository.ts) and prepares it once per connection,
-- which builds less JSON than the function's one shape for every request.
DROP FUNCTION IF EXISTS claimtrail_claim_children(uuid[], int, int, int, boolean, bigint);
