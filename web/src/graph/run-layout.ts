import type { Collection, Core, LayoutOptions, NodeCollection } from 'cytoscape';
import type { LayoutName } from '../state/explorer.ts';
import type { ForceInput } from './force-layout.ts';
import { type FixedNode, layoutOptions } from './layouts.ts';
import { isLargeGraph } from './scale.ts';

/** The worker computing a canvas's positions, so a newer run can stop an older one. */
const running = new WeakMap<Core, Worker>();

/**
 * Lays out the visible graph, leaving nodes the user dragged or pinned where they are: they are
 * locked for the run (every layout skips locked nodes) and the force layouts also get them as
 * fixed so the rest arranges around them. The default layout of a large canvas is ForceAtlas2 in
 * a worker instead of fCoSE; its positions arrive later, through a preset layout, which emits
 * `layoutstop` like the others.
 */
export function runLayout(cy: Core, name: LayoutName, incremental = false): void {
  running.get(cy)?.terminate();
  running.delete(cy);
  const eles = cy.elements().not('.hidden');
  if (eles.nodes().empty()) return;
  const kept = eles.nodes('.dragged, .pinned');
  const fixed = kept.map((node) => ({ nodeId: node.id(), position: { ...node.position() } }));
  const temporary = kept
    .not('.pinned')
    .nodes()
    .filter((node) => !node.locked());
  temporary.addClass('layout-lock').lock();
  const release = () => temporary.removeClass('layout-lock').unlock();
  if (name === 'fcose' && isLargeGraph(eles.nodes().length)) {
    runInWorker(cy, eles, fixed, incremental, release);
    return;
  }
  const layout = eles.layout(layoutOptions(name, { fixed, incremental }));
  layout.one('layoutstop', release);
  layout.run();
}

function runInWorker(
  cy: Core,
  eles: Collection,
  fixed: FixedNode[],
  incremental: boolean,
  release: () => void,
): void {
  const nodes: NodeCollection = eles.nodes();
  const index = new Map(nodes.map((node, i) => [node.id(), i]));
  const pairs: number[] = [];
  eles.edges().forEach((edge) => {
    const [source, target] = [index.get(edge.source().id()), index.get(edge.target().id())];
    if (source !== undefined && target !== undefined) pairs.push(source, target);
  });
  const input: ForceInput = {
    nodeCount: nodes.length,
    edges: Uint32Array.from(pairs),
    fixed: fixed.flatMap(({ nodeId, position }) => {
      const i = index.get(nodeId);
      return i === undefined ? [] : [{ index: i, ...position }];
    }),
    initial: incremental
      ? Float64Array.from(nodes.toArray().flatMap((node) => [node.position().x, node.position().y]))
      : undefined,
    seed: nodes.length,
  };
  const worker = new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module' });
  running.set(cy, worker);
  worker.onmessage = ({ data }: MessageEvent<Float64Array>) => {
    worker.terminate();
    running.delete(cy);
    if (cy.destroyed()) return;
    const layout = nodes.layout({
      name: 'preset',
      animate: false,
      fit: fixed.length === 0,
      padding: 40,
      positions: (node: { id(): string }) => {
        const i = index.get(node.id()) ?? 0;
        return { x: data[i * 2] ?? 0, y: data[i * 2 + 1] ?? 0 };
      },
    } as LayoutOptions);
    layout.one('layoutstop', release);
    layout.run();
  };
  worker.onerror = (event) => {
    worker.terminate();
    running.delete(cy);
    release();
    throw new Error(`The layout worker failed: ${event.message}`);
  };
  worker.postMessage(input, [input.edges.buffer, ...(input.initial ? [input.initial.buffer] : [])]);
  // While the worker computes, the page styles the elements and measures their labels, which
  // the fit after the positions arrive would otherwise do then: the two overlap.
  eles.boundingBox({});
}
