// A class list file (CSV or XLSX, from an e-journal or Google Classroom) to rows of people with
// their problems. Never throws: what cannot be read becomes a file error, what is wrong in a row
// becomes that row's issue, and the curator sees both in the preview before anything is saved.

import type { RosterRowInput } from '../../../shared/api/roster-import.ts';
import { readCsv } from './csv.ts';
import { parseClassName } from './fields.ts';
import { findHeader, headerSearchRows } from './header.ts';
import { htmlTableRows, isHtmlTable, jsonListRows } from './html.ts';
import { fileError } from './messages.ts';
import { buildRow } from './rows.ts';
import { decodeText, looksLikeText } from './text.ts';
import type { FileError, ParsedRoster, RosterColumn } from './types.ts';
import { type GridRow, openXlsx } from './xlsx.ts';

export const maxFileBytes = 5 * 1024 * 1024;
export const maxDataRows = 5000;
/** Workbooks with more sheets than this are read only this far looking for the roster. */
const maxSheetsSearched = 20;

export interface ParseOptions {
  /** For checking years of birth (tests pin it); now by default. */
  today?: Date;
}

/** What is known of a file before its rows are read: every answer adds rows, errors and file errors. */
type RosterHead = Omit<ParsedRoster, 'rows' | 'errors' | 'fileErrors'>;

function emptyRoster(fileName: string): RosterHead {
  return {
    fileName,
    format: null,
    encoding: null,
    delimiter: null,
    sheetName: null,
    headerLine: null,
    columns: [],
    classNameFromTitle: null,
  };
}

function failed(roster: RosterHead, error: FileError): ParsedRoster {
  return { ...roster, rows: [], errors: [], fileErrors: [error] };
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

const zipMagic = [0x50, 0x4b, 0x03, 0x04];
/** OLE2 compound files: Excel 97–2003 .xls, and any password-protected .xlsx. */
const oleMagic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** A class the title lines name («Список класса 7А», «Класс: 7 "А"»): exactly one, or null. */
function classInTitle(titleRows: readonly GridRow[]): string | null {
  const found = new Set<string>();
  for (const row of titleRows) {
    for (const cell of row.cells) {
      for (const match of cell.matchAll(/(?<![\p{L}\d/№.])(\d{1,2})\s*[-‐‑–—]?\s*[«"]?([А-ЯЁа-яё])[»"]?(?![\p{L}\d])/gu)) {
        const parsed = parseClassName(`${match[1]}${match[2]}`);
        if (parsed.ok) found.add(parsed.value);
      }
    }
  }
  return found.size === 1 ? ([...found][0] ?? null) : null;
}

function isBlank(row: GridRow): boolean {
  return row.cells.every((cell) => cell.trim() === '');
}

/** The people in a table whose header is known. */
function readTable(grid: readonly GridRow[], headerIndex: number, columns: RosterColumn[], title: string | null, today: Date) {
  const body = grid.slice(headerIndex + 1).filter((row) => !isBlank(row));
  if (body.length > maxDataRows) return { tooMany: true as const };
  const rows = body.flatMap((row) => buildRow(row.line, row.cells, { columns, classNameFromTitle: title, today }) ?? []);
  return { tooMany: false as const, rows };
}

function fromGrid(base: RosterHead, grid: readonly GridRow[], today: Date, sheetClass: string | null = null): ParsedRoster {
  // findHeader looks at the first headerSearchRows rows only.
  const header = findHeader(grid.map((row) => row.cells));
  if (!header) return failed(base, fileError('no_header', { rows: headerSearchRows }));
  const headerRow = grid[header.rowIndex] as GridRow;
  const classNameFromTitle = classInTitle(grid.slice(0, header.rowIndex)) ?? sheetClass;
  const table = readTable(grid, header.rowIndex, header.columns, classNameFromTitle, today);
  const found = { ...base, headerLine: headerRow.line, columns: header.columns, classNameFromTitle };
  if (table.tooMany) return failed(found, fileError('too_many_rows', { limit: maxDataRows }));
  return { ...found, rows: table.rows, errors: table.rows.flatMap((row) => row.issues), fileErrors: [] };
}

function parseCsvFile(bytes: Uint8Array, fileName: string, today: Date): ParsedRoster {
  const { text, encoding } = decodeText(bytes);
  // A web page's table (Дневник.ру's report, an «.xls» that is HTML) or a JSON list (Сетевой город's studentList).
  if (isHtmlTable(text)) return fromGrid({ ...emptyRoster(fileName), format: 'html', encoding }, htmlTableRows(text), today);
  const json = jsonListRows(text);
  if (json) return fromGrid({ ...emptyRoster(fileName), format: 'json', encoding }, json, today);
  const { rows, delimiter } = readCsv(text);
  const base: RosterHead = { ...emptyRoster(fileName), format: 'csv', encoding, delimiter };
  if (/^\s*<(!doctype|html|table|\?xml)/i.test(text)) return failed(base, fileError('unsupported_format'));
  return fromGrid(
    base,
    rows.map((cells, index) => ({ line: index + 1, cells })),
    today,
  );
}

function parseXlsxFile(bytes: Uint8Array, fileName: string, today: Date): ParsedRoster {
  const base: RosterHead = { ...emptyRoster(fileName), format: 'xlsx' };
  const opened = openXlsx(bytes);
  if (!opened.ok) {
    // A zip that is not a workbook (an OpenDocument sheet, a zipped folder) is just another format.
    return failed(
      base,
      opened.detail === 'no workbook' ? fileError('unsupported_format') : fileError('unreadable_xlsx', { detail: opened.detail }),
    );
  }
  const { book } = opened;
  let firstFailure: ParsedRoster | null = null;
  for (let index = 0; index < Math.min(book.sheetNames.length, maxSheetsSearched); index++) {
    let sheet: ReturnType<typeof book.readSheet>;
    try {
      // Rows that hold a value only; one more than a header and the most pupils tells a list too long.
      sheet = book.readSheet(index, maxDataRows + headerSearchRows + 1);
    } catch (error) {
      return failed(base, fileError('unreadable_xlsx', { detail: error instanceof Error ? error.message : String(error) }));
    }
    const sheetClass = parseClassName(sheet.name);
    const parsed = fromGrid({ ...base, sheetName: sheet.name }, sheet.rows, today, sheetClass.ok ? sheetClass.value : null);
    // The first sheet with a header is the list, even one refused as too long.
    if (!parsed.fileErrors.some((error) => error.code === 'no_header')) return parsed;
    firstFailure ??= parsed;
  }
  // openXlsx refuses a workbook without worksheets, so the first sheet was read: its answer says where we looked.
  return firstFailure as ParsedRoster;
}

/**
 * Reads a class list. The format is told by the bytes (a zip is XLSX, an OLE2 file is the old
 * .xls, text is CSV), not by `fileName`, which is kept for messages and logs only.
 */
export function parseRosterFile(bytes: Uint8Array, fileName: string, options: ParseOptions = {}): ParsedRoster {
  const today = options.today ?? new Date();
  try {
    if (bytes.length === 0) return failed(emptyRoster(fileName), fileError('empty_file'));
    if (bytes.length > maxFileBytes)
      return failed(emptyRoster(fileName), fileError('file_too_large', { limit: maxFileBytes / 1024 / 1024 }));
    if (startsWith(bytes, zipMagic)) return parseXlsxFile(bytes, fileName, today);
    if (startsWith(bytes, oleMagic)) return failed(emptyRoster(fileName), fileError('legacy_xls'));
    if (looksLikeText(bytes)) return parseCsvFile(bytes, fileName, today);
    return failed(emptyRoster(fileName), fileError('unsupported_format'));
  } catch (error) {
    // Nothing above should throw; if it does, the curator still gets an answer, not a 500.
    return failed(emptyRoster(fileName), fileError('unreadable_file', { detail: error instanceof Error ? error.message : String(error) }));
  }
}

/** A list sent as rows has these columns, headed as a class list's CSV would be: messages read alike. */
const rowColumns: RosterColumn[] = [
  { field: 'last', header: 'Фамилия', index: 0, letter: 'A' },
  { field: 'first', header: 'Имя', index: 1, letter: 'B' },
  { field: 'middle', header: 'Отчество', index: 2, letter: 'C' },
  { field: 'className', header: 'Класс', index: 3, letter: 'D' },
];

/**
 * A list the extension read off a class page, sent as rows: each goes through the very checks a
 * file's row does (buildRow), so the preview and the import treat both alike. Line N is rows[N - 1].
 */
export function parseRosterRows(rows: readonly RosterRowInput[], listName: string): ParsedRoster {
  // Rows carry no birth dates, the only thing checked against today.
  const context = { columns: rowColumns, classNameFromTitle: null, today: new Date() };
  const built = rows.flatMap(
    (row, index) => buildRow(index + 1, [row.last_name, row.first_name, row.middle_name ?? '', row.class_name ?? ''], context) ?? [],
  );
  return {
    ...emptyRoster(listName),
    format: 'rows',
    columns: rowColumns,
    rows: built,
    errors: built.flatMap((row) => row.issues),
    fileErrors: [],
  };
}
