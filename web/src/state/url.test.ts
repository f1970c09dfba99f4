import { describe, expect, it } from 'vitest';
import { fragmentToView, type SharedView, viewToFragment } from './url.ts';

describe('the shared view in the URL', () => {
  const view: SharedView = {
    ids: ['kaspersky-lab', 'europol', 'no-more-ransom'],
    selected: 'europol',
    selectedEdge: null,
    asOf: '2017-01-01',
    compare: { from: '2017-01-01', to: '2019' },
    filters: {
      hiddenKinds: ['PERSON'],
      hiddenTypes: ['LINKED_TO', 'PAYS'],
      hiddenStatuses: ['ALLEGED'],
      hiddenDatasets: ['cyber-cooperation'],
    },
    layout: 'dagre',
    avoidHubs: false,
    positions: { 'kaspersky-lab': { x: 120, y: -45 }, 'no-more-ransom': { x: -300, y: 88 } },
    measures: { sizeBy: 'betweenness', communities: true },
    story: null,
  };

  it('round-trips every field', () => {
    expect(fragmentToView(viewToFragment(view))).toEqual(view);
  });

  it('carries what the measures size and colour, and drops a measure it does not know', () => {
    expect(viewToFragment(view)).toContain('size=betweenness&communities=1');
    expect(fragmentToView('#e=a&size=fame').measures).toEqual({ sizeBy: null, communities: false });
  });

  it('carries an open story and its step (from 1) and nothing else, since the step is the view', () => {
    const open = { ...view, story: { id: 'kaspersky-and-the-eu', step: 2 } };
    expect(viewToFragment(open)).toBe('#story=kaspersky-and-the-eu&step=3');
    expect(fragmentToView('#story=kaspersky-and-the-eu&step=3').story).toEqual(open.story);
    expect(fragmentToView('#story=s').story).toEqual({ id: 's', step: 0 });
    expect(fragmentToView('#story=s&step=zero').story).toEqual({ id: 's', step: 0 });
  });

  it('carries a selected relationship when no entity is selected', () => {
    const edge = { ...view, selected: null, selectedEdge: 'europol-founded-no-more-ransom' };
    expect(viewToFragment(edge)).toContain('rel=europol-founded-no-more-ransom');
    expect(fragmentToView(viewToFragment(edge))).toEqual(edge);
    expect(fragmentToView('#e=a&sel=a&rel=r').selectedEdge).toBeNull();
  });

  it('keeps the dates compared, so a shared link reopens the comparison', () => {
    expect(viewToFragment(view)).toContain('cf=2017-01-01&ct=2019');
    const one = fragmentToView('#e=a&ct=2019-01-01&cf=soon');
    expect(one.compare).toEqual({ from: null, to: '2019-01-01' });
  });

  it('says only when paths may pass through hubs: avoiding them is the default', () => {
    expect(viewToFragment(view)).toContain('avoid=none');
    expect(viewToFragment({ ...view, avoidHubs: true })).not.toContain('avoid');
    expect(fragmentToView('#e=a').avoidHubs).toBe(true);
    expect(fragmentToView('#e=a&avoid=none').avoidHubs).toBe(false);
  });

  it('leaves the default view out of the URL', () => {
    const empty = fragmentToView('');
    expect(viewToFragment(empty)).toBe('');
    expect(empty.layout).toBe('fcose');
    expect(empty.avoidHubs).toBe(true);
  });

  it('lives in the fragment, which browsers never send to the server', () => {
    expect(viewToFragment(view)).toMatch(
      /^#e=kaspersky-lab%2Ceuropol%2Cno-more-ransom&sel=europol/,
    );
  });

  it('reads a view from a query string too', () => {
    expect(fragmentToView(viewToFragment(view).replace('#', '?'))).toEqual(view);
  });

  it('carries positions as whole pixels, one per entity in order, blank where there is none', () => {
    const fragment = viewToFragment({
      ...view,
      positions: { europol: { x: 10.4, y: -2.6 } },
    });
    expect(new URLSearchParams(fragment.slice(1)).get('pos')).toBe(',10_-3,');
    expect(fragmentToView(fragment).positions).toEqual({ europol: { x: 10, y: -3 } });
  });

  it('leaves positions out of the URL when there are none, and ignores malformed ones', () => {
    expect(viewToFragment({ ...view, positions: {} })).not.toContain('pos=');
    const read = fragmentToView('#e=a,b,c&pos=1_2,x_y,3');
    expect(read.positions).toEqual({ a: { x: 1, y: 2 } });
  });

  it('when values are malformed / falls back to the defaults', () => {
    const read = fragmentToView('?e=a,b&sel=zzz&asOf=yesterday&layout=spiral');
    expect(read).toMatchObject({ ids: ['a', 'b'], selected: null, asOf: null, layout: 'fcose' });
    expect(read.compare).toEqual({ from: null, to: null });
  });

  it('when a date is shaped right but impossible / reads it as no date, as the API would refuse it', () => {
    const read = fragmentToView('?e=a&asOf=2018-02-30&cf=2018-13&ct=2019');
    expect(read.asOf).toBeNull();
    expect(read.compare).toEqual({ from: null, to: '2019' });
  });
});
