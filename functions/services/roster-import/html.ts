// Class lists the journals export as web pages or JSON rather than spreadsheets (issue 17):
// Дневник.ру's report «people-students» (reports/default.aspx?report=people-students) is a paged HTML
// table, some «.xls» downloads are HTML tables under that name, and Сетевой город's
// /webapi/grade/studentList?classId= answers [{id, fullName}]. Each becomes rows of cells, as a
// CSV would; the header search and the row checks are the same for every format.
import type { GridRow } from './xlsx.ts';

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** A cell's text: tags out, <br> as a space, entities decoded, whitespace folded. */
function cellText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));/gi, (whole, hex?: string, decimal?: string, name?: string) => {
      if (name !== undefined) return entities[name.toLowerCase()] ?? whole;
      const code = hex === undefined ? Number(decimal) : Number.parseInt(hex, 16);
      // A number past Unicode («&#99999999;») stays as written rather than failing the whole page.
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether a text is a web page with a table (rather than a CSV that mentions one). */
export function isHtmlTable(text: string): boolean {
  return /^\s*<(!doctype|html|head|body|table|meta|style)/i.test(text) && /<table[\s>]/i.test(text);
}

/** Every row of every table in the page, in order, its cells (th and td) as text; line numbers count rows. */
export function htmlTableRows(text: string): GridRow[] {
  const body = text.replace(/<!--[\s\S]*?-->/g, '').replace(/<(script|style)[\s\S]*?<\/\1\s*>/gi, '');
  const rows: GridRow[] = [];
  for (const row of body.matchAll(/<tr[\s>][\s\S]*?(?=<tr[\s>]|<\/table|$)/gi)) {
    const cells = [...row[0].matchAll(/<t[dh][^>]*>([\s\S]*?)(?=<t[dh][\s>]|<\/tr|$)/gi)].map((cell) => cellText(cell[1] as string));
    rows.push({ line: rows.length + 1, cells });
  }
  return rows;
}

/**
 * A JSON list of people ([{id, fullName}] from Сетевой город, or any objects with name fields) as a
 * header row of the keys and one row per object; null when it is not a list of objects (a CSV is
 * none: JSON.parse stops at its first character that is not JSON).
 */
export function jsonListRows(text: string): GridRow[] | null {
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: parsed stays null, which is no list.
  }
  if (!Array.isArray(parsed) || !parsed.every((item) => typeof item === 'object' && item !== null && !Array.isArray(item))) return null;
  const keys = [...new Set(parsed.flatMap((item) => Object.keys(item as object)))];
  // Сетевой город's fullName is the ФИО column; its id is the site's own, not a column we read.
  const header = keys.map((key) => (/^full_?name$/i.test(key) ? 'ФИО' : key));
  const rows = parsed.map((item, index) => ({
    line: index + 2,
    cells: keys.map((key) => {
      const value = (item as Record<string, unknown>)[key];
      return value === null || value === undefined ? '' : String(value);
    }),
  }));
  return [{ line: 1, cells: header }, ...rows];
}
