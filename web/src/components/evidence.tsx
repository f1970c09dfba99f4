import type { Evidence } from '../api/types.ts';

/** Quotes with links to their sources. */
export function EvidenceList({ evidence }: { evidence: Evidence[] }) {
  if (evidence.length === 0) return null;
  return (
    <ul className="evidence">
      {evidence.map((item) => (
        <li key={`${item.source.id}:${item.quote ?? ''}`}>
          {item.quote && <blockquote>“{item.quote}”</blockquote>}
          <cite>
            {item.source.url ? (
              <a href={item.source.url} target="_blank" rel="noreferrer">
                {item.source.title}
              </a>
            ) : (
              item.source.title
            )}
            {item.source.published && <> ({item.source.published})</>}
          </cite>
        </li>
      ))}
    </ul>
  );
}
