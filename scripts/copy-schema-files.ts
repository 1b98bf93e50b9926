// Copies the schema's sources (src/graphql/base.graphql, src/modules/*/*.graphql) into dist/src/,
// beside the compiled src/graphql/schema-files.js that reads them at run time (run by `npm run build`
// after tsc). Copies left by an earlier build are removed first, so a deleted file is not served.
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { schemaSourceFiles } from "../src/graphql/schema-files";

const ROOT = path.join(__dirname, "..");
const FROM = path.join(ROOT, "src");
const TO = path.join(ROOT, "dist", "src");

/** Every .graphql file under `dir`, recursively. */
function graphqlFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return graphqlFilesUnder(full);
    return entry.name.endsWith(".graphql") ? [full] : [];
  });
}

for (const stale of graphqlFilesUnder(TO)) rmSync(stale);
const files = schemaSourceFiles(FROM);
for (const file of files) {
  mkdirSync(path.dirname(path.join(TO, file)), { recursive: true });
  copyFileSync(path.join(FROM, file), path.join(TO, file));
}
console.log(`copied ${files.length} schema files into dist/src/`);
