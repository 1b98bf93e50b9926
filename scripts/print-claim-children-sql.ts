// Prints the SQL of a claim's children windows (see
// src/modules/claim/claim-children.repository.ts), for EXPLAIN and reading: as whole rows,
// or, given a GraphQL query (a file, or the text itself), in the shape that query gets.
import { existsSync, readFileSync } from "node:fs";
import { buildSchema, OperationTypeNode, parse } from "graphql";
import { claimChildrenShapeOf } from "../src/graphql/query-shape";
import { loadSchemaSDL } from "../src/graphql/schema-files";
import { CLAIM_CHILD_WINDOW, VERDICT_WINDOW } from "../src/loaders/loaders";
import { childrenColumns } from "../src/modules/claim/claim-children.repository";

const [query] = process.argv.slice(2);
const shape = query
  ? claimChildrenShapeOf(
      buildSchema(loadSchemaSDL()),
      parse(existsSync(query) ? readFileSync(query, "utf8") : query),
      OperationTypeNode.QUERY,
    )
  : null;
const limits = {
  statements: CLAIM_CHILD_WINDOW,
  evidence: !shape || shape.evidence ? CLAIM_CHILD_WINDOW : 0,
  verdicts: !shape || shape.verdictWindow ? VERDICT_WINDOW : 1,
  withSources: !shape || shape.statementSources,
  fields: shape?.fields ?? null,
};
console.log(`SELECT c.id, ${childrenColumns("c.id", limits).sql}
FROM claims c WHERE c.id = $1;`);
