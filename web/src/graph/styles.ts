import type { StylesheetJson } from 'cytoscape';
import { RELATIONSHIP_STATUSES, STATUS_STYLE } from '../../../server/src/domain/statuses.ts';
import type { Ontology } from '../api/types.ts';
import { apiStatus } from '../state/status.ts';
import { CHANGE_CLASSES } from './sync.ts';

const INK = '#1f2933';
const ACCENT = '#0072B2';

/** The class of the entity the arrow keys are on: an outline apart from selection's border. */
export const FOCUSED_CLASS = 'focused';

/** The sizes of entities sized by a measure, in pixels: its lowest value to the canvas's highest. */
export const MEASURE_SIZE = { min: 16, max: 72 };

/** How a comparison marks a line: started, ended, or changed status between the two dates. */
const CHANGE_COLOURS: Record<keyof typeof CHANGE_CLASSES, string> = {
  STARTED: '#009E73',
  ENDED: '#D55E00',
  STATUS_CHANGED: '#0072B2',
};

/**
 * The stylesheet for an ontology: each kind's colour and shape, each relationship type's colour
 * and direction, each status's look (the domain's STATUS_STYLE, matched against the status in
 * force at the as-of date that the edge data carries), and the marks of a comparison. Labels shrink away when zoomed out (min-zoomed-font-size); edge labels show on
 * hover or when zoomed in. A `large` canvas (scale.ts) draws its lines straight, without
 * arrows or labels (hover, selection and a path still label theirs), and its entities' labels
 * without a backdrop and only when zoomed in: what Cytoscape must measure and draw per element.
 */
export function createStylesheet(
  ontology: Ontology,
  { large = false }: { large?: boolean } = {},
): StylesheetJson {
  const base: StylesheetJson = [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-size': 11,
        'min-zoomed-font-size': 7,
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': '120px',
        color: INK,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.75,
        'text-background-padding': '1px',
        width: 'mapData(degree, 0, 80, 22, 52)',
        height: 'mapData(degree, 0, 80, 22, 52)',
        'background-color': '#888888',
        'border-width': 1,
        'border-color': '#ffffff',
      },
    },
    {
      selector: 'edge',
      style: {
        width: 2,
        'curve-style': 'bezier',
        'line-color': '#999999',
        'target-arrow-color': '#999999',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.9,
        label: 'data(label)',
        'font-size': 5,
        // At font-size 5 a label needs zoom ≥ 2.4 to reach 12px: hidden until zoomed in.
        'min-zoomed-font-size': 12,
        'text-rotation': 'autorotate',
        color: INK,
        'text-outline-color': '#ffffff',
        'text-outline-width': 2,
      },
    },
  ];
  const kinds: StylesheetJson = ontology.kinds.map((kind) => ({
    selector: `node[kind = "${kind.kind}"]`,
    style: {
      'background-color': kind.colour,
      shape: kind.shape as 'ellipse',
    },
  }));
  const types: StylesheetJson = ontology.relationshipTypes.map((type) => ({
    selector: `edge[type = "${type.type}"]`,
    style: {
      'line-color': type.colour,
      'target-arrow-color': type.colour,
      'target-arrow-shape': type.symmetric ? 'none' : 'triangle',
    },
  }));
  // After the kinds, so that a measure's size and a community's colour win over the kind's.
  const measures: StylesheetJson = [
    {
      selector: 'node[measureSize >= 0]',
      style: {
        width: `mapData(measureSize, 0, 1, ${MEASURE_SIZE.min}, ${MEASURE_SIZE.max})`,
        height: `mapData(measureSize, 0, 1, ${MEASURE_SIZE.min}, ${MEASURE_SIZE.max})`,
      },
    },
    {
      selector: 'node[communityColour != ""]',
      style: { 'background-color': 'data(communityColour)' },
    },
  ];
  const statuses: StylesheetJson = RELATIONSHIP_STATUSES.flatMap((status) => {
    const selector = `edge[status = "${apiStatus(status)}"]`;
    const { dashed, faded } = STATUS_STYLE[status];
    return [
      ...(dashed
        ? [{ selector, style: { 'line-style': 'dashed' as const, 'line-dash-pattern': [6, 4] } }]
        : []),
      ...(faded ? [{ selector, style: { opacity: 0.45 } }] : []),
    ];
  });
  const lean: StylesheetJson = large
    ? [
        // Names only once zoomed in past 100 %: thousands of them at once are unreadable.
        { selector: 'node', style: { 'text-background-opacity': 0, 'min-zoomed-font-size': 12 } },
        {
          selector: 'edge',
          style: {
            'curve-style': 'haystack',
            'haystack-radius': 0,
            'target-arrow-shape': 'none',
            label: '',
          },
        },
      ]
    : [];
  const edgeLabel = { label: 'data(label)' };
  const changes: StylesheetJson = Object.entries(CHANGE_CLASSES).map(([kind, name]) => ({
    selector: `edge.${name}`,
    style: {
      'underlay-color': CHANGE_COLOURS[kind as keyof typeof CHANGE_CLASSES],
      'underlay-opacity': 0.45,
      'underlay-padding': 5,
      width: 4,
    },
  }));
  const states: StylesheetJson = [
    {
      selector: 'edge.hover',
      style: { ...edgeLabel, 'font-size': 11, 'min-zoomed-font-size': 0, width: 3 },
    },
    { selector: 'node.hover', style: { 'border-width': 3, 'border-color': INK } },
    { selector: '.greyed', style: { opacity: 0.3 } },
    { selector: '.hidden', style: { display: 'none' } },
    {
      selector: 'node.pinned',
      style: { 'border-width': 3, 'border-style': 'double', 'border-color': INK },
    },
    {
      selector: 'node:selected',
      style: { 'border-width': 4, 'border-color': '#000000', 'overlay-opacity': 0 },
    },
    {
      selector: 'edge:selected',
      style: {
        ...edgeLabel,
        width: 5,
        'font-size': 11,
        'min-zoomed-font-size': 0,
        'z-index': 10,
        'overlay-opacity': 0,
      },
    },
    {
      selector: `node.${FOCUSED_CLASS}`,
      style: {
        'outline-width': 3,
        'outline-color': ACCENT,
        'outline-offset': 3,
        'outline-opacity': 1,
      },
    },
    { selector: '.dimmed', style: { opacity: 0.15 } },
    { selector: 'node.path', style: { 'border-width': 4, 'border-color': '#000000', opacity: 1 } },
    {
      selector: 'edge.path',
      style: {
        ...edgeLabel,
        width: 5,
        opacity: 1,
        'font-size': 11,
        'min-zoomed-font-size': 0,
        'z-index': 10,
      },
    },
  ];
  return [...base, ...kinds, ...measures, ...types, ...statuses, ...lean, ...changes, ...states];
}
