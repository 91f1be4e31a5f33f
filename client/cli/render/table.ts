import Table from 'cli-table3';

export type CellValue = string | number | null | undefined;

/** A plain table without colour codes, readable in a terminal and in a log file alike. */
export function renderTable(head: string[], rows: CellValue[][]): string {
  const table = new Table({
    head,
    style: { head: [], border: [] },
    // No rule between rows: long lists stay compact.
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  table.push(
    ...rows.map((row) => row.map((cell) => (cell === null || cell === undefined ? '' : String(cell)))),
  );
  return table.toString();
}

/** `2025-11-28T10:11:12.345Z` → `2025-11-28 10:11:12 UTC`; non-dates are shown as they are. */
export function formatTimestamp(value: string | null | undefined): string {
  if (!value) return '-';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
