import { createContext, useContext } from 'react';
import type { KindInfo, Ontology, RelationshipTypeInfo } from '../api/types.ts';
import './legend.css';

export const OntologyContext = createContext<Ontology | null>(null);

/** The ontology the API served; every kind label, colour and shape comes from here. */
export function useOntology(): Ontology {
  const ontology = useContext(OntologyContext);
  if (!ontology) throw new Error('useOntology needs an <OntologyContext.Provider>');
  return ontology;
}

export function kindInfo(ontology: Ontology, kind: string): KindInfo | undefined {
  return ontology.kinds.find((info) => info.kind === kind);
}

export function typeInfo(ontology: Ontology, type: string): RelationshipTypeInfo | undefined {
  return ontology.relationshipTypes.find((info) => info.type === type);
}

/** A dataset by its title, its id on hover; an id the API did not list shows as itself. */
export function DatasetName({ id }: { id: string }) {
  const dataset = useOntology().datasets.find((info) => info.id === id);
  return <span title={id}>{dataset?.title ?? id}</span>;
}

/** A kind's colour swatch and label, e.g. in search results and the legend. */
export function KindBadge({ kind, showLabel = true }: { kind: string; showLabel?: boolean }) {
  const info = kindInfo(useOntology(), kind);
  return (
    <span className="kind-badge" title={info?.description}>
      <span
        className={`swatch shape-${info?.shape ?? 'ellipse'}`}
        style={{ background: info?.colour ?? '#888' }}
        aria-hidden="true"
      />
      {showLabel && <span className="kind-label">{info?.label ?? kind}</span>}
    </span>
  );
}
