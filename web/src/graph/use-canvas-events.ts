import type { Core, EventHandler, EventObject } from 'cytoscape';
import { type RefObject, useEffect } from 'react';

/** What the pointer does on the canvas, reported to the explorer. */
export interface CanvasHandlers {
  /** An entity was chosen (a tap, or Enter on the focused one); null clears the selection. */
  onSelect(id: string | null): void;
  onSelectEdge(id: string): void;
  onExpand(id: string): void;
}

/**
 * Pointer listeners for one Cytoscape instance: each a named handler, removed with `cy.off` when
 * the instance changes or the canvas unmounts. Hover is a Cytoscape class, not React state.
 * The handlers are read through a ref so a new callback from the parent needs no re-binding.
 */
export function useCanvasEvents(cy: Core | null, handlers: RefObject<CanvasHandlers>): void {
  useEffect(() => {
    if (!cy) return;
    const tapNode = (event: EventObject) => handlers.current.onSelect(event.target.id());
    const tapEdge = (event: EventObject) => handlers.current.onSelectEdge(event.target.id());
    const tapBackground = (event: EventObject) => {
      if (event.target === cy) handlers.current.onSelect(null);
    };
    const expandNode = (event: EventObject) => handlers.current.onExpand(event.target.id());
    const markDragged = (event: EventObject) => event.target.addClass('dragged');
    const hoverNode = (event: EventObject) => {
      event.target.addClass('hover');
      event.target.connectedEdges().addClass('hover');
    };
    const unhoverNode = (event: EventObject) => {
      event.target.removeClass('hover');
      event.target.connectedEdges().removeClass('hover');
    };
    const hoverEdge = (event: EventObject) => event.target.addClass('hover');
    const unhoverEdge = (event: EventObject) => event.target.removeClass('hover');
    // Leaving the canvas straight from a node sends Cytoscape no mouseout.
    const unhoverAll = () => cy.elements('.hover').removeClass('hover');

    const listeners: [events: string, selector: string, handler: EventHandler][] = [
      ['tap', 'node', tapNode],
      ['tap', 'edge', tapEdge],
      ['dbltap', 'node', expandNode],
      ['dragfree', 'node', markDragged],
      ['mouseover', 'node', hoverNode],
      ['mouseout', 'node', unhoverNode],
      ['mouseover', 'edge', hoverEdge],
      ['mouseout', 'edge', unhoverEdge],
    ];
    for (const [events, selector, handler] of listeners) cy.on(events, selector, handler);
    cy.on('tap', tapBackground);
    const element = cy.container();
    element?.addEventListener('mouseleave', unhoverAll);
    return () => {
      for (const [events, selector, handler] of listeners) cy.off(events, selector, handler);
      cy.off('tap', tapBackground);
      element?.removeEventListener('mouseleave', unhoverAll);
    };
  }, [cy, handlers]);
}
