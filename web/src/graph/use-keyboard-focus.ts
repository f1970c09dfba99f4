import type { Core, EventObject, NodeSingular } from 'cytoscape';
import {
  type FocusEvent,
  type KeyboardEvent,
  type RefObject,
  useCallback,
  useEffect,
  useRef,
  useState,
} from 'react';
import type { Ontology } from '../api/types.ts';
import { type Direction, nearestInDirection, nearestTo } from './nearest.ts';
import { FOCUSED_CLASS } from './styles.ts';
import type { CanvasHandlers } from './use-canvas-events.ts';

const ARROWS: Record<string, Direction> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

/** What the canvas element needs to be driven by keys, and what to announce. */
export interface KeyboardFocus {
  onKeyDown(event: KeyboardEvent<HTMLElement>): void;
  onFocus(event: FocusEvent<HTMLElement>): void;
  onBlur(event: FocusEvent<HTMLElement>): void;
  /** The text of the canvas's live region: the focused entity's name and kind, or what happened. */
  announcement: string;
}

/**
 * Moves a keyboard focus between the entities drawn on the canvas: the arrow keys go to the
 * nearest visible entity in that direction by rendered position (the first press to the one
 * nearest the middle of the view), Enter selects it through the same handler as a tap, Escape
 * clears the selection. The focus starts from whatever was last selected, by tap or search.
 */
export function useKeyboardFocus(
  cy: Core | null,
  ontology: Ontology,
  handlers: RefObject<CanvasHandlers>,
): KeyboardFocus {
  const focused = useRef<string | null>(null);
  const active = useRef(false);
  const [announcement, setAnnouncement] = useState('');

  const kindLabel = useCallback(
    (kind: string) => ontology.kinds.find((info) => info.kind === kind)?.label ?? kind,
    [ontology],
  );
  const describe = useCallback(
    (node: NodeSingular) => `${node.data('name')}, ${kindLabel(node.data('kind'))}`,
    [kindLabel],
  );

  const mark = useCallback(() => {
    if (!cy) return;
    cy.nodes(`.${FOCUSED_CLASS}`).removeClass(FOCUSED_CLASS);
    if (active.current && focused.current)
      cy.getElementById(focused.current).addClass(FOCUSED_CLASS);
  }, [cy]);

  // A tap or a search selects an entity: the arrow keys go on from there.
  useEffect(() => {
    if (!cy) return;
    const follow = (event: EventObject) => {
      focused.current = event.target.id();
      mark();
    };
    cy.on('select', 'node', follow);
    mark();
    return () => {
      cy.off('select', 'node', follow);
    };
  }, [cy, mark]);

  const current = useCallback((): NodeSingular | null => {
    if (!cy || !focused.current) return null;
    const node = cy.getElementById(focused.current);
    return node.nonempty() && node.isNode() && node.visible() ? node : null;
  }, [cy]);

  const move = useCallback(
    (direction: Direction) => {
      if (!cy) return;
      const from = current();
      const points = cy
        .nodes(':visible')
        .not(from ?? cy.collection())
        .map((node: NodeSingular) => ({ node, ...node.renderedPosition() }));
      if (points.length === 0 && !from) {
        setAnnouncement('The canvas is empty: search for an entity to start.');
        return;
      }
      const next = from
        ? nearestInDirection(from.renderedPosition(), points, direction)
        : nearestTo({ x: cy.width() / 2, y: cy.height() / 2 }, points);
      if (!next) {
        setAnnouncement(`No entity further ${direction} of ${from?.data('name')}.`);
        return;
      }
      focused.current = next.node.id();
      mark();
      const { x, y } = next;
      if (x < 0 || y < 0 || x > cy.width() || y > cy.height()) cy.center(next.node);
      setAnnouncement(describe(next.node));
    },
    [cy, current, mark, describe],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const direction = ARROWS[event.key];
      if (direction) {
        event.preventDefault();
        move(direction);
      } else if (event.key === 'Enter') {
        const node = current();
        if (!node) return;
        event.preventDefault();
        handlers.current.onSelect(node.id());
        setAnnouncement(`${describe(node)}: details open.`);
      } else if (event.key === 'Escape') {
        focused.current = null;
        mark();
        handlers.current.onSelect(null);
        setAnnouncement('Selection cleared.');
      }
    },
    [move, current, mark, describe, handlers],
  );

  const onFocus = useCallback(() => {
    active.current = true;
    mark();
  }, [mark]);
  const onBlur = useCallback(() => {
    active.current = false;
    mark();
  }, [mark]);

  return { onKeyDown, onFocus, onBlur, announcement };
}
