import { defineConfig } from 'vitest/config';

/** The pure tests next to the code: no Neo4j, so none of vitest.config.ts's global setup. */
export default defineConfig({
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    include: [
      'server/**/*.test.ts',
      'seed/**/*.test.ts',
      'scripts/**/*.test.ts',
      'web/src/**/*.test.{ts,tsx}',
    ],
  },
});
