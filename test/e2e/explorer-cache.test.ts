// The explorer asks the API through a query cache: a question asked again is answered from it.
import type { Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useExplorer } from '../helpers/explorer-session.ts';

interface Sent {
  operation: string;
  variables: Record<string, unknown>;
}

const sent: Sent[] = [];

function record(request: Request): void {
  if (!request.url().endsWith('/graphql') || request.method() !== 'POST') return;
  const body = request.postDataJSON() as { query: string; variables?: Record<string, unknown> };
  const operation = /^\s*(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1] ?? '(anonymous)';
  sent.push({ operation, variables: body.variables ?? {} });
}

const asked = (operation: string, id: string) =>
  sent.filter((item) => item.operation === operation && item.variables.id === id).length;

const ui = useExplorer(async ({ page }) => {
  page.on('request', record);
});

describe("the explorer's requests", () => {
  it('when an entity is selected again / its details and neighbourhood come from the cache', async () => {
    const details = ui.page.getByRole('complementary', { name: 'Details' });
    await ui.searchAndChoose('Kaspersky', 'Kaspersky Lab');
    await details.getByRole('heading', { name: 'Kaspersky Lab', level: 2 }).waitFor();
    expect(asked('Entity', 'kaspersky-lab')).toBe(1);
    const neighbourhoods = sent.filter((item) => item.operation === 'Neighborhood').length;
    expect(neighbourhoods).toBe(1);

    // To Europol and back, through the relationships the details list.
    await details.getByRole('button', { name: 'Europol', exact: true }).first().click();
    await details.getByRole('heading', { name: 'Europol', level: 2 }).waitFor();
    expect(asked('Entity', 'europol')).toBe(1);
    const before = sent.length;
    await details.getByRole('button', { name: 'Kaspersky Lab', exact: true }).first().click();
    await details.getByRole('heading', { name: 'Kaspersky Lab', level: 2 }).waitFor();
    // The details of Kaspersky Lab are drawn again, with its relationships listed.
    await details
      .getByRole('region', { name: /cooperates with/i })
      .first()
      .waitFor();
    expect(sent.slice(before)).toEqual([]);
    expect(asked('Entity', 'kaspersky-lab')).toBe(1);
    expect(ui.errors).toEqual([]);
  });

  it('when a relationship is selected twice / it is fetched once', async () => {
    const details = ui.page.getByRole('complementary', { name: 'Details' });
    const id = 'kaspersky-lab-cooperates-with-europol';
    const clickEdge = async () => {
      const box = await ui.page.getByTestId('graph').boundingBox();
      const middle = await ui.graph('edgeClickPoint', id);
      if (!box || !middle) throw new Error('no canvas');
      await ui.page.mouse.click(box.x + middle.x, box.y + middle.y);
    };
    await clickEdge();
    await details.getByRole('heading', { name: 'Kaspersky Lab cooperates with Europol' }).waitFor();
    expect(asked('Relationship', id)).toBe(1);
    await details.getByRole('button', { name: 'Europol', exact: true }).click();
    await details.getByRole('heading', { name: 'Europol', level: 2 }).waitFor();
    await clickEdge();
    await details.getByRole('heading', { name: 'Kaspersky Lab cooperates with Europol' }).waitFor();
    expect(asked('Relationship', id)).toBe(1);
  });
});
