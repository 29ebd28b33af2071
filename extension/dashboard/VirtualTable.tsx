// A table of thousands of rows that scrolls without a long task: only the rows in view (and a few
// around them) are in the DOM (@tanstack/virtual-core), placed in a body of the whole list's height.
// A row is selected with its checkbox, the header's box selects every row shown; the name (a
// button: Tab and Enter) opens the row.
//
// What keeps a frame of scrolling short (bench:dashboard):
//   - every row has the same fixed height, so nothing is measured and nothing is read back from the
//     layout while scrolling;
//   - a fixed pool of row elements, each showing the rows whose index falls in its slot
//     (index mod pool): the elements never move in the DOM, a row that stays in view is not touched,
//     and only the few rows that enter the window change their text and their offset;
//   - rows are memoised: the table redraws when the window's range changes, and then only the rows
//     whose person, selection or place changed are diffed;
//   - rows and the body are `contain: strict` and styled by one class each (`.vr`, `.vc`): a
//     changed row restyles and lays out itself alone.

import { elementScroll, observeElementOffset, observeElementRect, Virtualizer } from '@tanstack/virtual-core';
import { Component, type ComponentChildren } from 'preact';
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
const overscan = 3;

function useVirtualRows(count: number, scroller: { current: HTMLElement | null }) {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const virtualizer = useMemo(() => {
    let drawn = '';
    return new Virtualizer<HTMLElement, HTMLElement>({
      count,
      getScrollElement: () => scroller.current,
      estimateSize: () => rowHeight,
      overscan,
      scrollToFn: elementScroll,
      observeElementRect,
      observeElementOffset,
      // Redraw only when the window of rows changes, not when scrolling merely starts or stops.
      onChange: (instance) => {
        const items = instance.getVirtualItems();
        const range = `${items[0]?.index}-${items.at(-1)?.index}-${instance.options.count}`;
        if (range === drawn) return;
        drawn = range;
        rerender(0);
      },
    });
  }, []);
  virtualizer.setOptions({ ...virtualizer.options, count });
  useLayoutEffect(() => virtualizer._didMount(), []);
  useLayoutEffect(() => {
    virtualizer._willUpdate();
  });
  return virtualizer;
}

interface RowProps<Row> {
  row: Row;
  rowKey: string;
  index: number;
  on: boolean;
  columns: Column<Row>[];
  onSelect: (keys: string[], on: boolean) => void;
  onOpen: (row: Row) => void;
  testId: string;
}

function TableRow<Row>({ row, rowKey, index, on, columns, onSelect, onOpen, testId }: RowProps<Row>) {
  return (
    <tr
      class="vr"
      aria-rowindex={index + 2}
      aria-selected={on}
      data-testid={`${testId}-row`}
      data-key={rowKey}
      style={{ transform: `translateY(${index * rowHeight}px)` }}
    >
      <td class="vc">
        <input type="checkbox" aria-label={t('dashboard.selectRow')} checked={on} onChange={() => onSelect([rowKey], !on)} />
      </td>
      {columns.map((column, i) => (
        <td key={column.key} class="vc">
          {i === 0 ? (
            <button type="button" class="link vlink" onClick={() => onOpen(row)} data-testid={`${testId}-open`}>
              {column.render(row)}
            </button>
          ) : (
            column.render(row)
          )}
        </td>
      ))}
    </tr>
  );
}
/** A row redraws only when what it shows changed (its person, selection, place or columns). */
class MemoRow<Row> extends Component<RowProps<Row>> {
  override shouldComponentUpdate(next: RowProps<Row>): boolean {
    const now = this.props as unknown as Record<string, unknown>;
    return Object.entries(next).some(([name, value]) => now[name] !== value);
  }
  override render() {
    return <TableRow {...this.props} />;
  }
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
  /** Keep the same array between renders (useMemo): the rows are memoised on it. */
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
  // Enough elements for every row the window can hold; a row's element is its slot in this pool.
  const pool = Math.ceil(height / rowHeight) + 2 * overscan + 2;
  const slots: (number | null)[] = new Array(pool).fill(null);
  for (const item of virtualizer.getVirtualItems()) slots[item.index % pool] = item.index;
  return (
    <table
      class="vtable"
      aria-label={label}
      aria-rowcount={rows.length + 1}
      data-testid={testId}
      data-rows={rows.length}
      style={{ '--vcols': template }}
    >
      <thead>
        <tr class="vhead">
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
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be focusable (WCAG 2.1.1), so that the arrow keys, Page Up/Down, Home and End scroll the list
        tabIndex={0}
        style={{ height: `${Math.min(height, rows.length * rowHeight + 2)}px` }}
        data-testid={`${testId}-scroller`}
      >
        <tr class="vspace" style={{ height: `${virtualizer.getTotalSize()}px` }} />
        {slots.map((index, slot) => {
          if (index === null) return null;
          const row = rows[index] as Row;
          const key = rowKey(row);
          return (
            <MemoRow
              key={slot}
              row={row}
              rowKey={key}
              index={index}
              on={selected.has(key)}
              columns={columns}
              onSelect={onSelect}
              onOpen={onOpen}
              testId={testId}
            />
          );
        })}
      </tbody>
    </table>
  );
}
