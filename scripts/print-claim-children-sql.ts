// Prints the SQL of claimtrail_claim_children() (see src/modules/claim/claim-children.repository.ts),
// for writing a migration when that query changes.
import { claimChildrenFunctionSql } from "../src/modules/claim/claim-children.repository";

console.log(claimChildrenFunctionSql());
