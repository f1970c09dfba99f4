import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { collectErrors, launchBrowser } from './browser.ts';
import { startWebServer, type WebServer } from './web-server.ts';

export const ROOT = join(import.meta.dirname, '..', '..');
/** Screenshots and downloads of the browser tests. */
export const RESULTS = join(ROOT, 'test-results');

/** The story's two cooperations that Kaspersky Lab froze on 2018-06-13, active since 2016. */
export const FREEZE_EDGES = [
  'kaspersky-lab-cooperates-with-europol',
  'kaspersky-lab-member-of-no-more-ransom',
];

type Api = NonNullable<Window['__entente']>;

export interface ExplorerSession {
  server: WebServer;
  browser: Browser;
  page: Page;
  /** Console errors and uncaught page errors so far. */
  errors: string[];
  /** Calls the explorer's test hook (window.__entente) in the page. */
  graph<K extends keyof Api>(key: K, ...args: Parameters<Api[K]>): Promise<ReturnType<Api[K]>>;
  /** Types into the search box and opens the hit named `name`. */
  searchAndChoose(text: string, name: string): Promise<void>;
  close(): Promise<void>;
}

/** Types into the page's search box and opens the hit named `name`. */
export async function chooseFromSearch(page: Page, text: string, name: string): Promise<void> {
  const input = page.getByRole('combobox', { name: 'Search entities' });
  await input.fill(text);
  await page
    .getByRole('option', { name: new RegExp(name) })
    .first()
    .waitFor();
  await input.press('Enter');
}

/** The explorer over the curated datasets, in a fresh headless Chromium page. */
export async function openExplorer(): Promise<ExplorerSession> {
  mkdirSync(RESULTS, { recursive: true });
  const server = await startWebServer();
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(server.url);
  const graph = <K extends keyof Api>(key: K, ...args: Parameters<Api[K]>) =>
    page.evaluate(
      ([name, rest]) => {
        const api = window.__entente;
        if (!api) throw new Error('window.__entente is not set');
        return (api[name] as (...a: unknown[]) => unknown)(...rest);
      },
      [key, args] as const,
    ) as Promise<ReturnType<Api[K]>>;
  const searchAndChoose = (text: string, name: string) => chooseFromSearch(page, text, name);
  return {
    server,
    browser,
    page,
    errors,
    graph,
    searchAndChoose,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * One explorer session for a test file: opened before its tests (then `prepare` runs), closed
 * after them. Read its parts only inside tests and hooks.
 */
export function useExplorer(prepare?: (session: ExplorerSession) => Promise<void>) {
  let session: ExplorerSession | undefined;
  beforeAll(async () => {
    session = await openExplorer();
    await prepare?.(session);
  }, 240_000);
  afterAll(() => session?.close());
  const current = (): ExplorerSession => {
    if (!session) throw new Error('the explorer session is not open yet');
    return session;
  };
  return {
    get page() {
      return current().page;
    },
    get server() {
      return current().server;
    },
    get errors() {
      return current().errors;
    },
    graph: ((key, ...args) => current().graph(key, ...args)) as ExplorerSession['graph'],
    searchAndChoose: (text: string, name: string) => current().searchAndChoose(text, name),
  };
}
