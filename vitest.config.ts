import { defineConfig } from "vitest/config";

// Two projects: pure unit tests (domain code, CLI) and integration tests that boot the HTTP app on a
// database. `npm run test:pg` runs only the integration project against a real PostgreSQL.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          // The console's pure helpers (web/src/**/*.test.ts) run here too.
          include: ["src/**/*.test.ts", "web/src/**/*.test.ts"],
          exclude: ["src/**/*.routes.test.ts", "src/**/*.int.test.ts"],
          environment: "node",
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "integration",
          include: ["src/**/*.routes.test.ts", "src/**/*.int.test.ts"],
          // One migrated and seeded database per run, copied by every file (database-template.ts).
          globalSetup: ["src/platform/testing/database-template.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 240_000,
          fileParallelism: true,
          maxWorkers: 2,
          // Vitest refuses projects with different worker limits in one group.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
