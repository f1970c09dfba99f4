// A story as one HTML file that works offline: every step drawn as an SVG picture with its
// caption and evidence, the styles and the few lines of script that step through it inside the
// file, and a Content-Security-Policy that lets the page load nothing from anywhere.
import { escapeXml } from '../../../server/src/exchange/xml.ts';
import type { Story } from '../api/stories.ts';
import type { Evidence, Ontology, Subgraph } from '../api/types.ts';
import { type Canvas, EMPTY_CANVAS, mergeSubgraph } from './canvas.ts';
import { statusLabel } from './labels.ts';
import { statusOn } from './status.ts';
import { givenPositions, stepPositions } from './story-layout.ts';
import { captionHtml } from './story-markdown.ts';
import type { Point } from './url.ts';
import { computeVisibility, NO_FILTERS } from './visibility.ts';

/** One step as the page draws it. */
export interface PageStep {
  title: string;
  caption: string | null;
  asOf: string | null;
  canvas: Canvas;
  positions: Record<string, Point>;
  highlight: readonly string[];
  selected: string | null;
  evidence: readonly Evidence[];
  /** Entities the step names that no longer exist. */
  missing: readonly string[];
}

export interface StoryPage {
  title: string;
  summary: string | null;
  /** Where the story opens in the explorer. */
  link: string;
  steps: readonly PageStep[];
}

const NODE_RADIUS = 16;
const MARGIN = 90;
const text = (value: string) => escapeXml(value);

function picture(step: PageStep, ontology: Ontology, index: number): string {
  const { canvas, positions } = step;
  const visibility = computeVisibility(canvas, NO_FILTERS, step.asOf);
  const points = Object.values(positions);
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const left = Math.min(...xs, 0) - MARGIN;
  const top = Math.min(...ys, 0) - MARGIN;
  const width = Math.max(...xs, 0) + MARGIN - left;
  const height = Math.max(...ys, 0) + MARGIN - top;
  const highlighted = new Set(step.highlight);
  const dim = highlighted.size > 0;
  const colourOf = (kind: string) => ontology.kinds.find((k) => k.kind === kind)?.colour ?? '#888';
  const lines = Object.values(canvas.edges).flatMap((edge) => {
    const [a, b] = [positions[edge.source], positions[edge.target]];
    if (!a || !b || visibility.hiddenEdges.has(edge.id)) return [];
    const status = statusLabel(ontology, statusOn(edge, step.asOf));
    const on = highlighted.has(edge.id) || step.selected === edge.id;
    const classes = ['edge', on ? 'on' : dim ? 'dim' : ''].filter(Boolean).join(' ');
    const label = `${edge.label} (${status})`;
    // From rim to rim, so the arrow's tip touches the entity it points at.
    const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const [dx, dy] = [((b.x - a.x) / length) * NODE_RADIUS, ((b.y - a.y) / length) * NODE_RADIUS];
    return [
      `<g class="${classes}" data-id="${text(edge.id)}"><title>${text(label)}</title>` +
        `<line x1="${a.x + dx}" y1="${a.y + dy}" x2="${b.x - dx}" y2="${b.y - dy}" marker-end="url(#arrow-${index})"/>` +
        // Only what the step is about is labelled; the rest name themselves on hover.
        (on || !dim
          ? `<text x="${(a.x + b.x) / 2}" y="${(a.y + b.y) / 2 - 4}">${text(label)}</text>`
          : '') +
        '</g>',
    ];
  });
  const ends = new Set(
    Object.values(canvas.edges)
      .filter((edge) => highlighted.has(edge.id))
      .flatMap((edge) => [edge.source, edge.target]),
  );
  const nodes = Object.values(canvas.nodes).flatMap((node) => {
    const at = positions[node.id];
    if (!at) return [];
    const on = ends.has(node.id) || step.selected === node.id;
    const classes = [
      'node',
      on ? 'on' : dim ? 'dim' : '',
      visibility.greyedNodes.has(node.id) ? 'greyed' : '',
    ]
      .filter(Boolean)
      .join(' ');
    return [
      `<g class="${classes}" data-id="${text(node.id)}"><title>${text(node.name)}</title>` +
        `<circle cx="${at.x}" cy="${at.y}" r="${NODE_RADIUS}" fill="${text(colourOf(node.kind))}"/>` +
        `<text x="${at.x}" y="${at.y + NODE_RADIUS + 14}">${text(node.name)}</text></g>`,
    ];
  });
  return [
    `<svg viewBox="${left} ${top} ${width} ${height}" role="img" aria-label="${text(`The graph of step ${index + 1}`)}">`,
    `<defs><marker id="arrow-${index}" viewBox="0 0 10 10" refX="10" refY="5" markerUnits="userSpaceOnUse" markerWidth="12" markerHeight="12" orient="auto"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>`,
    ...lines,
    ...nodes,
    '</svg>',
  ].join('\n');
}

function evidenceList(evidence: readonly Evidence[]): string {
  if (evidence.length === 0) return '';
  const items = evidence.map((item) => {
    const title = item.source.url
      ? `<a href="${text(item.source.url)}" rel="noopener noreferrer">${text(item.source.title)}</a>`
      : text(item.source.title);
    const date = item.source.published ? ` (${text(item.source.published)})` : '';
    const quote = item.quote ? `<blockquote>${text(item.quote)}</blockquote>` : '';
    return `<li>${title}${date}${quote}</li>`;
  });
  return `<h3>Evidence</h3><ul class="evidence">${items.join('')}</ul>`;
}

function section(step: PageStep, ontology: Ontology, index: number, count: number): string {
  const date = step.asOf ? `<p class="date">As of ${text(step.asOf)}</p>` : '';
  const missing =
    step.missing.length > 0
      ? `<p class="note">No longer in the graph: ${text(step.missing.join(', '))}</p>`
      : '';
  return [
    `<section class="step" id="step-${index + 1}"${index === 0 ? '' : ' hidden'}>`,
    `<p class="counter">Step ${index + 1} of ${count}</p>`,
    `<h2>${text(step.title)}</h2>`,
    date,
    `<figure>${picture(step, ontology, index)}</figure>`,
    `<div class="caption">${step.caption ? captionHtml(step.caption) : ''}</div>`,
    missing,
    evidenceList(step.evidence),
    '</section>',
  ].join('\n');
}

const STYLE = `
body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; color: #1b1b1f; }
header p { color: #555; }
nav { display: flex; gap: .5rem; align-items: center; margin: 1rem 0; }
button { font: inherit; padding: .3rem .9rem; }
figure { margin: 0; border: 1px solid #ddd; border-radius: 6px; }
svg { width: 100%; height: auto; max-height: 60vh; display: block; }
.edge line { stroke: #8a8a96; stroke-width: 2; }
.edge text, .node text { font-size: 14px; text-anchor: middle; fill: #333; }
.edge text { fill: #555; font-size: 12px; }
marker path { fill: #8a8a96; }
.node circle { stroke: #fff; stroke-width: 2; }
.on line { stroke: #d9480f; stroke-width: 4; }
.on circle { stroke: #d9480f; stroke-width: 4; }
.dim { opacity: .3; }
.greyed { opacity: .5; }
.date, .counter { color: #555; margin: 0; }
.step:not([hidden]) { animation: appear .4s ease-in; }
@keyframes appear { from { opacity: 0; } }
@media (prefers-reduced-motion: reduce) { .step:not([hidden]) { animation: none; } }
blockquote { margin: .3rem 0 .3rem 1rem; padding-left: .6rem; border-left: 3px solid #ccc; color: #444; }
`;

// Steps through the sections: buttons, the arrow keys, and #step-N in the address.
const SCRIPT = `
const steps = [...document.querySelectorAll('section.step')];
const [previous, next] = [document.getElementById('previous'), document.getElementById('next')];
let shown = 0;
function show(index) {
  shown = Math.max(0, Math.min(index, steps.length - 1));
  steps.forEach((step, i) => { step.hidden = i !== shown; });
  previous.disabled = shown === 0;
  next.disabled = shown === steps.length - 1;
  try { history.replaceState(null, '', '#step-' + (shown + 1)); } catch (error) {}
}
previous.addEventListener('click', () => show(shown - 1));
next.addEventListener('click', () => show(shown + 1));
document.addEventListener('keydown', (event) => {
  if (event.key === 'ArrowRight' || event.key === 'PageDown') show(shown + 1);
  if (event.key === 'ArrowLeft' || event.key === 'PageUp') show(shown - 1);
});
const start = /^#step-(\\d+)$/.exec(location.hash);
show(start ? Number(start[1]) - 1 : 0);
`;

/** The whole page. */
export function storyHtml(page: StoryPage, ontology: Ontology): string {
  const count = page.steps.length;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text(page.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${text(page.title)}</h1>
${page.summary ? `<p>${text(page.summary)}</p>` : ''}
<p>A story told with <a href="${text(page.link)}">Entente</a>, the graph of how organisations relate.</p>
</header>
<nav aria-label="Steps">
<button type="button" id="previous">Previous</button>
<button type="button" id="next">Next</button>
<span>← → to step</span>
</nav>
<main>
${page.steps.map((step, index) => section(step, ontology, index, count)).join('\n')}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

/**
 * Reads what each step draws (`read` is the canvas's cached subgraph read) and places it as the
 * explorer does, for `storyHtml`.
 */
export async function storyPage(
  story: Story,
  read: (ids: string[]) => Promise<Subgraph>,
  link: string,
): Promise<StoryPage> {
  const steps: PageStep[] = [];
  for (const step of story.steps) {
    const subgraph = await read([...step.entities]);
    const canvas = mergeSubgraph(EMPTY_CANVAS, subgraph);
    const ids = Object.keys(canvas.nodes);
    const links = Object.values(canvas.edges);
    steps.push({
      title: step.title,
      caption: step.caption ?? null,
      asOf: step.asOf ?? null,
      canvas,
      positions: stepPositions(ids, links, givenPositions(step)),
      highlight: step.highlight,
      selected: step.selected ?? null,
      evidence: step.evidence,
      missing: step.entities.filter((id) => !canvas.nodes[id]),
    });
  }
  return { title: story.title, summary: story.summary ?? null, link, steps };
}
