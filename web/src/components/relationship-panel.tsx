import { useState } from 'react';
import { useRelationship } from '../api/use-queries.ts';
import { useEditorSession } from '../state/editor-session.tsx';
import { useSelection } from '../state/explorer-hooks.ts';
import { qualifiers } from '../state/path-explanation.ts';
import { EvidenceList } from './evidence.tsx';
import { citedSources } from './evidence-picker.tsx';
import { RevisionHistory } from './history.tsx';
import { DatasetName, typeInfo, useOntology } from './ontology.tsx';
import { ErrorPanel, LoadingPanel } from './panel-states.tsx';
import { RelationshipEditor } from './relationship-editor.tsx';
import { RelationshipFacts } from './relationship-facts.tsx';
import { StatusHistory } from './status-history.tsx';
import './details.css';

/** The selected relationship: how it reads, when it held, and the evidence behind it. */
export function RelationshipPanel({ id }: { id: string }) {
  const { select } = useSelection();
  const { fetched: loaded, retry } = useRelationship(id);
  const ontology = useOntology();
  const { editor } = useEditorSession();
  const [editing, setEditing] = useState<string | null>(null);

  if (loaded.status === 'loading') return <LoadingPanel text="Loading the relationship…" />;
  if (loaded.status === 'error' || !loaded.relationship) {
    const message = loaded.status === 'error' ? loaded.message : `No relationship "${id}".`;
    return <ErrorPanel message={message} onRetry={retry} />;
  }
  const rel = loaded.relationship;
  const info = typeInfo(ontology, rel.type);
  const when = qualifiers(rel, ontology);
  const open = (entityId: string) => select(entityId);
  return (
    <aside aria-label="Details" className="details">
      <header>
        <h2>
          {rel.from.name} {rel.label} {rel.to.name}
        </h2>
      </header>
      <p className="rel-type">
        <span className="edge-swatch" style={{ background: info?.colour }} />
        {info?.label ?? rel.type}
        {when && <span className="qualifiers"> ({when})</span>}
      </p>
      <div className="actions">
        <button type="button" onClick={() => open(rel.from.id)}>
          {rel.from.name}
        </button>
        <button type="button" onClick={() => open(rel.to.id)}>
          {rel.to.name}
        </button>
        {editor && editing !== rel.id && (
          <button type="button" onClick={() => setEditing(rel.id)}>
            Edit
          </button>
        )}
      </div>
      {editor && editing === rel.id && (
        <RelationshipEditor
          id={rel.id}
          sources={citedSources([rel])}
          onDone={() => setEditing(null)}
        />
      )}
      {rel.description && <p>{rel.description}</p>}
      <RelationshipFacts rel={rel} />
      <dl className="properties">
        <dt>Dataset</dt>
        <dd>{rel.dataset ? <DatasetName id={rel.dataset} /> : '—'}</dd>
      </dl>
      {/* The first phase's evidence is the relationship's own: a history holds it. */}
      {rel.history.length > 1 ? (
        <>
          <h3>Status history</h3>
          <StatusHistory history={rel.history} dataset={rel.dataset} />
        </>
      ) : (
        <>
          <h3>Evidence</h3>
          {rel.evidence.length > 0 ? (
            <EvidenceList evidence={rel.evidence} />
          ) : (
            <p className="hint">No evidence recorded.</p>
          )}
        </>
      )}
      <RevisionHistory id={rel.id} />
    </aside>
  );
}
