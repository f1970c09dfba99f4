import { useEffect, useState } from 'react';
import type { RelationshipWithEnds } from '../api/types.ts';
import { useEntityDetails } from '../api/use-queries.ts';
import { hiddenRelationshipCount } from '../state/canvas.ts';
import { useEditorSession } from '../state/editor-session.tsx';
import { useCanvas, useCanvasRequests, useSelection } from '../state/explorer-hooks.ts';
import { groupByType, groupByYear, relationshipsSubgraph } from '../state/relationship-groups.ts';
import { DuplicateCandidates } from './duplicates.tsx';
import { EntityCreator, EntityEditor } from './entity-editor.tsx';
import { EntityProperties } from './entity-properties.tsx';
import { citedSources } from './evidence-picker.tsx';
import { RevisionHistory } from './history.tsx';
import { KindBadge, typeInfo, useOntology } from './ontology.tsx';
import { ErrorPanel, LoadingPanel } from './panel-states.tsx';
import { RelationshipCreator } from './relationship-editor.tsx';
import { RelationshipGroup } from './relationship-list.tsx';
import { RelationshipPanel } from './relationship-panel.tsx';
import './details.css';

export interface DetailsPanelProps {
  onPathEnd(end: 'from' | 'to', entity: { id: string; name: string }): void;
}

/** How an entity's relationships are listed: by type, or as its history, year by year. */
type ListOrder = 'type' | 'year';

/**
 * The most relationships "By date" loads by itself, so the history has no gaps; past that (a
 * hub), "Load more" stays the user's to press.
 */
const WHOLE_HISTORY = 500;

/** The selected relationship, or else the selected entity. */
export function DetailsPanel(props: DetailsPanelProps) {
  // Kept here, so the choice holds while the user moves from entity to entity.
  const [order, setOrder] = useState<ListOrder>('type');
  const [creating, setCreating] = useState(false);
  const { selected, selectedEdge } = useSelection();
  const { editor } = useEditorSession();
  if (editor && creating) {
    return (
      <aside aria-label="Details" className="details">
        <header>
          <h2>New entity</h2>
        </header>
        <EntityCreator onDone={() => setCreating(false)} />
      </aside>
    );
  }
  return selectedEdge ? (
    <RelationshipPanel id={selectedEdge} />
  ) : (
    <EntityPanel
      {...props}
      id={selected}
      order={order}
      onOrder={setOrder}
      onCreate={() => setCreating(true)}
    />
  );
}

/** An editor's way to make an entity, wherever the panel shows. */
function NewEntityButton({ onCreate }: { onCreate(): void }) {
  const { editor } = useEditorSession();
  return editor ? (
    <button type="button" onClick={onCreate}>
      New entity
    </button>
  ) : null;
}

/** An id no entity has: deleted or merged away, its history says what became of it. */
function GonePanel({ id, onCreate }: { id: string; onCreate(): void }) {
  return (
    <aside aria-label="Details" className="details">
      <header>
        <h2>No entity “{id}”</h2>
      </header>
      <p className="hint">It was deleted or merged into another, or never was.</p>
      <div className="actions">
        <NewEntityButton onCreate={onCreate} />
      </div>
      <RevisionHistory id={id} />
    </aside>
  );
}

/** The selected entity: properties, aliases, relationships with evidence, and its actions. */
function EntityPanel({
  id,
  onPathEnd,
  order,
  onOrder,
  onCreate,
}: DetailsPanelProps & {
  id: string | null;
  order: ListOrder;
  onOrder(order: ListOrder): void;
  onCreate(): void;
}) {
  const { canvas, draw: drawSubgraph, togglePin, hide } = useCanvas();
  const { expand, addEntity } = useCanvasRequests();
  // A history with pages missing would read wrong, so "By date" fetches the rest of them.
  const {
    fetched: loaded,
    more: moreState,
    loadMore,
    retry,
  } = useEntityDetails(id, { fetchUpTo: order === 'year' ? WHOLE_HISTORY : 0 });
  const ontology = useOntology();
  const { editor } = useEditorSession();
  /** What the editor has open, for which entity: its record, or a new relationship from it. */
  const [editing, setEditing] = useState<{ id: string; what: 'entity' | 'relationship' } | null>(
    null,
  );
  const fresh = loaded.status === 'done' ? loaded.details?.entity : undefined;
  const drawn = fresh ? canvas.nodes[fresh.id] : undefined;
  // The canvas draws the entity as the details last read it (after an edit or a revert too).
  useEffect(() => {
    if (!fresh || !drawn) return;
    const same =
      drawn.name === fresh.name &&
      drawn.kind === fresh.kind &&
      drawn.aliases.join('\n') === fresh.aliases.join('\n');
    if (!same) drawSubgraph({ nodes: [fresh], edges: [], hubs: [], truncated: false });
  }, [fresh, drawn, drawSubgraph]);

  if (!id) {
    return (
      <aside aria-label="Details" className="details empty">
        <p className="hint">
          Click an entity or a relationship to see its details; double-click an entity to expand it.
        </p>
        <div className="actions">
          <NewEntityButton onCreate={onCreate} />
        </div>
      </aside>
    );
  }
  if (loaded.status === 'loading') return <LoadingPanel text="Loading details…" />;
  if (loaded.status === 'error') return <ErrorPanel message={loaded.message} onRetry={retry} />;
  if (!loaded.details) return <GonePanel id={id} onCreate={onCreate} />;
  const details = loaded.details;
  const { entity, relationships } = details;
  const onCanvas = new Set(Object.keys(canvas.edges));
  const draw = (rels: RelationshipWithEnds[]) => drawSubgraph(relationshipsSubgraph(rels));
  const pinned = canvas.pinned.includes(entity.id);
  const more = hiddenRelationshipCount(canvas, entity.id);
  return (
    <aside aria-label="Details" className="details">
      <header>
        <h2>{entity.name}</h2>
        <KindBadge kind={entity.kind} />
        {entity.country && <span className="country">{entity.country}</span>}
      </header>
      <div className="actions">
        <button type="button" onClick={() => expand(entity.id)}>
          Expand{more > 0 ? ` (+${more} more)` : ''}
        </button>
        <button type="button" aria-pressed={pinned} onClick={() => togglePin(entity.id)}>
          {pinned ? 'Unpin' : 'Pin'}
        </button>
        <button type="button" onClick={() => hide([entity.id])}>
          Hide
        </button>
        <button type="button" onClick={() => onPathEnd('from', entity)}>
          Path from here
        </button>
        <button type="button" onClick={() => onPathEnd('to', entity)}>
          Path to here
        </button>
        {editor && editing?.id !== entity.id && (
          <>
            <button type="button" onClick={() => setEditing({ id: entity.id, what: 'entity' })}>
              Edit
            </button>
            <button
              type="button"
              onClick={() => setEditing({ id: entity.id, what: 'relationship' })}
            >
              New relationship
            </button>
            <NewEntityButton onCreate={onCreate} />
          </>
        )}
      </div>
      {editor && editing?.id === entity.id && editing.what === 'entity' && (
        <EntityEditor id={entity.id} onDone={() => setEditing(null)} />
      )}
      {editor && editing?.id === entity.id && editing.what === 'relationship' && (
        <RelationshipCreator
          from={entity}
          candidates={Object.values(canvas.nodes).filter((node) => node.id !== entity.id)}
          sources={citedSources(relationships)}
          onDone={() => setEditing(null)}
        />
      )}
      {entity.description && <p>{entity.description}</p>}
      <EntityProperties entity={entity} more={more} />
      {relationships.length > 0 && (
        <fieldset className="list-order">
          <legend>List relationships</legend>
          <button type="button" aria-pressed={order === 'type'} onClick={() => onOrder('type')}>
            By type
          </button>
          <button type="button" aria-pressed={order === 'year'} onClick={() => onOrder('year')}>
            By date
          </button>
        </fieldset>
      )}
      {order === 'year'
        ? groupByYear(relationships).map(([year, rels]) => (
            <RelationshipGroup
              key={year}
              label={year}
              rels={rels}
              selfId={entity.id}
              onOpen={addEntity}
              typed
            />
          ))
        : groupByType(
            relationships,
            ontology.relationshipTypes.map((t) => t.type),
          ).map(([type, rels]) => {
            const missing = rels.filter((rel) => !onCanvas.has(rel.id));
            return (
              <RelationshipGroup
                key={type}
                label={typeInfo(ontology, type)?.label ?? type}
                swatch={typeInfo(ontology, type)?.colour}
                rels={rels}
                selfId={entity.id}
                onOpen={addEntity}
                action={
                  missing.length > 0 && (
                    <button type="button" className="small" onClick={() => draw(missing)}>
                      +{missing.length} more
                    </button>
                  )
                }
              />
            );
          })}
      {details.next && (
        <p className="more-relationships">
          {relationships.length} of {entity.degree} relationships listed.{' '}
          <button type="button" disabled={moreState === 'loading'} onClick={loadMore}>
            {moreState === 'loading' ? 'Loading…' : 'Load more'}
          </button>
          {moreState === 'error' && (
            <span role="alert" className="error">
              {' '}
              Could not load them; try again.
            </span>
          )}
        </p>
      )}
      {editor && <DuplicateCandidates entity={entity} />}
      <RevisionHistory id={entity.id} />
    </aside>
  );
}
