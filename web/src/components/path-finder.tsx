import { ENTITY_KIND_INFO } from '../../../server/src/domain/entity-kinds.ts';
import { HUB_DEGREE, HUB_KINDS } from '../../../server/src/domain/paths.ts';
import {
  useCanvas,
  useCanvasRequests,
  usePathOptions,
  useSelection,
  useTime,
} from '../state/explorer-hooks.ts';
import { explainPath } from '../state/path-explanation.ts';
import { EvidenceList } from './evidence.tsx';
import { useOntology } from './ontology.tsx';
import { Search } from './search.tsx';
import './panels.css';

/** One end of a path: an entity id and the name to show. */
export interface PathEnd {
  id: string;
  name: string;
}

export interface PathFinderProps {
  from: PathEnd | null;
  to: PathEnd | null;
  onChange(end: 'from' | 'to', value: PathEnd | null): void;
}

function EndPicker(props: {
  end: 'from' | 'to';
  value: PathEnd | null;
  selected: PathEnd | null;
  onChange(value: PathEnd | null): void;
}) {
  const label = props.end === 'from' ? 'Path from' : 'Path to';
  return (
    <div className="path-end">
      {props.value ? (
        <p>
          <span className="end-label">{props.end === 'from' ? 'From' : 'To'}:</span>{' '}
          <strong>{props.value.name}</strong>{' '}
          <button type="button" className="small" onClick={() => props.onChange(null)}>
            Change
          </button>
        </p>
      ) : (
        <>
          <Search label={label} placeholder={`${label}…`} onChoose={(e) => props.onChange(e)} />
          {props.selected && (
            <button type="button" className="small" onClick={() => props.onChange(props.selected)}>
              Use {props.selected.name}
            </button>
          )}
        </>
      )}
    </div>
  );
}

/** What "Avoid hubs" leaves out, in the domain's terms: the API applies the same defaults. */
const HUBS_AVOIDED = `Paths pass through no ${HUB_KINDS.map((kind) => ENTITY_KIND_INFO[kind].label.toLowerCase()).join(', ')} and no entity with more than ${HUB_DEGREE} relationships; either end may be one.`;

/** Picks two entities, finds the shortest paths between them and explains each hop. */
export function PathFinder({ from, to, onChange }: PathFinderProps) {
  const ontology = useOntology();
  const { pathResult, findPaths, clearPaths } = useCanvasRequests();
  const { canvas } = useCanvas();
  const { selected: selectedId } = useSelection();
  const { asOf } = useTime();
  const { avoidHubs, setAvoidHubs } = usePathOptions();
  const selectedNode = selectedId ? canvas.nodes[selectedId] : undefined;
  const selected = selectedNode ? { id: selectedNode.id, name: selectedNode.name } : null;
  const current =
    pathResult &&
    pathResult.from === from?.id &&
    pathResult.to === to?.id &&
    pathResult.avoidHubs === avoidHubs;
  const onAvoidHubs = (next: boolean) => {
    setAvoidHubs(next);
    // The paths shown are searched again, so that what the box says is what they are.
    if (current && from && to) void findPaths(from.id, to.id, asOf, next);
  };
  return (
    <section className="path-finder" aria-label="Path finder">
      <h2>Path finder</h2>
      <EndPicker
        end="from"
        value={from}
        selected={selected}
        onChange={(v) => onChange('from', v)}
      />
      <EndPicker end="to" value={to} selected={selected} onChange={(v) => onChange('to', v)} />
      <label className="avoid-hubs">
        <input
          type="checkbox"
          checked={avoidHubs}
          aria-describedby="avoid-hubs-what"
          onChange={(event) => onAvoidHubs(event.target.checked)}
        />{' '}
        Avoid hubs
      </label>
      <p className="hint" id="avoid-hubs-what">
        {avoidHubs ? HUBS_AVOIDED : 'Paths may pass through any entity.'}
      </p>
      <div className="actions">
        <button
          type="button"
          disabled={!from || !to || from.id === to.id}
          onClick={() => from && to && findPaths(from.id, to.id, asOf, avoidHubs)}
        >
          Find paths
        </button>
        {pathResult && (
          <button type="button" onClick={clearPaths}>
            Clear paths
          </button>
        )}
      </div>
      {current && pathResult.paths.length === 0 && (
        <p className="hint">
          No path of up to 4 hops{asOf ? ` valid on ${asOf}` : ''}
          {avoidHubs ? ' that avoids hubs' : ''}.
        </p>
      )}
      {current &&
        pathResult.paths.map((path, index) => (
          <div className="path" key={path.edges.map((e) => e.id).join('|')}>
            <h3>
              Path {index + 1}: {path.length} {path.length === 1 ? 'hop' : 'hops'}
              {path.length === pathResult.paths[0]?.length ? ' (shortest)' : ''}
            </h3>
            <ol className="explanation">
              {explainPath(path, ontology, pathResult.asOf).map((hop) => (
                <li key={hop.edgeId}>
                  <span className="hop">{hop.text}</span>
                  <EvidenceList evidence={hop.evidence.filter((e) => e.quote).slice(0, 1)} />
                </li>
              ))}
            </ol>
          </div>
        ))}
    </section>
  );
}
