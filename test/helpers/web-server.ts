import { buildWebIfStale, WEB_DIST, type WebBuild } from '../../scripts/start/web-build.ts';
import type { Config } from '../../server/src/config.ts';
import { createHttpServer, listen, type RunningServer } from '../../server/src/server.ts';
import { loadCuratedDatasets } from './curated.ts';
import { connectTestDatabase, testConfig } from './database.ts';

export interface WebServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The explorer and its API in this process on a free port, over the curated datasets. It serves
 * the test build (web/dist-test, the production build plus `window.__entente`) unless asked for
 * the production one, built first when it is older than its sources.
 */
export async function startWebServer(
  overrides: Partial<Config> = {},
  build: WebBuild = 'test',
): Promise<WebServer> {
  const config = testConfig({ port: 0, host: '127.0.0.1', webDist: WEB_DIST[build], ...overrides });
  buildWebIfStale(config.webDist, (line) => console.log(line), build);
  const db = connectTestDatabase();
  await loadCuratedDatasets(db);
  let running: RunningServer;
  try {
    running = await listen(createHttpServer(config, db), config);
  } catch (error) {
    await db.close();
    throw error;
  }
  return {
    url: running.url.replace('localhost', '127.0.0.1'),
    close: async () => {
      await running.close();
      await db.close();
    },
  };
}
