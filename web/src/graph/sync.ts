import type { Core, ElementDefinition, Position, SingularElementArgument } from 'cytoscape';
import type { ChangeKind } from '../api/types.ts';
import type { Highlight } from '../state/explorer.ts';
import type { Visibility } from '../state/visibility.ts';

/** Where a node was, and whether the user put it there, across a renderer switch. */
export interface Remembered {
  position: Position;
  dragged: boolean;
}

/** The class a comparison gives a relationship for each kind of change it went through. */
export const CHANGE_CLASSES: Record<ChangeKind, string> = {
  STARTED: 'changed-started',
  ENDED: 'changed-ended',
  STATUS_CHANGED: 'changed-status',
};

/** Everything besides the elements that the diff turns into classes and selection. */
export interface SyncState {
  visibility: Visibility;
  selected: string | null;
  highlight: Highlight | null;
  pinned: readonly string[];
  /** What a comparison of two dates found, per relationship; empty when none is made. */
  changes: ReadonlyMap<string, readonly ChangeKind[]>;
}

function sameData(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return Object.keys(b).every((key) => a[key] === b[key]);
}

/**
 * Diffs the elements into the graph by id inside one batch: removes what is gone, adds what is
 * new (next to a neighbour already drawn, or where it was before a renderer switch), updates
 * changed data and sets the state classes. Returns the ids of nodes that need a layout.
 */
export function syncGraph(
  cy: Core,
  elements: { nodes: ElementDefinition[]; edges: ElementDefinition[] },
  state: SyncState,
  remembered: Map<string, Remembered>,
): string[] {
  const unplaced: string[] = [];
  cy.batch(() => {
    const wanted = new Set([...elements.nodes, ...elements.edges].map((e) => e.data.id as string));
    cy.elements()
      .filter((el) => !wanted.has(el.id()))
      .remove();
    const center = { x: cy.width() / 2, y: cy.height() / 2 };
    const model = {
      x: (center.x - cy.pan().x) / cy.zoom(),
      y: (center.y - cy.pan().y) / cy.zoom(),
    };
    const neighbourOf = new Map<string, string>();
    for (const edge of elements.edges) {
      const { source, target } = edge.data as { source: string; target: string };
      if (cy.hasElementWithId(source)) neighbourOf.set(target, source);
      if (cy.hasElementWithId(target)) neighbourOf.set(source, target);
    }
    for (const node of elements.nodes) {
      const id = node.data.id as string;
      const existing = cy.getElementById(id);
      if (existing.nonempty()) {
        if (!sameData(existing.data(), node.data)) existing.data(node.data);
        continue;
      }
      const before = remembered.get(id);
      let position = before?.position;
      if (!position) {
        const neighbour = neighbourOf.get(id);
        const anchor = neighbour ? cy.getElementById(neighbour).position() : model;
        position = {
          x: anchor.x + (Math.random() - 0.5) * 80,
          y: anchor.y + (Math.random() - 0.5) * 80,
        };
        unplaced.push(id);
      }
      cy.add({ ...node, position: { ...position }, classes: before?.dragged ? 'dragged' : '' });
    }
    for (const edge of elements.edges) {
      const existing = cy.getElementById(edge.data.id as string);
      if (existing.nonempty()) {
        // A merge (or its undoing) moves a relationship to another end under the same id.
        const { source, target } = edge.data as { source: string; target: string };
        const moved =
          existing.data('source') !== source || existing.data('target') !== target
            ? existing.move({ source, target })
            : existing;
        if (!sameData(moved.data(), edge.data)) moved.data(edge.data);
      } else {
        cy.add(edge);
      }
    }
    applyClasses(cy, state);
  });
  return unplaced;
}

/** Sets or clears a class only where it differs: a no-op toggle still costs Cytoscape a collection. */
function setClass(el: SingularElementArgument, name: string, on: boolean): void {
  if (el.hasClass(name) !== on) el.toggleClass(name, on);
}

function applyClasses(
  cy: Core,
  { visibility, selected, highlight, pinned, changes }: SyncState,
): void {
  const pinnedSet = new Set(pinned);
  const onPath = new Set([...(highlight?.nodeIds ?? []), ...(highlight?.edgeIds ?? [])]);
  for (const node of cy.nodes()) {
    const id = node.id();
    setClass(node, 'hidden', visibility.hiddenNodes.has(id));
    setClass(node, 'greyed', visibility.greyedNodes.has(id));
    setClass(node, 'pinned', pinnedSet.has(id));
    if (pinnedSet.has(id)) {
      if (!node.locked()) node.lock();
    } else if (node.locked() && !node.hasClass('layout-lock')) node.unlock();
  }
  for (const edge of cy.edges()) {
    setClass(edge, 'hidden', visibility.hiddenEdges.has(edge.id()));
    const kinds = changes.get(edge.id()) ?? [];
    for (const [kind, name] of Object.entries(CHANGE_CLASSES))
      setClass(edge, name, kinds.includes(kind as ChangeKind));
  }
  for (const el of cy.elements()) {
    setClass(el, 'path', onPath.has(el.id()));
    setClass(el, 'dimmed', highlight !== null && !onPath.has(el.id()));
  }
  cy.$(':selected')
    .not(`[id = "${selected ?? ''}"]`)
    .unselect();
  if (selected) cy.getElementById(selected).select();
}
