// CSV text to a grid of cells, RFC 4180 and what Excel writes: fields in double quotes may hold
// the delimiter, line breaks and doubled quotes; a quote inside an unquoted field is just a
// character. The delimiter is whichever of «;» (Russian Excel's default), «,» or tab splits the
// first records most consistently; Excel's «sep=;» first line names it outright.

export type Delimiter = ';' | ',' | '\t';
const delimiters: readonly Delimiter[] = [';', ',', '\t'];

/** The records of `text`; every record is an array of cells, blank lines are [''] (they are rows too). */
export function parseCsv(text: string, delimiter: Delimiter, maxRecords = Number.POSITIVE_INFINITY): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  const n = text.length;
  let quotedField = false;
  while (i < n && records.length < maxRecords) {
    const char = text[i];
    if (char === '"' && field === '' && !quotedField) {
      // A quoted field: read to the closing quote, "" is one quote.
      quotedField = true;
      i++;
      while (i < n) {
        const c = text[i];
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += c;
        i++;
      }
      continue;
    }
    if (char === delimiter) {
      record.push(field);
      field = '';
      quotedField = false;
      i++;
      continue;
    }
    if (char === '\r' || char === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      quotedField = false;
      i += char === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += char;
    i++;
  }
  // A loop stopped by maxRecords has just ended a record: nothing is left over then.
  if (field !== '' || record.length > 0 || quotedField) {
    record.push(field);
    records.push(record);
  }
  return records;
}

function isDelimiter(char: string | undefined): char is Delimiter {
  return (delimiters as readonly (string | undefined)[]).includes(char);
}

/** Excel's «sep=;» directive on the first line, if any, and the text after it. */
function sepDirective(text: string): { delimiter: Delimiter; rest: string } | null {
  // The delimiter is one character, or «\t» written out as two (as Excel writes a tab there).
  const match = /^"?sep=(\\t|.)"?\r?\n/i.exec(text);
  if (!match) return null;
  const char = match[1] === '\\t' ? '\t' : match[1];
  return isDelimiter(char) ? { delimiter: char, rest: text.slice(match[0].length) } : null;
}

/**
 * The delimiter that gives the most records with the same number of cells (more than one), the
 * larger number of cells on a tie; «;» when nothing is split at all (a single-column list).
 */
export function detectDelimiter(text: string): Delimiter {
  let best: { delimiter: Delimiter; consistent: number; width: number } = { delimiter: ';', consistent: 0, width: 1 };
  for (const delimiter of delimiters) {
    const records = parseCsv(text.slice(0, 64 * 1024), delimiter, 40).filter((record) => record.some((cell) => cell.trim() !== ''));
    const widths = new Map<number, number>();
    for (const record of records) widths.set(record.length, (widths.get(record.length) ?? 0) + 1);
    for (const [width, count] of widths) {
      if (width < 2) continue;
      if (count > best.consistent || (count === best.consistent && width > best.width)) best = { delimiter, consistent: count, width };
    }
  }
  return best.delimiter;
}

export interface CsvGrid {
  rows: string[][];
  delimiter: Delimiter;
}

export function readCsv(text: string): CsvGrid {
  const sep = sepDirective(text);
  if (sep) return { rows: parseCsv(sep.rest, sep.delimiter), delimiter: sep.delimiter };
  const delimiter = detectDelimiter(text);
  return { rows: parseCsv(text, delimiter), delimiter };
}
