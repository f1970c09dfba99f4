#!/usr/bin/env node
// `npm run serve`: the compiled server alone (dist/server/src/main.js) against NEO4J_URI, as a
// deployment runs it: no install, no build, no local Neo4j, no seeding. Plain JavaScript so that it
// can say what is missing before anything is loaded; the server runs in this very process.
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { compiled, compiledCurrent } from './build.mjs';

const [argument] = process.argv.slice(2);
if (argument === '--help' || argument === '-h') {
  console.log(`Usage: npm run serve

Runs the compiled server (npm run build) alone against the Neo4j of NEO4J_URI, NEO4J_USER and
NEO4J_PASSWORD, as a deployment does: no install, no build, no local Neo4j, no seeding.`);
  process.exit(0);
}
if (argument !== undefined) {
  console.error(`Unknown option '${argument}'. Valid options: -h/--help.`);
  process.exit(1);
}
const main = compiled('server/src/main.ts');
if (!existsSync(main)) {
  console.error(`No compiled server at ${main}: run \`npm run build\` first.`);
  process.exit(1);
}
if (!compiledCurrent()) {
  console.error('Warning: sources changed since the last build; `npm run build` to serve them.');
}
await import(pathToFileURL(main).href);
