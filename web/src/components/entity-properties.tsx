import { Fragment } from 'react';
import { IDENTIFIER_SCHEME_INFO } from '../../../server/src/domain/identifier-schemes.ts';
import type { EntityDetails } from '../api/types.ts';
import { DatasetName } from './ontology.tsx';

/** An entity's properties as the details list them; `more` of its relationships are off the canvas. */
export function EntityProperties({
  entity,
  more,
}: {
  entity: EntityDetails['entity'];
  more: number;
}) {
  return (
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
      {entity.identifiers.map(({ scheme, value }) => (
        <Fragment key={`${scheme}:${value}`}>
          <dt>{IDENTIFIER_SCHEME_INFO[scheme].label}</dt>
          <dd className="identifier">{value}</dd>
        </Fragment>
      ))}
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
  );
}
