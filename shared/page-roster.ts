// A class list read off an e-journal page, as the CSV the roster import reads («Фамилия;Имя;
// Отчество;Класс»): the curator's «добавить класс в базу» (issue 6). Pages print display names, so
// each is split here; which word is the surname depends on the site (journals print «Фамилия Имя»,
// Moodle, Classroom and Canvas «Имя Фамилия»), a patronymic settles it whenever one is shown.
import { isPlausibleNamePart, type NameOrder, normalizeClassName, type SplitName, splitName } from './names.ts';

/** A person as the page shows them: the printed name and the class, when the page says. */
export interface PagePerson {
  name: string;
  className: string | null;
}

/**
 * A displayed name as surname, first name and patronymic (splitName), or null when the text is not
 * a name of two to four words of letters.
 */
export function splitDisplayName(display: string, order: NameOrder = 'family-first'): SplitName | null {
  const split = splitName(display, order);
  if (!split) return null;
  const parts = [split.last_name, split.first_name, split.middle_name ?? undefined];
  return parts.every((part) => part === undefined || isPlausibleNamePart(part)) ? split : null;
}

/** «10Б» from «10б», «10-Б», «10 «Б»»; the text as printed when it is not a class. */
function printedClass(className: string | null): string {
  if (!className) return '';
  const normal = normalizeClassName(className);
  return normal ? normal.toLocaleUpperCase('ru') : className.trim();
}

/** A CSV cell: quoted when it holds the delimiter, a quote or a line break. */
function cell(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export interface PageRosterCsv {
  csv: string;
  /** Rows written (one per distinct person). */
  rows: number;
  /** Names that could not be split (left out, shown to the curator). */
  skipped: string[];
}

/**
 * The people on a page as «Фамилия;Имя;Отчество;Класс» rows, each person once (a journal may show a
 * name in two tables), in the order the page shows them.
 */
export function pageRosterCsv(people: readonly PagePerson[], order: NameOrder = 'family-first'): PageRosterCsv {
  const lines = ['Фамилия;Имя;Отчество;Класс'];
  const seen = new Set<string>();
  const skipped: string[] = [];
  for (const person of people) {
    const split = splitDisplayName(person.name, order);
    if (!split) {
      if (!skipped.includes(person.name)) skipped.push(person.name);
      continue;
    }
    const line = [split.last_name, split.first_name, split.middle_name ?? '', printedClass(person.className)].map(cell).join(';');
    const key = line.toLocaleLowerCase('ru').replaceAll('ё', 'е');
    if (seen.has(key)) continue;
    seen.add(key);
    lines.push(line);
  }
  return { csv: `${lines.join('\r\n')}\r\n`, rows: lines.length - 1, skipped };
}

/** UTF-8 text as base64 (the API's content_base64), without Node's Buffer: content scripts have none. */
export function utf8ToBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
