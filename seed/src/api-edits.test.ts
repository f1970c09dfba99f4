import { describe, expect, it } from 'vitest';
import type { EditedRecord } from '../../server/src/db/api-edit-repository.ts';
import type { DatasetContent, EntityRecord } from '../../server/src/validation/records.ts';
import { apiEdits, keptRecords } from './api-edits.ts';

const filed: EntityRecord = {
  id: 'europol',
  kind: 'Agency',
  name: 'Europol',
  aliases: [],
  evidence: [],
};
const content: DatasetContent = {
  dataset: { id: 'story', title: 'Story', requires: [] },
  entities: [filed],
  sources: [],
  relationships: [
    {
      id: 'a-cooperates-with-europol',
      from: 'a',
      type: 'COOPERATES_WITH',
      to: 'europol',
      status: 'active',
      evidence: [],
      history: [],
    },
  ],
  phases: [],
};
const curated: EntityRecord = { ...filed, aliases: ['EU police agency'] };

/** A revised entity stored for `datasets`, with `after` its latest revision. */
function revised(
  stored: EntityRecord | null,
  after: EntityRecord | null,
  datasets = ['story', 'curation'],
): EditedRecord {
  return {
    kind: 'entity',
    id: 'europol',
    editor: 'alice',
    at: '2026-01-02T10:00:00.000Z',
    after,
    stored: stored && { kind: 'entity', view: { ...stored, datasets, degree: 3, version: 'v' } },
  };
}

describe('apiEdits', () => {
  it('when a curator edited a record the files state otherwise / keeps it as stored', () => {
    expect(apiEdits(content, [revised(curated, curated)])).toEqual([
      {
        kind: 'entity',
        id: 'europol',
        editor: 'alice',
        at: '2026-01-02T10:00:00.000Z',
        record: curated,
        inFiles: true,
      },
    ]);
  });

  it('when the files now state it as the curator did / keeps nothing', () => {
    const now = { ...content, entities: [curated] };
    expect(apiEdits(now, [revised(curated, curated)])).toEqual([]);
  });

  it('when a seed run wrote it since the revision / keeps nothing', () => {
    expect(apiEdits(content, [revised(filed, curated)])).toEqual([]);
  });

  it('when it belongs to another dataset / keeps nothing', () => {
    expect(apiEdits(content, [revised(curated, curated, ['other'])])).toEqual([]);
  });

  it('when a curator deleted a record the files hold / keeps the deletion, and the relationships of the files that end at it', () => {
    const edits = apiEdits(content, [revised(null, null)]);
    expect(edits).toMatchObject([{ id: 'europol', record: null, inFiles: true }]);
    expect(keptRecords(content, edits)).toEqual([
      'entities:europol',
      'relationships:a-cooperates-with-europol',
    ]);
  });
});
