// Jest: unit specs beside the code (src/**/*.spec.ts) and integration tests that talk
// HTTP to a real server on a real PostgreSQL (tests/**/*.test.ts). The global setup
// finds the database server (TEST_DATABASE_URL, else an embedded one) and builds a
// migrated template database; each test file clones its own database from it.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  // Prisma's generated client imports "./x.js" from TypeScript sources.
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  testMatch: ["<rootDir>/src/**/*.spec.ts", "<rootDir>/tests/**/*.test.ts"],
  globalSetup: "<rootDir>/tests/setup/global-setup.ts",
  globalTeardown: "<rootDir>/tests/setup/global-teardown.ts",
  testTimeout: 60_000,
  maxWorkers: 2,
};
