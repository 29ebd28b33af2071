// A table of thousands of rows that scrolls without a long task: only the rows in view (and a few
// around them) are in the DOM (@tanstack/virtual-core), placed in a body of the whole list's height.
// A row is selected with its checkbox, the header's box selects every row shown; the name (a
// button: Tab and Enter) opens the row.

import { elementScroll, observeElementOffset, observeElementRect, Virtualizer } from '@tanstack/virtual-core';
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useMemo, useReducer, useRef } from 'preact/hooks';
import { t } from '../utils/i18n.ts';

export interface Column<Row> {
  key: string;
  header: string;
  /** A CSS grid track: `2fr`, `90px`. */
  width: string;
  render: (row: Row) => ComponentChildren;
}

const rowHeight = 40;
/**
 * Rows are keyed by their slot, not by whom they show: scrolling moves the same few row elements
 * and changes their text, instead of building new ones every frame (style and layout stay small).
 * More slots than rows ever in view at once.
 */
const slots = 64;

function useVirtualRows(count: number, scroller: { current: HTMLElement | null }) {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const virtualizer = useMemo(
    () =>
      new Virtualizer<HTMLElement, HTMLElement>({
        count,
        getScrollElement: () => scroller.current,
        estimateSize: () => rowHeight,
        overscan: 6,
        scrollToFn: elementScroll,
        observeElementRect,
        observeElementOffset,
        onChange: () => rerender(0),
      }),
    [],
  );
  virtualizer.setOptions({ ...virtualizer.options, count });
  useLayoutEffect(() => virtualizer._didMount(), []);
  useLayoutEffect(() => {
    virtualizer._willUpdate();
  });
  return virtualizer;
}

export function VirtualTable<Row>({
  rows,
  rowKey,
  columns,
  selected,
  onSelect,
  onOpen,
  label,
  testId,
  height = 520,
}: {
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  columns: Column<Row>[];
  selected: ReadonlySet<string>;
  onSelect: (keys: string[], on: boolean) => void;
  onOpen: (row: Row) => void;
  label: string;
  testId: string;
  height?: number;
}) {
  const scroller = useRef<HTMLTableSectionElement>(null);
  const virtualizer = useVirtualRows(rows.length, scroller);
  const template = `36px ${columns.map((c) => c.width).join(' ')}`;
  const allOn = rows.length > 0 && rows.every((row) => selected.has(rowKey(row)));
  return (
    <table class="vtable" aria-label={label} aria-rowcount={rows.length + 1} data-testid={testId} data-rows={rows.length}>
      <thead>
        <tr class="vrow vhead" style={{ gridTemplateColumns: template }}>
          <th>
            <input
              type="checkbox"
              aria-label={t('dashboard.selectAll')}
              checked={allOn}
              data-testid={`${testId}-select-all`}
              onChange={() => onSelect(rows.map(rowKey), !allOn)}
            />
          </th>
          {columns.map((column) => (
            <th key={column.key}>{column.header}</th>
          ))}
        </tr>
      </thead>
      <tbody
        class="vbody"
        ref={scroller}
        style={{ height: `${Math.min(height, rows.length * rowHeight + 2)}px` }}
        data-testid={`${testId}-scroller`}
      >
        <tr class="vspace" style={{ height: `${virtualizer.getTotalSize()}px` }} />
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index] as Row;
          const key = rowKey(row);
          const on = selected.has(key);
          return (
            <tr
              key={item.index % slots}
              class={`vrow ${on ? 'selected' : ''}`}
              aria-rowindex={item.index + 2}
              aria-selected={on}
              data-testid={`${testId}-row`}
              data-key={key}
              style={{ gridTemplateColumns: template, transform: `translateY(${item.start}px)`, height: `${rowHeight}px` }}
            >
              <td>
                <input type="checkbox" aria-label={t('dashboard.selectRow')} checked={on} onChange={() => onSelect([key], !on)} />
              </td>
              {columns.map((column, i) => (
                <td key={column.key}>
                  {i === 0 ? (
                    <button type="button" class="link" onClick={() => onOpen(row)} data-testid={`${testId}-open`}>
                      {column.render(row)}
                    </button>
                  ) : (
                    column.render(row)
                  )}
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
