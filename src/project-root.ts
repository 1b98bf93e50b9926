// The project's root folder (where package.json and prisma/ are), from src/ or dist/src/.
import { existsSync } from "node:fs";
import path from "node:path";

export function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, "prisma", "schema.prisma"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the project root above ${__dirname}`);
    dir = parent;
  }
  return dir;
}
