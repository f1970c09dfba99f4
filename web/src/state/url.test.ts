import { describe, expect, it } from 'vitest';
import { fragmentToView, type SharedView, viewToFragment } from './url.ts';

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
    expect(fragmentToView(viewToFragment(view))).toEqual(view);
  });

  it('leaves the default view out of the URL', () => {
    const empty = fragmentToView('');
    expect(viewToFragment(empty)).toBe('');
    expect(empty.layout).toBe('fcose');
  });

  it('lives in the fragment, which browsers never send to the server', () => {
    expect(viewToFragment(view)).toMatch(
      /^#e=kaspersky-lab%2Ceuropol%2Cno-more-ransom&sel=europol/,
    );
  });

  it('reads a view from a query string too', () => {
    expect(fragmentToView(viewToFragment(view).replace('#', '?'))).toEqual(view);
  });

  it('when values are malformed / falls back to the defaults', () => {
    const read = fragmentToView('?e=a,b&sel=zzz&asOf=yesterday&layout=spiral');
    expect(read).toMatchObject({ ids: ['a', 'b'], selected: null, asOf: null, layout: 'fcose' });
  });
});
