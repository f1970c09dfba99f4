import { useEffect, useState } from 'react';
import { isAbort } from '../api/client.ts';
import { fetchRelationship } from '../api/queries.ts';
import type { RelationshipDetail } from '../api/types.ts';
import { qualifiers } from '../state/path-explanation.ts';
import type { Explorer } from '../state/use-explorer.ts';
import { EvidenceList } from './evidence.tsx';
import { typeInfo, useOntology } from './ontology.tsx';
import { ErrorPanel, LoadingPanel } from './panel-states.tsx';
import { RelationshipFacts } from './relationship-facts.tsx';

type Loaded =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'done'; relationship: RelationshipDetail | null };

/** The selected relationship: how it reads, when it held, and the evidence behind it. */
export function RelationshipPanel({ explorer, id }: { explorer: Explorer; id: string }) {
  const { dispatch } = explorer;
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const ontology = useOntology();

  useEffect(() => {
    void attempt; // Retry fetches the same relationship again
    const controller = new AbortController();
    setLoaded({ status: 'loading' });
    fetchRelationship(id, controller.signal).then(
      (relationship) => setLoaded({ status: 'done', relationship }),
      (error: unknown) => {
        if (!isAbort(error)) setLoaded({ status: 'error', message: String(error) });
      },
    );
    return () => controller.abort();
  }, [id, attempt]);

  if (loaded.status === 'loading') return <LoadingPanel text="Loading the relationship…" />;
  if (loaded.status === 'error' || !loaded.relationship) {
    const message = loaded.status === 'error' ? loaded.message : `No relationship "${id}".`;
    return <ErrorPanel message={message} onRetry={() => setAttempt((n) => n + 1)} />;
  }
  const rel = loaded.relationship;
  const info = typeInfo(ontology, rel.type);
  const when = qualifiers(rel, ontology);
  const open = (entityId: string) => dispatch({ type: 'select', id: entityId });
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
      </div>
      {rel.description && <p>{rel.description}</p>}
      <RelationshipFacts rel={rel} />
      <dl className="properties">
        <dt>Dataset</dt>
        <dd>{rel.dataset ?? '—'}</dd>
      </dl>
      <h3>Evidence</h3>
      {rel.evidence.length > 0 ? (
        <EvidenceList evidence={rel.evidence} />
      ) : (
        <p className="hint">No evidence recorded.</p>
      )}
    </aside>
  );
}
