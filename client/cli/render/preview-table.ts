import type { PreviewReportBody } from '../../admin-api/schemas/tenant-schemas';
import { renderTable } from './table';

export function renderPreview(report: PreviewReportBody): string {
  const table = renderTable(
    ['entity', 'code', 'name', 'outcome', 'rule', 'tribe id / candidates', 'reason'],
    report.rows.map((row) => [
      row.entity,
      row.code,
      row.name,
      row.outcome,
      row.rule,
      row.tribeId ?? row.candidates.join(', '),
      row.reason,
    ]),
  );
  const totals = Object.entries(report.totals)
    .map(([outcome, count]) => `${outcome} ${count}`)
    .join(', ');
  const lines = [table, `Totals: ${totals} (${report.rows.length} records).`];
  if (report.totals.ambiguous > 0) {
    lines.push('Ambiguous records are never guessed: make the match unique in Tribe or SnelStart first.');
  }
  return lines.join('\n');
}
