// An entity's relationships as the details panel lists them: under a heading (a type or a year),
// each with how it reads from the entity, its facts, evidence and dataset.

import type { ReactNode } from 'react';
import type { RelationshipDetail } from '../api/types.ts';
import { labelFrom, statusLabel } from '../state/labels.ts';
import { qualifiers } from '../state/path-explanation.ts';
import { phaseInForce, statusStyle } from '../state/status.ts';
import { EvidenceList } from './evidence.tsx';
import { DatasetName, typeInfo, useOntology } from './ontology.tsx';
import { RelationshipFacts } from './relationship-facts.tsx';

/** One heading's relationships: a type's, with its colour, or a year's, each with its own. */
export function RelationshipGroup(props: {
  label: string;
  swatch?: string;
  rels: RelationshipDetail[];
  selfId: string;
  onOpen(id: string, name: string): void;
  /** Marks each item with its type's colour, where the group is not one type. */
  typed?: boolean;
  action?: ReactNode;
}) {
  return (
    <section className="rel-group" aria-label={props.label}>
      <h3>
        {props.swatch !== undefined && (
          <span className="edge-swatch" style={{ background: props.swatch }} />
        )}
        {props.label} <span className="count">({props.rels.length})</span>
        {props.action}
      </h3>
      <ul>
        {props.rels.map((rel) => (
          <RelationshipItem
            key={rel.id}
            rel={rel}
            selfId={props.selfId}
            onOpen={props.onOpen}
            typed={props.typed}
          />
        ))}
      </ul>
    </section>
  );
}

function RelationshipItem(props: {
  rel: RelationshipDetail;
  selfId: string;
  onOpen(id: string, name: string): void;
  typed?: boolean;
}) {
  const { rel, selfId } = props;
  const ontology = useOntology();
  const outgoing = rel.from.id === selfId;
  const other = outgoing ? rel.to : rel.from;
  const info = typeInfo(ontology, rel.type);
  const verb = labelFrom(rel, selfId, ontology);
  const detail = qualifiers(rel, ontology);
  // A status a later phase brought is told with its own evidence, after the relationship's.
  const latest = rel.history.length > 1 ? phaseInForce(rel.history, null) : undefined;
  return (
    <li className={statusStyle(rel.status).faded ? 'rel faded' : 'rel'}>
      <div>
        {props.typed && (
          <span
            className="edge-swatch"
            style={{ background: info?.colour }}
            title={info?.label ?? rel.type}
          />
        )}
        {verb}{' '}
        <button type="button" className="link" onClick={() => props.onOpen(other.id, other.name)}>
          {other.name}
        </button>
        {detail && <span className="qualifiers"> ({detail})</span>}
      </div>
      {rel.description && <p className="rel-description">{rel.description}</p>}
      <RelationshipFacts rel={rel} />
      <EvidenceList evidence={rel.evidence} />
      {latest?.since && (
        <>
          <p className="phase-note">
            {statusLabel(ontology, latest.status)} from {latest.since}
            {latest.note && `: ${latest.note}`}
          </p>
          <EvidenceList evidence={latest.evidence} />
        </>
      )}
      {rel.dataset && (
        <p className="dataset">
          Dataset: <DatasetName id={rel.dataset} />
        </p>
      )}
    </li>
  );
}
