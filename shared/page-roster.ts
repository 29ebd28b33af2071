// A class list read off an e-journal page, as the CSV the roster import reads («Фамилия;Имя;
// Отчество;Класс»): the curator's «добавить класс в базу» (issue 6). Pages print display names, so
// each is split here; which word is the surname depends on the site (journals print «Фамилия Имя»,
// Moodle, Classroom and Canvas «Имя Фамилия»), a patronymic settles it whenever one is shown.
import { normalizeClassName } from './names.ts';

export type NameOrder = 'family-first' | 'given-first';

export interface SplitDisplayName {
  last_name: string;
  first_name: string;
  middle_name: string | null;
}

/** A person as the page shows them: the printed name and the class, when the page says. */
export interface PagePerson {
  name: string;
  className: string | null;
}

const patronymic = /(вич|вна|ична|инична)$/iu;
const turkicPatronymic = /^(оглы|кызы|улы|уулу|гызы)$/iu;

/**
 * «Иванов Иван Иванович», «Иван Иванович Иванов», «Иван Иванов» (given-first sites) as surname,
 * first name and patronymic; null when the text is not two to four words of letters.
 */
export function splitDisplayName(display: string, order: NameOrder = 'family-first'): SplitDisplayName | null {
  const words = display
    .replace(/\(.*?\)/g, ' ')
    .split(/[\s,]+/)
    .filter(Boolean);
  if (words.length < 2 || words.length > 4 || !words.every((word) => /^\p{L}[\p{L}'’.-]*$/u.test(word))) return null;
  // «Ахмед оглы» is one patronymic of two words.
  const parts: string[] = [];
  for (const word of words) {
    const previous = parts.at(-1);
    if (previous !== undefined && turkicPatronymic.test(word)) parts[parts.length - 1] = `${previous} ${word}`;
    else parts.push(word);
  }
  const isPatronymic = (part: string | undefined) => part !== undefined && (patronymic.test(part) || /\s/.test(part));
  if (parts.length === 3) {
    const [a = '', b = '', c = ''] = parts;
    if (isPatronymic(c)) return { last_name: a, first_name: b, middle_name: c };
    if (isPatronymic(b)) return { last_name: c, first_name: a, middle_name: b };
    return order === 'given-first' ? { last_name: c, first_name: a, middle_name: b } : { last_name: a, first_name: b, middle_name: c };
  }
  if (parts.length !== 2) return null;
  const [a = '', b = ''] = parts;
  return order === 'given-first' ? { last_name: b, first_name: a, middle_name: null } : { last_name: a, first_name: b, middle_name: null };
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
