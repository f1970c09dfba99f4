#!/usr/bin/env node
// `npm run serve`: the compiled server alone (dist/server/src/main.js) against NEO4J_URI, as a
// deployment runs it: no install, no build, no local Neo4j, no seeding. Plain JavaScript so that it
// can say what is missing before anything is loaded; the server runs in this very process.
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { compiled, compiledCurrent } from './build.mjs';

const main = compiled('server/src/main.ts');
if (!existsSync(main)) {
  console.error(`No compiled server at ${main}: run \`npm run build\` first.`);
  process.exit(1);
}
if (!compiledCurrent()) {
  console.error('Warning: sources changed since the last build; `npm run build` to serve them.');
}
await import(pathToFileURL(main).href);
