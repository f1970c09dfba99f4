import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCuratedDatasets } from '../helpers/curated.ts';
import { SOURCE } from '../helpers/curation.ts';
import { connectTestDatabase } from '../helpers/database.ts';
import { snapshot } from '../helpers/graph.ts';
import { createClient, type GraphQLResult, ok } from '../helpers/graphql.ts';

// Every curator's write records a revision (who, when, what changed, why); reverts write
// earlier states back as new revisions; a refused write records nothing.

const db = connectTestDatabase();
const query = createClient(db, {
  editors: [
    { name: 'ana', token: 'token-of-ana' },
    { name: 'bo', token: 'token-of-bo' },
  ],
});
const ANA = { authorization: 'Bearer token-of-ana' };
const BO = { authorization: 'Bearer token-of-bo' };

beforeAll(() => loadCuratedDatasets(db));
afterAll(async () => {
  await db.write("MATCH (e:Entity) WHERE e.id STARTS WITH 'rev-' DETACH DELETE e");
  await db.write('MATCH (v:Revision) DELETE v');
  await db.close();
});

const REVISION_FIELDS = `id change recordId recordKind action editor at comment label
  changes { field before after } before after`;
const UPSERT_ENTITY = `mutation($input: UpsertEntityInput!, $comment: String) {
  upsertEntity(input: $input, comment: $comment) { id name version }
}`;
const UPSERT_RELATIONSHIP = `mutation($input: UpsertRelationshipInput!) {
  upsertRelationship(input: $input) { id }
}`;
const DELETE_ENTITY = 'mutation($id: ID!) { deleteEntity(id: $id) }';
const MERGE = 'mutation($keep: ID!, $drop: ID!) { mergeEntities(keep: $keep, drop: $drop) { id } }';
const REVISIONS = `query($id: ID!, $first: Int, $after: String) {
  revisions(id: $id, first: $first, after: $after) {
    nodes { ${REVISION_FIELDS} } pageInfo { hasNextPage endCursor }
  }
}`;
const RECENT = `query($first: Int, $after: String) {
  recentChanges(first: $first, after: $after) {
    nodes { id recordId action } pageInfo { hasNextPage endCursor }
  }
}`;
const REVERT_RECORD = `mutation($revision: ID!, $expectedVersion: String) {
  revertRecord(revision: $revision, expectedVersion: $expectedVersion) { ${REVISION_FIELDS} }
}`;
const REVERT_CHANGE = `mutation($change: ID!) {
  revertChange(change: $change) { ${REVISION_FIELDS} }
}`;
const ENTITY = `query($id: ID!) {
  entity(id: $id) { name aliases version relationships(first: 50) { nodes { id from { id } to { id } } } }
}`;

interface Revision {
  id: string;
  change: string;
  recordId: string;
  recordKind: string;
  action: string;
  editor: string;
  at: string;
  comment: string | null;
  label: string | null;
  changes: { field: string; before: string | null; after: string | null }[];
  before: string | null;
  after: string | null;
}
type Page = { nodes: Revision[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

const company = (id: string, name: string, aliases: string[] = []) => ({
  id,
  kind: 'COMPANY',
  name,
  aliases,
  evidence: [{ source: SOURCE, quote: 'a quote' }],
});

async function historyOf(id: string): Promise<Revision[]> {
  return (await ok(query<{ revisions: Page }>(REVISIONS, { id, first: 100 }))).revisions.nodes;
}

type Relationships = { nodes: { id: string; from: { id: string }; to: { id: string } }[] };
async function entity(id: string) {
  const data = await ok(
    query<{
      entity: { name: string; aliases: string[]; version: string; relationships: Relationships };
    } | null>(ENTITY, { id }),
  );
  return data?.entity ?? null;
}

function refusedCode(result: GraphQLResult): string | undefined {
  expect(result.data?.[Object.keys(result.data ?? {})[0] ?? ''] ?? null).toBeNull();
  return result.errors?.[0]?.extensions?.code;
}

describe('revisions of an entity', () => {
  it('records who created it, when, why, and each field it set', async () => {
    const before = Date.now();
    await ok(
      query(
        UPSERT_ENTITY,
        { input: company('rev-one', 'First'), comment: 'from the article' },
        ANA,
      ),
    );
    const [created] = await historyOf('rev-one');
    expect(created).toMatchObject({
      recordId: 'rev-one',
      recordKind: 'ENTITY',
      action: 'CREATED',
      editor: 'ana',
      comment: 'from the article',
      label: 'First',
      before: null,
    });
    expect(Date.parse(created?.at ?? '')).toBeGreaterThanOrEqual(before - 1000);
    expect(created?.changes).toContainEqual({ field: 'name', before: null, after: '"First"' });
    expect(JSON.parse(created?.after ?? '{}')).toMatchObject({ id: 'rev-one', name: 'First' });
  });

  it('records an update as before → after for the fields it changed only, newest first', async () => {
    await ok(query(UPSERT_ENTITY, { input: company('rev-one', 'Second', ['2nd']) }, BO));
    const [updated, created] = await historyOf('rev-one');
    expect(created?.action).toBe('CREATED');
    expect(updated).toMatchObject({ action: 'UPDATED', editor: 'bo', comment: null });
    expect(updated?.changes).toEqual([
      { field: 'name', before: '"First"', after: '"Second"' },
      { field: 'aliases', before: null, after: '["2nd"]' },
    ]);
  });

  it('records nothing for a write that changes nothing', async () => {
    await ok(query(UPSERT_ENTITY, { input: company('rev-one', 'Second', ['2nd']) }, BO));
    expect(await historyOf('rev-one')).toHaveLength(2);
  });

  it('reverts to an earlier revision as a new revision, and refuses a stale version', async () => {
    const [, created] = await historyOf('rev-one');
    const stale = await snapshot(db);
    const conflict = await query(
      REVERT_RECORD,
      { revision: created?.id, expectedVersion: 'not-the-version' },
      ANA,
    );
    expect(refusedCode(conflict)).toBe('CONFLICT');
    expect(await snapshot(db)).toBe(stale);

    const { version } = (await entity('rev-one')) ?? {};
    const reverted = (
      await ok(
        query<{ revertRecord: Revision[] }>(
          REVERT_RECORD,
          { revision: created?.id, expectedVersion: version },
          ANA,
        ),
      )
    ).revertRecord;
    expect(reverted).toHaveLength(1);
    expect(reverted[0]).toMatchObject({ action: 'REVERTED', editor: 'ana', recordId: 'rev-one' });
    expect(reverted[0]?.comment).toBe(`Reverted to revision ${created?.id}.`);
    expect(await entity('rev-one')).toMatchObject({ name: 'First', aliases: [] });
    const history = await historyOf('rev-one');
    expect(history.map((revision) => revision.action)).toEqual(['REVERTED', 'UPDATED', 'CREATED']);
  });

  it('records nothing for a write that is refused: anonymous, a wrong token, bad input', async () => {
    const before = await snapshot(db);
    const input = { input: company('rev-one', 'Third') };
    expect(refusedCode(await query(UPSERT_ENTITY, input))).toBe('UNAUTHENTICATED');
    expect(
      refusedCode(await query(UPSERT_ENTITY, input, { authorization: 'Bearer token-of-nobody' })),
    ).toBe('FORBIDDEN');
    const unknownSource = {
      input: { ...company('rev-one', 'Third'), evidence: [{ source: 'x' }] },
    };
    expect(refusedCode(await query(UPSERT_ENTITY, unknownSource, ANA))).toBe('BAD_USER_INPUT');
    expect(await snapshot(db)).toBe(before);
  });
});

describe('a change of several records', () => {
  it('keeps the history of a deleted entity and its relationships, and undoes the delete', async () => {
    await ok(query(UPSERT_ENTITY, { input: company('rev-gone', 'Gone Ltd') }, ANA));
    const { upsertRelationship } = await ok(
      query<{ upsertRelationship: { id: string } }>(
        UPSERT_RELATIONSHIP,
        {
          input: {
            from: 'rev-gone',
            type: 'COOPERATES_WITH',
            to: 'europol',
            since: '2019',
            evidence: [{ source: SOURCE }],
          },
        },
        ANA,
      ),
    );
    await ok(query(DELETE_ENTITY, { id: 'rev-gone' }, BO));
    expect(await entity('rev-gone')).toBeNull();
    const [deleted] = await historyOf('rev-gone');
    const [relDeleted] = await historyOf(upsertRelationship.id);
    expect(deleted).toMatchObject({ action: 'DELETED', editor: 'bo', after: null });
    expect(relDeleted).toMatchObject({ action: 'DELETED', recordKind: 'RELATIONSHIP' });
    expect(relDeleted?.change).toBe(deleted?.change);

    const undone = (
      await ok(query<{ revertChange: Revision[] }>(REVERT_CHANGE, { change: deleted?.change }, ANA))
    ).revertChange;
    expect(undone.map((revision) => [revision.recordId, revision.action])).toEqual([
      ['rev-gone', 'REVERTED'],
      [upsertRelationship.id, 'REVERTED'],
    ]);
    const back = await entity('rev-gone');
    expect(back?.name).toBe('Gone Ltd');
    expect(back?.relationships.nodes.map((rel) => rel.id)).toEqual([upsertRelationship.id]);
  });

  it('undoes a merge: both entities and every relationship on its own end again', async () => {
    await ok(query(UPSERT_ENTITY, { input: company('rev-keep', 'Acme') }, ANA));
    await ok(query(UPSERT_ENTITY, { input: company('rev-drop', 'Acme Ltd') }, ANA));
    const rel = (from: string, since: string) =>
      ok(
        query<{ upsertRelationship: { id: string } }>(
          UPSERT_RELATIONSHIP,
          {
            input: {
              from,
              type: 'COOPERATES_WITH',
              to: 'europol',
              since,
              evidence: [{ source: SOURCE }],
            },
          },
          ANA,
        ),
      );
    const kept = (await rel('rev-keep', '2016')).upsertRelationship.id;
    const moved = (await rel('rev-drop', '2017')).upsertRelationship.id;
    const beforeMerge = await snapshot(db, 'Revision');

    await ok(query(MERGE, { keep: 'rev-keep', drop: 'rev-drop' }, BO));
    expect(await entity('rev-drop')).toBeNull();
    const [merge] = await historyOf('rev-keep');
    expect(merge).toMatchObject({ action: 'MERGED', editor: 'bo' });
    expect(merge?.changes).toContainEqual({
      field: 'aliases',
      before: null,
      after: '["Acme Ltd"]',
    });
    const [movedRevision] = await historyOf(moved);
    expect(movedRevision?.change).toBe(merge?.change);
    expect(movedRevision?.changes).toEqual([
      { field: 'from', before: '"rev-drop"', after: '"rev-keep"' },
    ]);

    await ok(query(REVERT_CHANGE, { change: merge?.change }, ANA));
    expect((await entity('rev-keep'))?.relationships.nodes.map((r) => r.id)).toEqual([kept]);
    expect((await entity('rev-drop'))?.relationships.nodes.map((r) => r.id)).toEqual([moved]);
    expect((await entity('rev-keep'))?.aliases).toEqual([]);
    // The records are as they were before the merge; only their datasets may have grown.
    const after = await snapshot(db, 'Revision');
    expect(after.replaceAll('"kaspersky-eu-2018",', '')).toBe(
      beforeMerge.replaceAll('"kaspersky-eu-2018",', ''),
    );
  });

  it('refuses to undo a change whose records were written since, writing nothing', async () => {
    await ok(query(UPSERT_ENTITY, { input: company('rev-later', 'Early') }, ANA));
    const [created] = await historyOf('rev-later');
    await ok(query(UPSERT_ENTITY, { input: company('rev-later', 'Later') }, BO));
    const before = await snapshot(db);
    const result = await query(REVERT_CHANGE, { change: created?.change }, ANA);
    expect(refusedCode(result)).toBe('CONFLICT');
    expect(result.errors?.[0]?.message).toMatch(/rev-later/);
    expect(await snapshot(db)).toBe(before);
  });

  it('answers NOT_FOUND for an unknown revision or change', async () => {
    expect(refusedCode(await query(REVERT_RECORD, { revision: 'no-such' }, ANA))).toBe('NOT_FOUND');
    expect(refusedCode(await query(REVERT_CHANGE, { change: 'no-such' }, ANA))).toBe('NOT_FOUND');
  });
});

describe('recent changes', () => {
  it('pages through every revision, newest first, without gaps or repeats', async () => {
    const all = (await ok(query<{ recentChanges: Page }>(RECENT, { first: 100 }))).recentChanges;
    expect(all.nodes.length).toBeGreaterThan(10);
    const ids = all.nodes.map((revision) => revision.id);
    expect([...ids].sort().reverse()).toEqual(ids);
    const paged: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 100; page += 1) {
      const { recentChanges }: { recentChanges: Page } = await ok(
        query<{ recentChanges: Page }>(RECENT, { first: 3, after }),
      );
      paged.push(...recentChanges.nodes.map((revision) => revision.id));
      if (!recentChanges.pageInfo.hasNextPage) break;
      after = recentChanges.pageInfo.endCursor;
    }
    expect(paged).toEqual(ids);
  });

  it('refuses a page size out of bounds and a cursor it did not give', async () => {
    expect(refusedCode(await query(RECENT, { first: 101 }))).toBe('BAD_USER_INPUT');
    expect(refusedCode(await query(RECENT, { after: 'rev-one' }))).toBe('BAD_USER_INPUT');
  });
});
