import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectErrors, launchBrowser } from '../helpers/browser.ts';
import { startWebServer, type WebServer } from '../helpers/web-server.ts';

describe('GraphiQL in development', () => {
  let server: WebServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startWebServer({ mode: 'development' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens with the example queries and runs them, asking nothing of any other host', async () => {
    const page = await browser.newPage();
    const errors = collectErrors(page);
    const elsewhere: string[] = [];
    // Everything must come from this server: a page that needed a CDN would stay blank offline.
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(server.url) || url.startsWith('blob:') || url.startsWith('data:')) {
        return route.continue();
      }
      elsewhere.push(url);
      return route.abort();
    });
    await page.goto(`${server.url}/graphql`);
    await page.locator('.graphiql-container').first().waitFor();
    await page.getByText('How is Kaspersky Lab connected to Europol?').first().waitFor();
    const answer = page.waitForResponse(
      (response) =>
        response.url().startsWith(`${server.url}/graphql`) &&
        response.request().method() === 'POST' &&
        (response.request().postData() ?? '').includes('"operationName":"Paths"'),
    );
    // The page holds several operations, so GraphiQL asks which one to run.
    await page.getByRole('button', { name: /Execute query/ }).click();
    await page.getByRole('menuitem', { name: 'Paths' }).click();
    const body = await (await answer).json();
    expect(body.errors).toBeUndefined();
    expect(JSON.stringify(body.data)).toContain('Kaspersky Lab');
    expect(elsewhere).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
