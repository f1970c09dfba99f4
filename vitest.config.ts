import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Node resolves `graphql` (no exports map) to its CommonJS build for Pothos and Yoga; our sources
  // must load the same instance, or graphql-js sees two realms.
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    include: [
      'server/**/*.test.ts',
      'seed/**/*.test.ts',
      'scripts/**/*.test.ts',
      'web/src/**/*.test.{ts,tsx}',
      'test/**/*.test.ts',
    ],
    globalSetup: ['test/helpers/global-setup.ts'],
    // One test Neo4j serves every file; files run one after another so none sees another's writes.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
    reporters: ['default', './test/helpers/summary-reporter.ts'],
  },
});
