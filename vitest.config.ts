import { defineConfig } from 'vitest/config';

// Three suites: pure units beside their code, the database (RLS on a real Postgres when one answers,
// PGlite otherwise), and the built extension in real Chromium.
export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['shared/**/*.test.ts', 'functions/**/*.test.ts', 'extension/**/*.test.ts'],
          environment: 'node',
          // A ceiling for a hung test, not a speed check: on a shared two-core machine a test that
          // starts a command-line tool (Node 22 with type stripping) can take seconds.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'db',
          include: ['tests/db/**/*.test.ts', 'tests/api/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          globalSetup: ['tests/support/report-database.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
