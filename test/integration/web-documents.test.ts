// The explorer's documents are checked against server/schema.graphql by `npm run lint`
// (`gql.tada check`), and their types come from the introspection generated from it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const tada = join(root, 'node_modules', '.bin', 'gql.tada');

function run(args: string[]) {
  const result = spawnSync(tada, args, { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

const scratch = mkdtempSync(join(tmpdir(), 'entente-web-types-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("the web app's GraphQL documents", () => {
  it('when a document asks for a field the schema lacks / the check fails, naming the field', () => {
    const { status, out } = run(['check', '-c', 'test/fixtures/graphql-check/tsconfig.json']);
    expect(status).not.toBe(0);
    expect(out).toContain('Cannot query field "foundingYear" on type "Entity"');
    expect(out).toContain('unknown-field.ts');
  });

  it("the explorer's own documents pass the check", () => {
    const { status, out } = run(['check']);
    expect(out).not.toMatch(/error/);
    expect(status).toBe(0);
  });

  it('the committed introspection is what the printed schema gives', () => {
    const fresh = join(scratch, 'graphql-env.d.ts');
    const { status, out } = run(['generate-output', '-o', fresh]);
    expect({ status, out }).toMatchObject({ status: 0 });
    const committed = readFileSync(join(root, 'web/src/api/graphql-env.d.ts'), 'utf8');
    // On a difference: npx gql.tada generate-output
    expect(readFileSync(fresh, 'utf8')).toBe(committed);
  });
});
