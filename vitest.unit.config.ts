import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

/** The pure tests next to the code: no Neo4j, so none of vitest.config.ts's global setup. */
export default defineConfig({
  resolve: base.resolve,
  test: { include: base.test?.include?.filter((pattern) => !pattern.startsWith('test/')) },
});
