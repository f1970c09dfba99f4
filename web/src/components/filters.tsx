import type { ChangeEvent } from 'react';
import type { DatasetInfo } from '../api/types.ts';
import { useCanvas, useFilters } from '../state/explorer-hooks.ts';
import { statusStyle } from '../state/status.ts';
import type { Filters } from '../state/visibility.ts';
import { KindBadge, useOntology } from './ontology.tsx';
import './legend.css';

/** A dataset's description, version and licence, as a tooltip crediting it. */
function datasetNote(dataset: DatasetInfo): string {
  const facts = [
    dataset.version !== null ? `version ${dataset.version}` : '',
    dataset.license ? `licence ${dataset.license}` : '',
  ].filter(Boolean);
  return [dataset.description, facts.join(', ')].filter(Boolean).join('\n');
}

/** The legend draws a status's line as the canvas does: the domain decides what fades or dashes. */
function statusLineClass(status: string): string {
  const { faded, dashed } = statusStyle(status);
  return ['status-line', faded && 'faded', dashed && 'dashed'].filter(Boolean).join(' ');
}

/** The legend, doubling as filters: untick a kind, relationship type, status or dataset to hide it. */
export function FiltersPanel() {
  const ontology = useOntology();
  const { filters, setFilters } = useFilters();
  const { canvas } = useCanvas();
  /** A box's state and handler: ticked while `value` is shown; unticking adds it to the hidden list. */
  const shown = (list: keyof Filters, value: string) => ({
    checked: !filters[list].includes(value),
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const rest = filters[list].filter((item) => item !== value);
      const next: Filters = { ...filters, [list]: event.target.checked ? rest : [...rest, value] };
      setFilters(next);
    },
  });
  const kindsOnCanvas = new Set(Object.values(canvas.nodes).map((n) => n.kind));
  const typesOnCanvas = new Set(Object.values(canvas.edges).map((e) => e.type));
  const datasetsOnCanvas = new Set(Object.values(canvas.edges).map((e) => e.dataset));
  return (
    <section className="filters" aria-label="Legend and filters">
      <fieldset>
        <legend>Entity kinds</legend>
        {ontology.kinds.map((kind) => (
          <label key={kind.kind} className={kindsOnCanvas.has(kind.kind) ? 'present' : 'absent'}>
            <input type="checkbox" {...shown('hiddenKinds', kind.kind)} />
            <KindBadge kind={kind.kind} />
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Relationship types</legend>
        {ontology.relationshipTypes.map((type) => (
          <label
            key={type.type}
            title={type.description}
            className={typesOnCanvas.has(type.type) ? 'present' : 'absent'}
          >
            <input type="checkbox" {...shown('hiddenTypes', type.type)} />
            <span className="edge-swatch" style={{ background: type.colour }} aria-hidden="true" />
            {type.label}
            {type.symmetric ? '' : ' →'}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Status</legend>
        {ontology.statuses.map((status) => (
          <label key={status.status} title={status.description}>
            <input type="checkbox" {...shown('hiddenStatuses', status.status)} />
            <span className={statusLineClass(status.status)} aria-hidden="true" />
            {status.label}
          </label>
        ))}
      </fieldset>
      {ontology.datasets.length > 0 && (
        <fieldset>
          <legend>Datasets</legend>
          {ontology.datasets.map((dataset) => (
            <label
              key={dataset.id}
              title={datasetNote(dataset)}
              className={datasetsOnCanvas.has(dataset.id) ? 'present' : 'absent'}
            >
              <input type="checkbox" {...shown('hiddenDatasets', dataset.id)} />
              {dataset.title}
            </label>
          ))}
        </fieldset>
      )}
    </section>
  );
}
