import { Fragment } from 'react';
import type { RelationshipDetail } from '../api/types.ts';

/** What a relationship records beyond its type and dates: a role, a measure and its instrument, a claim. */
export function RelationshipFacts({ rel }: { rel: RelationshipDetail }) {
  const facts = (
    [
      ['Role', rel.role],
      ['Measure', rel.measure],
      ['Instrument', rel.instrument],
      ['Claim', rel.claim],
    ] as const
  ).filter(([, value]) => value);
  if (facts.length === 0) return null;
  return (
    <dl className="properties rel-facts">
      {facts.map(([name, value]) => (
        <Fragment key={name}>
          <dt>{name}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
