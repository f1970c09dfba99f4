import { describe, expect, it } from 'vitest';
import { type SharedView, searchToView, viewToSearch } from './url.ts';

describe('the shared view in the URL', () => {
  const view: SharedView = {
    ids: ['kaspersky-lab', 'europol', 'no-more-ransom'],
    selected: 'europol',
    asOf: '2017-01-01',
    filters: {
      hiddenKinds: ['PERSON'],
      hiddenTypes: ['LINKED_TO', 'PAYS'],
      hiddenStatuses: ['ALLEGED'],
    },
    layout: 'dagre',
  };

  it('round-trips every field', () => {
    expect(searchToView(viewToSearch(view))).toEqual(view);
  });

  it('leaves the default view out of the URL', () => {
    const empty = searchToView('');
    expect(viewToSearch(empty)).toBe('');
    expect(empty.layout).toBe('fcose');
  });

  it('when values are malformed / falls back to the defaults', () => {
    const read = searchToView('?e=a,b&sel=zzz&asOf=yesterday&layout=spiral');
    expect(read).toMatchObject({ ids: ['a', 'b'], selected: null, asOf: null, layout: 'fcose' });
  });
});
