import { useState } from 'react';
import { EXPORT_ENTITIES_MAX, fetchExportRecords } from '../api/queries.ts';
import { download } from '../dom/download.ts';
import { useCanvas } from '../state/explorer-hooks.ts';
import type { CanvasFormat } from '../state/export-files.ts';
import { exportGraph } from '../state/export-records.ts';

const FORMAT_LABELS: Record<CanvasFormat, string> = {
  csv: 'CSV dataset',
  gexf: 'GEXF (Gephi)',
  graphml: 'GraphML',
  ftm: 'FollowTheMoney',
};

/**
 * Exports the canvas's records, read in full from the API, in a format of the seeder's: the
 * writers load on the first export, so the explorer does not carry them until then.
 */
export function ExportMenu() {
  const { canvas, empty } = useCanvas();
  const [format, setFormat] = useState<CanvasFormat>('csv');
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');

  const tooMany = Object.keys(canvas.nodes).length > EXPORT_ENTITIES_MAX;

  const exportRecords = async () => {
    setState('busy');
    try {
      const [answer, { exportFiles }] = await Promise.all([
        fetchExportRecords(Object.keys(canvas.nodes)),
        import('../state/export-files.ts'),
      ]);
      const graph = exportGraph(answer, Object.keys(canvas.edges));
      for (const file of exportFiles(format, graph)) download(file.name, file.text, file.type);
      setState('idle');
    } catch {
      setState('failed');
    }
  };

  return (
    <>
      <label>
        Records as{' '}
        <select value={format} onChange={(event) => setFormat(event.target.value as CanvasFormat)}>
          {Object.entries(FORMAT_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        disabled={empty || tooMany || state === 'busy'}
        title={
          tooMany ? `Exports hold at most ${EXPORT_ENTITIES_MAX} entities: hide some` : undefined
        }
        onClick={exportRecords}
      >
        {state === 'failed' ? 'Export failed: retry' : 'Export'}
      </button>
    </>
  );
}
