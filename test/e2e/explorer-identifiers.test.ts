import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDENTIFIER_SCHEME_INFO } from '../../server/src/domain/identifier-schemes.ts';
import { createCurationClient, DELETE_ENTITY, SOURCE, UPSERT_ENTITY } from '../helpers/curation.ts';
import { connectTestDatabase } from '../helpers/database.ts';
import { useExplorer } from '../helpers/explorer-session.ts';
import { ok } from '../helpers/graphql.ts';

const ui = useExplorer();
const db = connectTestDatabase();
const { asEditor } = createCurationClient(db);

const BANK = {
  id: 'identifier-test-bank',
  kind: 'COMPANY',
  name: 'Identifier Test Bank',
  identifiers: [
    { scheme: 'LEI', value: 'HWUPKR0MPOU8FGXBT394' },
    { scheme: 'SWIFT_BIC', value: 'FTBKGB2L' },
  ],
  evidence: [{ source: SOURCE, quote: 'Kaspersky Lab said it would freeze its cooperation.' }],
};

beforeAll(async () => {
  await ok(asEditor(UPSERT_ENTITY, { input: BANK }));
});

afterAll(async () => {
  await ok(asEditor(DELETE_ENTITY, { id: BANK.id }));
  await db.close();
});

describe("an entity's identifiers", () => {
  it('are listed in its details, each under its register', async () => {
    await ui.searchAndChoose('Identifier Test Bank', 'Identifier Test Bank');
    const details = ui.page.getByRole('complementary', { name: 'Details' });
    await details.getByRole('heading', { name: 'Identifier Test Bank' }).waitFor();
    for (const { scheme, value } of BANK.identifiers) {
      const term = details.getByRole('term').filter({
        hasText: IDENTIFIER_SCHEME_INFO[scheme as 'LEI' | 'SWIFT_BIC'].label,
      });
      await expect(term.count()).resolves.toBe(1);
      await expect(term.locator('xpath=following-sibling::dd[1]').textContent()).resolves.toBe(
        value,
      );
    }
  });
});
