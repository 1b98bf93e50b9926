// Fails when src/graphql/resolvers-types.generated.ts is not what `npm run codegen`
// would write from the schema's current sources, src/graphql/base.graphql and
// src/modules/*/*.graphql (run by `npm run check` and CI).
import { readFileSync } from "node:fs";
import path from "node:path";
import { generate } from "@graphql-codegen/cli";
import config from "../codegen";

async function main(): Promise<void> {
  const outputs = (await generate({ ...config, silent: true }, false)) as { filename: string; content: string }[];
  let stale = 0;
  for (const output of outputs) {
    const onDisk = readFileSync(path.resolve(output.filename), "utf8");
    if (onDisk !== output.content) {
      console.error(
        `stale: ${output.filename} differs from the schema's sources (src/graphql/base.graphql, src/modules/*/*.graphql); run \`npm run codegen\` and commit.`,
      );
      stale += 1;
    }
  }
  if (stale > 0) process.exit(1);
  console.log(`codegen output is up to date (${outputs.length} file(s)).`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
