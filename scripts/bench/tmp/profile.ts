import { print } from 'graphql';
import { importDatasets } from '../../../seed/src/import.ts';
import { loadConfig } from '../../../server/src/config.ts';
import { createDatabase } from '../../../server/src/db/database.ts';
import { createDriver } from '../../../server/src/db/driver.ts';
import { awaitSearchIndex, ensureSchema } from '../../../server/src/db/schema.ts';
import { createEntenteYoga } from '../../../server/src/graphql/yoga.ts';
import { ENTITY, NEIGHBORHOOD, SUBGRAPH, RELATIONSHIP, SEARCH } from '../../../web/src/api/documents.ts';
import { startNeo4j, stopNeo4j, wipeNeo4j } from '../../neo4j/server.ts';
import { neo4jSettings } from '../../neo4j/settings.ts';

const settings = neo4jSettings('dev', { ...process.env, NEO4J_BOLT_PORT: '7790', NEO4J_HTTP_PORT: '7791', NEO4J_HEAP: '1g', NEO4J_PAGECACHE: '512m' });
const log = (l: string) => console.log(l);
if (process.env.WIPE) await wipeNeo4j(settings, log);
const { uri } = await startNeo4j(settings, log);
const config = loadConfig({ NODE_ENV: 'production', NEO4J_URI: uri, NEO4J_USER: settings.user, NEO4J_PASSWORD: settings.password, RATE_LIMIT_REQUESTS: '1000000000', RATE_LIMIT_COST: '1000000000000' });
const driver = createDriver(config.neo4j);
const db = createDatabase(driver, { database: 'neo4j', timeoutMs: 30000 });
try {
  await ensureSchema(db);
  if (process.env.WIPE) { await importDatasets(db, uri, { paths: [], reset: true }); await awaitSearchIndex(db); }
  const yoga = createEntenteYoga({ config, db });
  const docs: [string, unknown, Record<string, unknown>][] = [
    ['neighborhood', NEIGHBORHOOD, { ids: ['kaspersky-lab'] }],
    ['entity', ENTITY, { id: 'kaspersky-lab', after: null }],
    ['subgraph', SUBGRAPH, { ids: ['kaspersky-lab', 'europol', 'european-union', 'european-parliament'] }],
    ['search', SEARCH, { text: 'kaspersky', first: 10 }],
  ];
  for (const [name, doc, variables] of docs) {
    const body = JSON.stringify({ query: print(doc as never), variables });
    const send = async () => {
      const res = await yoga.fetch('http://x/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      return res.text();
    };
    const first = await send();
    if (first.includes('"errors"')) console.log(name, first.slice(0, 300));
    for (let i = 0; i < 50; i++) await send();
    const N = Number(process.env.N ?? 200);
    const c0 = process.cpuUsage(); const t0 = performance.now();
    for (let i = 0; i < N; i++) await send();
    const c = process.cpuUsage(c0); const t = performance.now() - t0;
    console.log(`${name}: ${first.length} bytes, wall ${(t / N).toFixed(2)} ms, node cpu ${((c.user + c.system) / 1000 / N).toFixed(2)} ms per request`);
  }
} finally {
  await driver.close();
  await stopNeo4j(settings, log);
}
