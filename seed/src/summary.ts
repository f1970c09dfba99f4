import type { PhaseCounts } from '../../server/src/db/seed-phases.ts';
import type { RelationshipCounts, WriteCounts } from '../../server/src/db/seed-repository.ts';
import type { ImportResult } from './import.ts';

function cells(counts: WriteCounts | RelationshipCounts | PhaseCounts): string[] {
  return [
    ...[counts.created, counts.updated, counts.unchanged].map((n) => String(n)),
    'removed' in counts ? String(counts.removed) : '–',
  ];
}

/**
 * The closing table: created / updated / unchanged per dataset, relationships removed from a
 * dataset given whole, phases added to other datasets' relationships, stories, unmapped input records, and
 * names given as text linked to entities already known or listed with their possible duplicates.
 */
export function formatSummary(result: ImportResult, options: { dryRun?: boolean } = {}): string {
  const header = ['dataset', 'part', 'created', 'updated', 'unchanged', 'removed'];
  const rows = result.reports.flatMap((report) => [
    [report.dataset, 'entities', ...cells(report.entities)],
    ['', 'relationships', ...cells(report.relationships)],
    ['', 'sources', ...cells(report.sources)],
    // Phases added to other datasets' relationships; a dataset that adds none shows no row.
    ...(Object.values(report.phases).some((n) => n > 0)
      ? [['', 'added phases', ...cells(report.phases)]]
      : []),
    // Likewise stories: only a dataset that has or had some shows the row.
    ...(report.stories ? [['', 'stories', ...cells(report.stories)]] : []),
  ]);
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (row: string[]) =>
    row
      .map((cell, i) => (i < 2 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ');
  const out = [
    options.dryRun ? 'Dry run: nothing was written. It would have:' : 'Seeded:',
    line(header),
    ...rows.map(line),
  ];
  for (const [dataset, counts] of Object.entries(result.counts)) {
    if (!counts) continue;
    const mapped = Object.entries(counts.mapped).map(([schema, n]) => `${schema} ${n}`);
    const unmapped = Object.entries(counts.unmapped).map(([schema, n]) => `${schema} ${n}`);
    out.push(`${dataset}: mapped ${mapped.join(', ') || 'nothing'}`);
    if (unmapped.length > 0) out.push(`${dataset}: not mapped ${unmapped.join(', ')}`);
  }
  for (const [dataset, names] of Object.entries(result.names ?? {})) {
    for (const link of names.linked) {
      out.push(`${dataset}: linked "${link.name}" to ${link.entity} (${link.reasons.join('; ')})`);
    }
    for (const { name, entity, matches } of names.candidates) {
      out.push(`${dataset}: possible duplicates of "${name}" (made as ${entity}):`);
      for (const match of matches) {
        out.push(`  ${match.id} "${match.name}", ${match.score}: ${match.reasons.join('; ')}`);
      }
    }
  }
  return out.join('\n');
}
