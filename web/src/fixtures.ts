// Small API answers for the unit tests, shaped like the real ones (Kaspersky story).
import type { Ontology, Path, RelationshipDetail, Subgraph } from './api/types.ts';

export const ONTOLOGY: Ontology = {
  kinds: [
    {
      kind: 'COMPANY',
      label: 'Company',
      description: 'A business.',
      colour: '#E69F00',
      shape: 'round-rectangle',
    },
    {
      kind: 'AGENCY',
      label: 'Agency',
      description: 'A public body.',
      colour: '#56B4E9',
      shape: 'octagon',
    },
    {
      kind: 'PARTNERSHIP',
      label: 'Partnership',
      description: 'An initiative.',
      colour: '#D55E00',
      shape: 'diamond',
    },
  ],
  relationshipTypes: [
    {
      type: 'COOPERATES_WITH',
      label: 'cooperates with',
      inverseLabel: 'cooperates with',
      description: 'Working together.',
      symmetric: true,
      colour: '#44AA99',
    },
    {
      type: 'FOUNDED',
      label: 'founded',
      inverseLabel: 'was founded by',
      description: 'Founding.',
      symmetric: false,
      colour: '#117733',
    },
  ],
  statuses: [
    { status: 'ACTIVE', label: 'active', description: 'Holds.', colour: '#009E73' },
    { status: 'FROZEN', label: 'frozen', description: 'Suspended.', colour: '#56B4E9' },
    { status: 'ALLEGED', label: 'alleged', description: 'Claimed.', colour: '#CC79A7' },
  ],
  datasets: [
    {
      id: 'kaspersky-eu-2018',
      title: 'Kaspersky freezes its EU cooperation (June 2018)',
      description: null,
      license: 'CC-BY-4.0',
      version: 3,
    },
  ],
  timeSpan: { earliest: '1789-03-04', latest: '2024-07-20' },
};

const kaspersky = { id: 'kaspersky-lab', name: 'Kaspersky Lab', kind: 'COMPANY' };
const europol = { id: 'europol', name: 'Europol', kind: 'AGENCY' };
const nomoreransom = { id: 'no-more-ransom', name: 'No More Ransom', kind: 'PARTNERSHIP' };

export const SUBGRAPH: Subgraph = {
  truncated: true,
  hubs: [{ id: 'no-more-ransom', total: 78, shown: 2, byType: [{ type: 'MEMBER_OF', count: 70 }] }],
  nodes: [
    { ...kaspersky, aliases: ['Kaspersky', 'AO Kaspersky Lab'], degree: 3, country: 'RU' },
    { ...europol, aliases: [], degree: 11, country: null },
    { ...nomoreransom, aliases: ['NMR'], degree: 78, country: null },
  ],
  edges: [
    {
      id: 'europol-cooperates-with-kaspersky-lab',
      type: 'COOPERATES_WITH',
      status: 'FROZEN',
      since: '2018-06-13',
      until: null,
      label: 'cooperates with',
      dataset: 'kaspersky-eu-2018',
      from: kaspersky,
      to: europol,
      history: [{ status: 'FROZEN', since: '2018-06-13', until: null }],
    },
    {
      id: 'europol-founded-no-more-ransom',
      type: 'FOUNDED',
      status: 'ACTIVE',
      since: '2016-07-25',
      until: null,
      label: 'founded',
      dataset: 'cyber-cooperation',
      from: europol,
      to: nomoreransom,
      history: [{ status: 'ACTIVE', since: '2016-07-25', until: null }],
    },
  ],
};

export const PATH: Path = {
  length: 2,
  nodes: [SUBGRAPH.nodes[0], SUBGRAPH.nodes[2], SUBGRAPH.nodes[1]].filter((n) => n !== undefined),
  edges: [
    {
      id: 'kaspersky-lab-cooperates-with-no-more-ransom',
      type: 'COOPERATES_WITH',
      status: 'FROZEN',
      since: '2018-06',
      until: null,
      label: 'cooperates with',
      description: null,
      role: null,
      measure: null,
      instrument: null,
      claim: null,
      dataset: 'kaspersky-eu-2018',
      from: kaspersky,
      to: nomoreransom,
      history: [],
      evidence: [
        {
          quote: 'we are forced to freeze our cooperation',
          source: {
            id: 's1',
            title: 'Kaspersky ends all EU work',
            url: 'https://example.org',
            published: '2018-06',
          },
        },
      ],
    },
    {
      id: 'europol-founded-no-more-ransom',
      type: 'FOUNDED',
      status: 'ACTIVE',
      since: '2016-07-25',
      until: null,
      label: 'founded',
      description: null,
      role: null,
      measure: null,
      instrument: null,
      claim: null,
      dataset: null,
      from: europol,
      to: nomoreransom,
      history: [],
      evidence: [],
    },
  ],
};

const freezeQuote = {
  quote: 'we are forced to freeze our cooperation with orgs including @Europol & #NoMoreRansom.',
  source: {
    id: 'itproportal-2018-06-kaspersky-ends-eu-work',
    title: 'Kaspersky ends all EU work following ban',
    url: 'https://www.itproportal.com/news/kaspersky-ends-all-eu-work-following-ban/',
    published: '2018-06-14',
  },
};
const launchQuote = {
  quote:
    'No More Ransom was launched by Europol, the Dutch police, Intel Security and Kaspersky Lab.',
  source: {
    id: 'europol-2016',
    title: 'No More Ransom launched',
    url: null,
    published: '2016-07-25',
  },
};

/** The story's cooperation: active from 2016, frozen from 13 June 2018, each phase evidenced. */
export const COOPERATION: RelationshipDetail = {
  ...(PATH.edges[0] as RelationshipDetail),
  id: 'kaspersky-lab-cooperates-with-europol',
  since: '2016-07-25',
  dataset: 'cyber-cooperation',
  from: kaspersky,
  to: europol,
  evidence: [launchQuote],
  history: [
    {
      status: 'ACTIVE',
      since: '2016-07-25',
      until: '2018-06-13',
      note: null,
      evidence: [launchQuote],
      dataset: 'cyber-cooperation',
    },
    {
      status: 'FROZEN',
      since: '2018-06-13',
      until: null,
      note: "frozen in protest at the European Parliament's report",
      evidence: [freezeQuote],
      dataset: 'kaspersky-eu-2018',
    },
  ],
};
