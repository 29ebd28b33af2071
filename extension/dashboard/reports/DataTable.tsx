// A plain table with a caption: the figures behind every chart, and every report's rows. Numbers
// are right-aligned and written as the language writes them («0,75»); an empty cell shows «—».
import type { ComponentChildren } from 'preact';
import { formatNumber } from '../../utils/i18n.ts';

export type CellValue = string | number | null | ComponentChildren;

export function DataTable({
  caption,
  columns,
  rows,
  testId,
  numeric = [],
  captionHidden = false,
}: {
  caption: string;
  /** The heading above already says it: the caption is for screen readers only. */
  captionHidden?: boolean;
  columns: string[];
  rows: { key: string; cells: CellValue[]; className?: string }[];
  testId: string;
  /** Indexes of the columns that hold numbers. */
  numeric?: number[];
}) {
  return (
    <div class="table-scroll">
      <table class="data-table" data-testid={testId}>
        <caption class={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, i) => (
              <th key={column} scope="col" class={numeric.includes(i) ? 'number' : undefined}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} class={row.className}>
              {row.cells.map((cell, i) => (
                <td key={i} class={numeric.includes(i) ? 'number' : undefined}>
                  {cell === null || cell === undefined || cell === '' ? '—' : typeof cell === 'number' ? formatNumber(cell) : cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** «12 из 30 (40%)». */
export const percentOf = (share: number | null) => (share === null ? '—' : formatNumber(share * 100, 1));
