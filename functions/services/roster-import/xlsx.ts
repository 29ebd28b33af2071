// XLSX to a grid of cells. An XLSX file is a zip of XML parts (ECMA-376): the workbook lists the
// sheets, each sheet's cells hold numbers, indexes into the shared strings, inline strings or
// formula results, and a cell's style says whether its number is a date. We unzip only the parts
// we read (fflate, pure JS), with a cap on their unpacked size against zip bombs.
import { type Unzipped, unzipSync } from 'fflate';
import { excelSerialToIsoDate } from './dates.ts';
import { isEnd, isStart, type XmlEvent, xmlEvents } from './xml.ts';

export interface GridRow {
  /** 1-based row number as the spreadsheet shows it. */
  line: number;
  cells: string[];
}

export interface SheetGrid {
  name: string;
  rows: GridRow[];
  /** More rows than asked for were in the sheet (the rest were not read). */
  truncated: boolean;
}

export interface XlsxBook {
  sheetNames: string[];
  readSheet(index: number, maxRows: number): SheetGrid;
}

export type OpenedXlsx = { ok: true; book: XlsxBook } | { ok: false; detail: string };

/** Unpacked size we are willing to read from one workbook (its XML parts together). */
const maxUnpackedBytes = 64 * 1024 * 1024;
/** Columns past this are ignored (styled but empty cells out to XFD are common). */
const maxColumns = 256;

const utf8 = new TextDecoder('utf-8');

function unzipParts(bytes: Uint8Array, wanted: (name: string) => boolean): Unzipped {
  let total = 0;
  return unzipSync(bytes, {
    filter: (file) => {
      if (!wanted(file.name)) return false;
      total += file.originalSize;
      if (total > maxUnpackedBytes) throw new Error('the unpacked workbook is too large');
      return true;
    },
  });
}

/** Part names are case-insensitive in OPC; find `path` among what was unzipped. */
function part(parts: Unzipped, path: string): string | null {
  const lower = path.toLowerCase();
  for (const [name, data] of Object.entries(parts)) if (name.toLowerCase() === lower) return utf8.decode(data);
  return null;
}

/** A relationship target resolved against the folder of the part that names it. */
function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const segments = fromPart.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.') segments.push(segment);
  }
  return segments.join('/');
}

function relsPathOf(partPath: string): string {
  const slash = partPath.lastIndexOf('/');
  return `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
}

function relationships(xml: string | null, fromPart: string): { id: string; type: string; target: string }[] {
  if (!xml) return [];
  const found: { id: string; type: string; target: string }[] = [];
  for (const event of xmlEvents(xml)) {
    if (isStart(event, 'Relationship') && event.attributes.TargetMode !== 'External') {
      // OPC requires all three. Without an Id or a Type a relationship matches nothing, without a Target it
      // leads to no part, whatever stands in for the missing one.
      // Stryker disable next-line StringLiteral: equivalent, as said above
      const { Id: id = '', Type: type = '', Target: target = '' } = event.attributes;
      found.push({ id, type, target: resolveTarget(fromPart, target) });
    }
  }
  return found;
}

/** OOXML escapes characters XML cannot carry as _xHHHH_ («_x000D_» for a carriage return). */
function unescapeOoxml(text: string): string {
  return text.replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/**
 * The text of a string item (<si> or <is>): its <t> runs joined, phonetic hints (<rPh>) left out.
 * Reads events up to and including the item's closing tag.
 */
function readStringItem(events: Iterator<XmlEvent>, closing: string): string {
  let text = '';
  let inText = false;
  let phonetic = 0;
  for (let next = events.next(); !next.done; next = events.next()) {
    const event = next.value;
    if (event.kind === 'open') {
      if (event.name === 'rPh') phonetic += event.selfClosing ? 0 : 1;
      else if (event.name === 't' && !event.selfClosing) inText = true;
    } else if (event.kind === 'close') {
      if (event.name === closing) break;
      if (event.name === 'rPh') phonetic--;
      // <t> holds only text: any end tag is past it.
      inText = false;
    } else if (inText && phonetic === 0) {
      text += event.text;
    }
  }
  return unescapeOoxml(text);
}

function sharedStrings(xml: string | null): string[] {
  if (!xml) return [];
  const strings: string[] = [];
  const events = xmlEvents(xml);
  for (let next = events.next(); !next.done; next = events.next()) {
    const event = next.value;
    if (isStart(event, 'si')) strings.push(event.selfClosing ? '' : readStringItem(events, 'si'));
  }
  return strings;
}

const builtInDateFormats = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/** Whether a number format code shows a date: it has day or year parts, or months without hours. */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
  return /[dyгд]/i.test(bare) || (/[mм]/i.test(bare) && !/[hsч]/i.test(bare));
}

/** For each cell style index (a cell's s="…"), whether it formats numbers as dates. */
function dateStyles(xml: string | null): boolean[] {
  if (!xml) return [];
  const customDates = new Map<number, boolean>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  for (const event of xmlEvents(xml)) {
    if (isEnd(event, 'cellXfs')) {
      inCellXfs = false;
    } else if (isStart(event, 'numFmt')) {
      customDates.set(Number(event.attributes.numFmtId), isDateFormatCode(event.attributes.formatCode ?? ''));
    } else if (isStart(event, 'cellXfs')) {
      inCellXfs = !event.selfClosing;
    } else if (inCellXfs && isStart(event, 'xf')) {
      const id = Number(event.attributes.numFmtId ?? 0);
      styles.push(customDates.get(id) ?? builtInDateFormats.has(id));
    }
  }
  return styles;
}

/** «AB12» → 27 (0-based column); null without letters. */
export function columnIndex(reference: string): number | null {
  const letters = /^[A-Z]+/i.exec(reference)?.[0];
  if (!letters) return null;
  let index = 0;
  for (const letter of letters.toUpperCase()) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

/** 0 → «A», 27 → «AB». */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function formatNumber(raw: string): string {
  const value = Number(raw);
  if (!Number.isFinite(value)) return raw.trim();
  // Floating noise from Excel («2013.0000000001») is not what anyone typed.
  return String(Number.isInteger(value) ? value : Number.parseFloat(value.toPrecision(15)));
}

interface Context {
  strings: string[];
  dates: boolean[];
  date1904: boolean;
}

/** `type` is the cell's t="…": none (or any other) for a number. */
function cellValue(type: string | undefined, style: number, raw: string, inline: string, context: Context): string {
  switch (type) {
    case 's':
      return context.strings[Number(raw)] ?? '';
    case 'inlineStr':
      return inline;
    case 'str':
      return unescapeOoxml(raw);
    case 'b':
      return raw.trim() === '1' ? 'TRUE' : 'FALSE';
    case 'e':
      return '';
    case 'd':
      return raw.trim().slice(0, 10);
    default: {
      if (raw.trim() === '') return '';
      if (context.dates[style]) return excelSerialToIsoDate(Number(raw), context.date1904) ?? formatNumber(raw);
      return formatNumber(raw);
    }
  }
}

/** Puts `value` in column `column`, with empty cells before it where the row held none. */
function setCell(cells: string[], column: number, value: string): void {
  // Stryker disable next-line EqualityOperator: padding through `column` too comes to the same, as its cell is written next
  while (cells.length < column) cells.push('');
  cells[column] = value;
}

/**
 * Merged cells keep their value in the top-left cell only. A vertical merge (a class written once
 * beside all its pupils) is filled down its first column; horizontal merges (title lines, grouped
 * headers) are left alone so a title is not read as many columns.
 */
function fillMerges(rows: GridRow[], merges: string[]): void {
  const byLine = new Map(rows.map((row) => [row.line, row]));
  for (const merge of merges) {
    // A mergeCell's ref is a bare range (ST_Ref, «B2:C6»): nothing stands around it, the anchors only say so.
    // Stryker disable next-line Regex: without either anchor the same refs match, as said above
    const match = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/i.exec(merge);
    if (!match) continue;
    // The pattern has letters, so there is a column. A horizontal merge (bottom = top) fills nothing
    // below, and a column past maxColumns was never read: no value to fill.
    const column = columnIndex(match[1] as string) as number;
    const top = Number(match[2]);
    const bottom = Number(match[4]);
    const value = byLine.get(top)?.cells[column];
    if (!value) continue;
    for (let line = top + 1; line <= bottom; line++) {
      const row = byLine.get(line);
      if (!row) continue;
      if (!row.cells[column]) setCell(row.cells, column, value);
    }
  }
}

function readSheetXml(xml: string, name: string, context: Context, maxRows: number): SheetGrid {
  const rows: GridRow[] = [];
  // Stryker disable next-line ArrayDeclaration: a ref that is no range fills nothing, so a stray one here changes nothing
  const merges: string[] = [];
  let truncated = false;
  let row: GridRow | null = null;
  let lastLine = 0;
  let nextColumn = 0;
  let cell: { column: number; type: string | undefined; style: number; raw: string; inline: string } | null = null;
  let inValue = false;
  const events = xmlEvents(xml);
  for (let next = events.next(); !next.done; next = events.next()) {
    const event = next.value;
    if (event.kind === 'open') {
      switch (event.name) {
        case 'row': {
          lastLine = Number(event.attributes.r) || lastLine + 1;
          // A row is kept once it holds a value: formatted empty rows (thousands, where someone drew
          // borders down the sheet) hold nobody and count for nothing.
          row = event.selfClosing ? null : { line: lastLine, cells: [] };
          nextColumn = 0;
          break;
        }
        case 'c': {
          const column = event.attributes.r ? (columnIndex(event.attributes.r) ?? nextColumn) : nextColumn;
          nextColumn = column + 1;
          // A self-closing <c/> holds nothing: it is never closed, and the next <c> replaces it.
          cell = { column, type: event.attributes.t, style: Number(event.attributes.s ?? 0), raw: '', inline: '' };
          break;
        }
        case 'v':
          inValue = !event.selfClosing;
          break;
        case 'is':
          if (cell && !event.selfClosing) cell.inline = readStringItem(events, 'is');
          break;
        case 'mergeCell':
          // Stryker disable next-line ConditionalExpression: a missing ref, pushed, is no range and fills nothing either
          if (event.attributes.ref) merges.push(event.attributes.ref);
          break;
      }
    } else if (event.kind === 'close') {
      if (event.name === 'v') inValue = false;
      else if (event.name === 'c' && cell) {
        const value = row && cell.column < maxColumns ? cellValue(cell.type, cell.style, cell.raw, cell.inline, context) : '';
        if (row && value) {
          if (row.cells.length === 0) {
            if (rows.length === maxRows) {
              truncated = true;
              break;
            }
            rows.push(row);
          }
          setCell(row.cells, cell.column, value);
        }
        cell = null;
      }
    } else if (inValue && cell) {
      cell.raw += event.text;
    }
  }
  // Merges are listed after the cells: a truncated read stopped before them, and fills none.
  fillMerges(rows, merges);
  return { name, rows, truncated };
}

export function openXlsx(bytes: Uint8Array): OpenedXlsx {
  try {
    // The package's relationships name the workbook, whatever its part is called («xl/workbook.xml»
    // by Excel, anything at all by other writers); only without them is xl/workbook.xml assumed.
    const packageRels = unzipParts(bytes, (name) => name.toLowerCase() === '_rels/.rels');
    const packageRelsXml = part(packageRels, '_rels/.rels');
    // Stryker disable next-line StringLiteral: they resolve from the package's root, the folder of any name without a «/»
    const root = relationships(packageRelsXml, '');
    const workbookPath = root.find((rel) => rel.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
    const wanted = new Set([workbookPath, relsPathOf(workbookPath)].map((path) => path.toLowerCase()));
    const meta = unzipParts(bytes, (name) => wanted.has(name.toLowerCase()));
    const workbookXml = part(meta, workbookPath);
    if (!workbookXml) return { ok: false, detail: 'no workbook' };
    const workbookRels = relationships(part(meta, relsPathOf(workbookPath)), workbookPath);
    const sheets: { name: string; path: string }[] = [];
    let date1904 = false;
    for (const event of xmlEvents(workbookXml)) {
      if (isStart(event, 'workbookPr')) date1904 = event.attributes.date1904 === '1' || event.attributes.date1904 === 'true';
      else if (isStart(event, 'sheet')) {
        const relId = Object.entries(event.attributes).find(([key]) => key.endsWith(':id'))?.[1];
        const rel = workbookRels.find((candidate) => candidate.id === relId);
        // Chart sheets and dialog sheets have no cells.
        if (rel?.type.endsWith('/worksheet')) sheets.push({ name: event.attributes.name ?? '', path: rel.target });
      }
    }
    if (sheets.length === 0) return { ok: false, detail: 'no worksheets' };
    const byType = (suffix: string, fallback: string) => workbookRels.find((rel) => rel.type.endsWith(suffix))?.target ?? fallback;
    const extra = unzipParts(bytes, (name) => {
      const lower = name.toLowerCase();
      return (
        lower === byType('/sharedStrings', 'xl/sharedStrings.xml').toLowerCase() ||
        lower === byType('/styles', 'xl/styles.xml').toLowerCase()
      );
    });
    const context: Context = {
      strings: sharedStrings(part(extra, byType('/sharedStrings', 'xl/sharedStrings.xml'))),
      dates: dateStyles(part(extra, byType('/styles', 'xl/styles.xml'))),
      date1904,
    };
    return {
      ok: true,
      book: {
        sheetNames: sheets.map((sheet) => sheet.name),
        readSheet(index, maxRows) {
          const sheet = sheets[index];
          if (!sheet) return { name: '', rows: [], truncated: false };
          const parts = unzipParts(bytes, (name) => name.toLowerCase() === sheet.path.toLowerCase());
          const xml = part(parts, sheet.path);
          return xml ? readSheetXml(xml, sheet.name, context, maxRows) : { name: sheet.name, rows: [], truncated: false };
        },
      },
    };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}
