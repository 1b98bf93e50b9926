// Prisma CLI configuration: migrations run through the WASM schema engine and the pg
// driver adapter, so no native engine is downloaded (docs/ARCHITECTURE.md, "Prisma offline").
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

// Prisma 6.19 reads env("DATABASE_URL") even for `prisma generate`, which needs no
// database; without a value it falls back to downloading its native engine. Commands
// that do touch a database (migrate deploy/status) must be given the real URL.
process.env.DATABASE_URL ??= "postgresql://localhost:5432/unset-database-url";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  adapter: () =>
    Promise.resolve(new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "", allowExitOnIdle: true })),
});
