// A class list read off an e-journal page, as the rows the roster import takes: the curator's
// «добавить класс в базу» (issue 6). Pages print display names, so
// each is split here; which word is the surname depends on the site (journals print «Фамилия Имя»,
// Moodle, Classroom and Canvas «Имя Фамилия»), a patronymic settles it whenever one is shown.
import type { RosterRowInput } from './api/roster-import.ts';
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
// Stryker disable next-line StringLiteral: any order but 'given-first' reads the family name first, so the default's text changes nothing
export function splitDisplayName(display: string, order: NameOrder = 'family-first'): SplitName | null {
  const split = splitName(display, order);
  if (!split) return null;
  const parts = [split.last_name, split.first_name, split.middle_name];
  // Stryker disable next-line ConditionalExpression: equivalent, a missing patronymic read as the word «null» is plausible too.
  return parts.every((part) => part === null || isPlausibleNamePart(part)) ? split : null;
}

/** «10Б» from «10б», «10-Б», «10 «Б»»; the text as printed when it is not a class. */
function printedClass(className: string | null): string {
  if (!className) return '';
  const normal = normalizeClassName(className);
  return normal ? normal.toLocaleUpperCase('ru') : className.trim();
}

export interface PageRosterRows {
  /** One per distinct person, in the order the page shows them. */
  rows: RosterRowInput[];
  /** Names that could not be split (left out, shown to the curator). */
  skipped: string[];
}

/**
 * The people on a page as the rows the roster import takes (its second request shape), each person
 * once (a journal may show a name in two tables), in the order the page shows them.
 */
// Stryker disable next-line StringLiteral: any order but 'given-first' reads the family name first, so the default's text changes nothing
export function pageRosterRows(people: readonly PagePerson[], order: NameOrder = 'family-first'): PageRosterRows {
  const rows: RosterRowInput[] = [];
  const seen = new Set<string>();
  const skipped: string[] = [];
  for (const person of people) {
    const split = splitDisplayName(person.name, order);
    if (!split) {
      if (!skipped.includes(person.name)) skipped.push(person.name);
      continue;
    }
    const row = {
      last_name: split.last_name,
      first_name: split.first_name,
      middle_name: split.middle_name,
      class_name: printedClass(person.className) || null,
    };
    const key = [row.last_name, row.first_name, row.middle_name, row.class_name].join('|').toLocaleLowerCase('ru').replaceAll('ё', 'е');
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push(row);
  }
  return { rows, skipped };
}
