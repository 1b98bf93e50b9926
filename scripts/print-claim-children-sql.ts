// Prints the SQL of a claim's children windows as whole rows (see
// src/modules/claim/claim-children.repository.ts), for EXPLAIN and reading; pass field
// names to see the shape a query naming only those fields gets.
import { CLAIM_CHILD_WINDOW, VERDICT_WINDOW } from "../src/loaders/loaders";
import { childrenColumnsSql } from "../src/modules/claim/claim-children.repository";

const fields = process.argv.slice(2);
const limits = { statements: CLAIM_CHILD_WINDOW, evidence: CLAIM_CHILD_WINDOW, verdicts: VERDICT_WINDOW };
console.log(`SELECT c.id, ${childrenColumnsSql("c.id", { ...limits, withSources: true, fields: fields.length ? fields : null })}
FROM claims c WHERE c.id = $1;`);
