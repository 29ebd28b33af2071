import { defineConfig } from 'vitest/config';

// The unit tests that can kill a mutant of shared/ and functions/services/ (Stryker's test run,
// `npm run test:mutation`): the `unit` project of vitest.config.ts without the extension's tests,
// which test the extension's own code and need its WXT set-up.
export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'functions/**/*.test.ts'],
    environment: 'node',
    // Instrumented code on a shared machine: the whole-school property tests need more than 5 s.
    testTimeout: 60_000,
  },
});
