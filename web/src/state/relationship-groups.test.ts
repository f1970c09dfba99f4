import { describe, expect, it } from 'vitest';
import type { RelationshipWithEnds } from '../api/types.ts';
import {
  byDate,
  groupByType,
  groupByYear,
  relationshipsSubgraph,
  UNDATED,
} from './relationship-groups.ts';

const end = (id: string): RelationshipWithEnds['from'] => ({
  id,
  name: id,
  kind: 'AGENCY',
  aliases: [],
  degree: 1,
  country: null,
});

/** A relationship of any type name, so that grouping by a type the ontology lacks is tested. */
function rel<T extends string>(
  id: string,
  type: T,
  since: string | null,
  until: string | null = null,
) {
  return {
    id,
    type,
    since,
    until,
    status: 'ACTIVE',
    label: type,
    from: end('kaspersky-lab'),
    to: end(`${id}-end`),
    description: null,
    role: null,
    measure: null,
    instrument: null,
    claim: null,
    dataset: null,
    evidence: [],
    history: [],
  } satisfies Omit<RelationshipWithEnds, 'type'> & { type: T };
}

describe('byDate', () => {
  it('puts earlier dates first, a coarser date before a finer one, undated last', () => {
    const rels = [
      rel('d', 'X', null),
      rel('c', 'X', '2018-06-13'),
      rel('b', 'X', '2018'),
      rel('a', 'X', null, '2016-10'),
      rel('e', 'X', '2018-06'),
    ];
    expect([...rels].sort(byDate).map((r) => r.id)).toEqual(['a', 'b', 'e', 'c', 'd']);
  });

  it('orders equal dates by id, so the order never depends on the input', () => {
    const rels = [rel('z', 'X', '2017'), rel('m', 'X', '2017'), rel('y', 'X', null)];
    expect([...rels].sort(byDate).map((r) => r.id)).toEqual(['m', 'z', 'y']);
  });
});

describe('groupByType', () => {
  it("groups in the ontology's order of types, each group in date order, undated included", () => {
    const groups = groupByType(
      [
        rel('r1', 'RESTRICTS', '2018-06-13'),
        rel('l1', 'LEADS', null),
        rel('r0', 'RESTRICTS', '2017-09'),
        rel('u1', 'UNLISTED', '2010'),
      ],
      ['LEADS', 'RESTRICTS'],
    );
    expect(groups.map(([type, rels]) => [type, rels.map((r) => r.id)])).toEqual([
      ['LEADS', ['l1']],
      ['RESTRICTS', ['r0', 'r1']],
      ['UNLISTED', ['u1']],
    ]);
  });
});

describe('groupByYear', () => {
  it('groups by the year each began (or ended), earliest first, across types; undated last', () => {
    const groups = groupByYear([
      rel('r1', 'RESTRICTS', '2018-06-13'),
      rel('l1', 'LEADS', null),
      rel('c1', 'COOPERATES_WITH', '2016-07-25', '2018-06-13'),
      rel('r0', 'RESTRICTS', '2018-06'),
      rel('e1', 'ENDED', null, '2016-10'),
    ]);
    expect(groups.map(([year, rels]) => [year, rels.map((r) => r.id)])).toEqual([
      ['2016', ['c1', 'e1']],
      ['2018', ['r0', 'r1']],
      [UNDATED, ['l1']],
    ]);
  });
});

describe('relationshipsSubgraph', () => {
  it('holds the relationships and each of their ends once', () => {
    const subgraph = relationshipsSubgraph([rel('a', 'OWNS', null), rel('b', 'OWNS', null)]);
    expect(subgraph.edges.map((e) => e.id)).toEqual(['a', 'b']);
    expect(subgraph.nodes.map((n) => n.id).sort()).toEqual(['a-end', 'b-end', 'kaspersky-lab']);
    expect(subgraph.hubs).toEqual([]);
  });
});
