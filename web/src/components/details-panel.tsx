import { useCallback, useEffect, useState } from 'react';
import { isAbort } from '../api/client.ts';
import { fetchEntity, fetchMoreRelationships } from '../api/queries.ts';
import type { EntityDetails, RelationshipWithEnds } from '../api/types.ts';
import { type Fetched, useFetched } from '../api/use-fetched.ts';
import { hiddenRelationshipCount } from '../state/canvas.ts';
import { groupByType, groupByYear, relationshipsSubgraph } from '../state/relationship-groups.ts';
import type { Explorer } from '../state/use-explorer.ts';
import { DatasetName, KindBadge, typeInfo, useOntology } from './ontology.tsx';
import { ErrorPanel, LoadingPanel } from './panel-states.tsx';
import { RelationshipGroup } from './relationship-list.tsx';
import { RelationshipPanel } from './relationship-panel.tsx';

/** An entity's details, and how its further page of relationships is doing. */
interface EntityLoaded {
  details: EntityDetails | null;
  more?: 'loading' | 'error';
}
type Loaded = Fetched<EntityLoaded>;

export interface DetailsPanelProps {
  explorer: Explorer;
  onPathEnd(end: 'from' | 'to', entity: { id: string; name: string }): void;
}

/** How an entity's relationships are listed: by type, or as its history, year by year. */
type ListOrder = 'type' | 'year';

/** The most relationships "By date" loads by itself, so the history has no gaps. */
const WHOLE_HISTORY = 500;

/** The selected relationship, or else the selected entity. */
export function DetailsPanel(props: DetailsPanelProps) {
  // Kept here, so the choice holds while the user moves from entity to entity.
  const [order, setOrder] = useState<ListOrder>('type');
  const edge = props.explorer.state.selectedEdge;
  return edge ? (
    <RelationshipPanel explorer={props.explorer} id={edge} />
  ) : (
    <EntityPanel {...props} order={order} onOrder={setOrder} />
  );
}

/** The selected entity: properties, aliases, relationships with evidence, and its actions. */
function EntityPanel({
  explorer,
  onPathEnd,
  order,
  onOrder,
}: DetailsPanelProps & { order: ListOrder; onOrder(order: ListOrder): void }) {
  const { state, dispatch, expand, addEntity } = explorer;
  const id = state.selected;
  const {
    fetched: loaded,
    setFetched: setLoaded,
    retry,
  } = useFetched<EntityLoaded>(id, async (key, signal) => ({
    details: await fetchEntity(key, signal),
  }));
  const ontology = useOntology();
  // A page is added only where it is still the next one: the user may have moved on to another
  // entity, or reloaded this one, while it was on its way.
  const loadMore = useCallback(
    (entityId: string, after: string) => {
      const waiting = (current: Loaded): current is Extract<Loaded, { status: 'done' }> =>
        current.status === 'done' &&
        current.details?.entity.id === entityId &&
        current.details.next === after;
      setLoaded((current) => (waiting(current) ? { ...current, more: 'loading' } : current));
      fetchMoreRelationships(entityId, after).then(
        (page) =>
          setLoaded((current) =>
            waiting(current) && current.details
              ? {
                  status: 'done',
                  details: {
                    ...current.details,
                    relationships: [...current.details.relationships, ...page.relationships],
                    next: page.next,
                  },
                }
              : current,
          ),
        (error: unknown) => {
          if (isAbort(error)) return;
          setLoaded((current) => (waiting(current) ? { ...current, more: 'error' } : current));
        },
      );
    },
    [setLoaded],
  );
  // A history with pages missing would read wrong, so "By date" fetches the rest of them, up to
  // WHOLE_HISTORY relationships; past that (a hub), "Load more" stays the user's to press. A page
  // that failed is not asked for again until the user does.
  const shown = loaded.status === 'done' ? loaded.details : null;
  const idle = loaded.status === 'done' && loaded.more === undefined;
  const pendingAfter =
    order === 'year' && idle && shown?.next && shown.relationships.length < WHOLE_HISTORY
      ? shown.next
      : null;
  const shownId = shown?.entity.id;
  useEffect(() => {
    if (shownId && pendingAfter) loadMore(shownId, pendingAfter);
  }, [shownId, pendingAfter, loadMore]);

  if (!id) {
    return (
      <aside aria-label="Details" className="details empty">
        <p className="hint">
          Click an entity or a relationship to see its details; double-click an entity to expand it.
        </p>
      </aside>
    );
  }
  if (loaded.status === 'loading') return <LoadingPanel text="Loading details…" />;
  if (loaded.status === 'error' || !loaded.details) {
    const message = loaded.status === 'error' ? loaded.message : `No entity "${id}".`;
    return <ErrorPanel message={message} onRetry={retry} />;
  }
  const details = loaded.details;
  const { entity, relationships } = details;
  const onCanvas = new Set(Object.keys(state.canvas.edges));
  const draw = (rels: RelationshipWithEnds[]) =>
    dispatch({ type: 'merge', subgraph: relationshipsSubgraph(rels) });
  const pinned = state.canvas.pinned.includes(entity.id);
  const more = hiddenRelationshipCount(state.canvas, entity.id);
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
        <button
          type="button"
          aria-pressed={pinned}
          onClick={() => dispatch({ type: 'pin', id: entity.id })}
        >
          {pinned ? 'Unpin' : 'Pin'}
        </button>
        <button type="button" onClick={() => dispatch({ type: 'hide', ids: [entity.id] })}>
          Hide
        </button>
        <button type="button" onClick={() => onPathEnd('from', entity)}>
          Path from here
        </button>
        <button type="button" onClick={() => onPathEnd('to', entity)}>
          Path to here
        </button>
      </div>
      {entity.description && <p>{entity.description}</p>}
      <dl className="properties">
        {entity.aliases.length > 0 && (
          <>
            <dt>Also known as</dt>
            <dd>{entity.aliases.join(' · ')}</dd>
          </>
        )}
        {entity.founded && (
          <>
            <dt>Founded</dt>
            <dd>{entity.founded}</dd>
          </>
        )}
        {entity.dissolved && (
          <>
            <dt>Dissolved</dt>
            <dd>{entity.dissolved}</dd>
          </>
        )}
        {entity.website && (
          <>
            <dt>Website</dt>
            <dd>
              <a href={entity.website} target="_blank" rel="noreferrer">
                {entity.website}
              </a>
            </dd>
          </>
        )}
        {entity.wikidata && (
          <>
            <dt>Wikidata</dt>
            <dd>
              <a
                href={`https://www.wikidata.org/wiki/${entity.wikidata}`}
                target="_blank"
                rel="noreferrer"
              >
                {entity.wikidata}
              </a>
            </dd>
          </>
        )}
        <dt>Datasets</dt>
        <dd>
          {entity.datasets.length > 0
            ? entity.datasets.map((id, i) => (
                <span key={id}>
                  {i > 0 && ' · '}
                  <DatasetName id={id} />
                </span>
              ))
            : '—'}
        </dd>
        <dt>Relationships</dt>
        <dd>
          {entity.degree}
          {more > 0 && <span className="more"> (+{more} more not on the canvas)</span>}
        </dd>
      </dl>
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
          <button
            type="button"
            disabled={loaded.more === 'loading'}
            onClick={() => details.next && loadMore(entity.id, details.next)}
          >
            {loaded.more === 'loading' ? 'Loading…' : 'Load more'}
          </button>
          {loaded.more === 'error' && (
            <span role="alert" className="error">
              {' '}
              Could not load them; try again.
            </span>
          )}
        </p>
      )}
    </aside>
  );
}
