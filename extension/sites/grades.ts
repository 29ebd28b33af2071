// Evaluated results from the e-journal (monitoring stage 2): a pupil's grades and attendance, read
// from the journal page's row (or grid line) of their name — only when the teacher asks for it (a
// click), never in the background. A reader gives the pupil's lessons, each with the date its
// column's header prints; the teacher's period (from–to) then picks the lessons that count, and
// what they give becomes an outcome's «before» or «after» (metric keys `grade_average` and
// `attendance_share`). Kept apart from the adapters' name readers: a reader here gets the element
// the adapter found the name in.
//
// Which sites have a reader, and why the others have none:
// - Дневник.ру (classic journal), Сетевой город, ЭлЖур, МЭШ, edu.tatar.ru: their fixture pages
//   (tests/fixtures/pages, each with its sources and what is unconfirmed) show lesson columns headed
//   by dates and marks 1–5 with «Н» for an absence; grades.test.ts checks a reader on each. How sure
//   each is (from the fixtures' headers):
//   · Дневник.ру: confirmed by a public scraper — header cells `day_{period}_{month}_{day}`, a cell
//     per lesson holding presence («Н») and marks («5/4», «4-»); the /v2/ journals' markup is unknown.
//   · edu.tatar.ru: confirmed by public scrapers — thead rows of months, day numbers and lesson kinds;
//     marks in cells[2:-2], the average and the term mark last (no date: not counted).
//   · МЭШ: the rows' markCell hooks and the final/average cells are confirmed; the header row's hooks
//     and its «02.12» text are not (a date in any header text is what counts).
//   · Сетевой город: the names table and the marks table .journal-total aligned row by row are
//     confirmed (the app's layout script); the marks cells and the month/day header rows are guessed.
//   · ЭлЖур: the div grid (.cell[name] per row label, .cell-data) is confirmed on the pupil's page;
//     that the teacher's journal labels its rows with pupils the same way, and its header cells, are guessed.
// - Moodle's grader report shows points per assignment (8,00 / 9,50), not marks 1–5, under headers
//   that are assignments, not dates: neither an average mark nor an attendance can be read from it.
// - Canvas: only its People page is known (no gradebook fixture, no public evidence of its markup).
// - Google Classroom's Grades page: no public code shows its markup (see its fixture's header); its
//   columns are assignments with points.
import { isOurBadge, textOf } from './dom.ts';

/** One lesson column of the pupil's line: its date (ISO; null when its header prints none), marks, absence. */
export interface JournalLesson {
  on: string | null;
  /** Marks 1–5 in the cell («5/4» is two, «4-» and «4+» count as 4). */
  grades: number[];
  absent: boolean;
}

/** What the lessons of a period give. */
export interface JournalRecord {
  /** Every grade (1–5) in the period, in column order. */
  grades: number[];
  /** The average grade, two decimals; null without any grade. */
  average: number | null;
  /** Lessons (dated columns) in the period. */
  lessons: number;
  /** Lessons marked absent («Н», «Б», «П», «УП»: any reason). */
  absences: number;
  /** The share of lessons attended, three decimals; null without lessons. */
  attendance: number | null;
}

/** Marks that mean the pupil was not at the lesson (Дневник.ру, МЭШ, Сетевой город, ЭлЖур). */
const absenceMarks = new Set(['н', 'нб', 'б', 'п', 'уп', 'ну', 'оп']);

/** The words a cell prints, our own marks left out. */
function cellTokens(cell: Element): string[] {
  const tokens: string[] = [];
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) tokens.push(...(child.textContent ?? '').split(/[\s/]+/).filter(Boolean));
      else if (child.nodeType === 1 && !isOurBadge(child)) walk(child);
    }
  };
  walk(cell);
  return tokens;
}

/** The marks and the absence a lesson's cell prints. */
export function cellLesson(cell: Element, on: string | null): JournalLesson {
  const tokens = cellTokens(cell);
  const grades = tokens.flatMap((token) => {
    const mark = /^([1-5])[+-]?$/.exec(token)?.[1];
    return mark ? [Number(mark)] : [];
  });
  return { on, grades, absent: tokens.some((token) => absenceMarks.has(token.toLowerCase())) };
}

// ---------------------------------------------------------------------------------------------
// The dates column headers print: «12.09», «12.09.2026», «12 сен», «12 сентября», a day under a
// month row («Ноябрь» over «11», «Пн 12»), Дневник.ру's cell id `day_{period}_{month}_{day}`.

const monthStems: readonly RegExp[] = [/^янв/, /^фев/, /^мар/, /^апр/, /^ма[йя]$/, /^июн/, /^июл/, /^авг/, /^сен/, /^окт/, /^ноя/, /^дек/];

/** The first calendar year of the school year a date falls in (September to August). */
export function schoolYearOf(isoDay: string): number {
  const [year, month] = isoDay.split('-').map(Number) as [number, number];
  return month >= 9 ? year : year - 1;
}

function isoDay(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The day a column's header texts (top row first) name, in the school year starting in
 * September of `schoolYear`; null when they name no day and month (a final mark, an average).
 */
export function headerDate(parts: readonly string[], schoolYear: number): string | null {
  const text = parts.join(' ').toLowerCase();
  const inYear = (month: number) => (month >= 9 ? schoolYear : schoolYear + 1);
  const numeric = /(?:^|[^\d,])(\d{1,2})\.(\d{1,2})(?:\.(\d{4}|\d{2}))?(?![\d,])/.exec(text);
  if (numeric) {
    const [day, month] = [Number(numeric[1]), Number(numeric[2])];
    const year = numeric[3] ? Number(numeric[3].length === 2 ? `20${numeric[3]}` : numeric[3]) : inYear(month);
    return isoDay(year, month, day);
  }
  const words = text.split(/[^\p{L}\d]+/u).filter(Boolean);
  const monthIndex = words.map((word) => monthStems.findIndex((stem) => stem.test(word))).find((index) => index >= 0);
  const day = words.find((word) => /^\d{1,2}$/.test(word));
  if (monthIndex === undefined || day === undefined) return null;
  return isoDay(inYear(monthIndex + 1), monthIndex + 1, Number(day));
}

/** Дневник.ру's date header cells carry the month and the day in their id (`day_2_11_13`: 13 November). */
function headerParts(cell: Element): string[] {
  const fromId = /^day_\d+_(\d{1,2})_(\d{1,2})$/.exec(cell.id);
  return fromId ? [`${fromId[2]}.${fromId[1]}`] : [textOf(cell)];
}

/** An element's children of one tag. */
const childrenOf = (element: Element, tag: string) => [...element.children].filter((child) => child.tagName.toUpperCase() === tag);

/** A table row's cells by the column each starts at (colspans counted). */
function cellsByColumn(row: Element): Map<number, Element> {
  const columns = new Map<number, Element>();
  let column = 0;
  for (const cell of row.children) {
    if (!/^t[dh]$/i.test(cell.tagName)) continue;
    columns.set(column, cell);
    column += Math.max(1, Number(cell.getAttribute('colspan')) || 1);
  }
  return columns;
}

/** Each column's date, from every header row of the table (a month row over a day row included). */
function columnDates(table: Element, schoolYear: number): Map<number, string | null> {
  const parts = new Map<number, string[]>();
  const headerRows = childrenOf(table, 'THEAD').flatMap((head) => childrenOf(head, 'TR'));
  for (const row of headerRows) {
    let column = 0;
    for (const cell of row.children) {
      const span = Math.max(1, Number(cell.getAttribute('colspan')) || 1);
      for (let i = column; i < column + span; i += 1) parts.set(i, [...(parts.get(i) ?? []), ...headerParts(cell)]);
      column += span;
    }
  }
  return new Map([...parts].map(([column, texts]) => [column, headerDate(texts, schoolYear)]));
}

/** The lessons of a table row: every cell after `after` (the name's column) under a header column. */
function rowLessons(table: Element, row: Element, after: number, schoolYear: number): JournalLesson[] {
  const dates = columnDates(table, schoolYear);
  return [...cellsByColumn(row)].filter(([column]) => column > after).map(([column, cell]) => cellLesson(cell, dates.get(column) ?? null));
}

/** The row of a journal whose name column is in the same table as the marks (Дневник.ру, МЭШ, edu.tatar.ru). */
function sameRowLessons(nameElement: Element, schoolYear: number): JournalLesson[] | null {
  const row = nameElement.closest('tr');
  const nameCell = nameElement.closest('td, th');
  const table = row?.closest('table');
  if (!row || !nameCell || !table) return null;
  const nameColumn = [...cellsByColumn(row)].find(([, cell]) => cell === nameCell)?.[0] ?? 0;
  return rowLessons(table, row, nameColumn, schoolYear);
}

/**
 * Сетевой город: the names in table.journal-student, the marks in table.journal-total (a month row
 * over a day row), their body rows line up one to one (the app's own layout script aligns them).
 */
function netschoolLessons(nameElement: Element, schoolYear: number): JournalLesson[] | null {
  const row = nameElement.closest('tr');
  const container = nameElement.closest('#journal-container') ?? nameElement.ownerDocument;
  const names = [...container.querySelectorAll('table.journal-student tr.journal-row')];
  const marks = container.querySelector('table.journal-total');
  const index = row ? names.indexOf(row) : -1;
  const marksRow = marks ? childrenOf(marks, 'TBODY').flatMap((body) => childrenOf(body, 'TR'))[index] : undefined;
  if (!marks || index < 0 || !marksRow) return null;
  return rowLessons(marks, marksRow, -1, schoolYear);
}

/**
 * ЭлЖур: a grid of divs, the fixed column [xls="hcolumn"] of names, then one .column per lesson
 * with a header cell and a .cell[name] per pupil (the name repeated in `name`).
 */
function eljurLessons(nameElement: Element, schoolYear: number): JournalLesson[] | null {
  const nameCell = nameElement.closest('.cell[name]');
  const fixed = nameCell?.closest('[xls="hcolumn"]');
  const grid = fixed?.parentElement;
  const name = nameCell?.getAttribute('name');
  if (!nameCell || !fixed || !grid || !name) return null;
  // Two pupils of the same name: the n-th of them in the names is the n-th in each column.
  const sameName = (cell: Element) => !cell.classList.contains('header') && cell.getAttribute('name') === name;
  const nth = [...fixed.querySelectorAll('.cell[name]')].filter(sameName).indexOf(nameCell);
  return [...grid.querySelectorAll('[xls="column"], [data-grid-control="columns-body"] > .column')].flatMap((column) => {
    const header = column.querySelector('.cell.header');
    const cell = [...column.querySelectorAll('.cell[name]')].filter(sameName)[nth];
    return cell ? [cellLesson(cell, header ? headerDate(headerParts(header), schoolYear) : null)] : [];
  });
}

/** The text after the last separator of a heading («Журнал: 8Б — Физика» → «Физика»). */
const lastPart = (text: string | null | undefined, separator: RegExp) => text?.split(separator).at(-1)?.trim() || null;

/** The option a filter select shows. */
function selectedOption(document: Document, selector: string): string | null {
  const select = document.querySelector<HTMLSelectElement>(selector);
  const option = select?.selectedOptions?.[0] ?? select?.querySelector('option[selected]');
  return option?.textContent?.trim() || null;
}

const text = (document: Document, selector: string) => document.querySelector(selector)?.textContent?.trim() || null;

/** A journal's grades reader: the pupil's lessons, and the subject and the period the page shows. */
export interface GradeReader {
  /** The pupil's lessons on the page, in column order; null when the name is not in the journal's rows. */
  lessons(nameElement: Element, schoolYear: number): JournalLesson[] | null;
  subject(document: Document): string | null;
  period(document: Document): string | null;
  /** The school year the page names («2026/2027 учебный год»): its first year. */
  schoolYear?(document: Document): number | null;
}

/**
 * The journals whose rows a reader is checked on (grades.test.ts, a fixture page with grades each).
 * Any other site: «not supported for grades», with this list.
 */
export const gradeReaders: Readonly<Record<string, GradeReader>> = {
  'dnevnik-ru': {
    lessons: sameRowLessons,
    subject: (document) => text(document, '.header_journal h2'),
    period: (document) => text(document, '.period_list a.active'),
    schoolYear: (document) => Number(/(\d{4})\s*\/\s*\d{4}/.exec(text(document, '.header_journal h3') ?? '')?.[1]) || null,
  },
  netschool: {
    lessons: netschoolLessons,
    subject: (document) => selectedOption(document, 'select[name="SGID"]'),
    period: (document) => selectedOption(document, 'select[name="TERMID"]'),
  },
  // The heading («Журнал: 8Б — Физика») is guessed (see the fixture's header); the grid is not.
  eljur: {
    lessons: eljurLessons,
    subject: (document) => lastPart(text(document, 'h1, .page-title'), /\s[—–-]\s/),
    period: () => null,
  },
  // МЭШ: lesson columns are th[data-test-component^="scheduleLessonCell-"] printing «02.12»; the
  // final mark («II») and the average print no date and are not lessons.
  mesh: {
    lessons: sameRowLessons,
    subject: (document) => lastPart(text(document, 'h1'), /\s·\s/),
    period: () => null,
  },
  'edu-tatar': {
    lessons: sameRowLessons,
    subject: (document) =>
      lastPart(
        [...document.querySelectorAll('.line')].map((line) => line.textContent ?? '').find((line) => /^\s*Предмет:/.test(line)),
        /:/,
      ),
    period: () => null,
  },
};

/** The subject and the period a supported journal page shows, as it prints them (null where it does not). */
export function journalHeading(site: string, document: Document): { subject: string | null; period: string | null } {
  const reader = gradeReaders[site];
  const short = (value: string | null | undefined) => value?.replace(/\s+/g, ' ').trim().slice(0, 100) || null;
  return { subject: short(reader?.subject(document)), period: short(reader?.period(document)) };
}

/** The pupil's lessons on a supported page, dated in the page's school year (else the one `today` is in). */
export function journalLessons(site: string, nameElement: Element, today: string): JournalLesson[] | null {
  const reader = gradeReaders[site];
  if (!reader) return null;
  const schoolYear = reader.schoolYear?.(nameElement.ownerDocument) ?? schoolYearOf(today);
  return reader.lessons(nameElement, schoolYear);
}

/**
 * What the lessons of a period (both ends included) give; lessons whose header prints no date
 * (final marks, averages) never count. `outside`: dated lessons left out by the period.
 */
export function journalRecord(
  lessons: readonly JournalLesson[],
  period: { from: string; to: string },
): JournalRecord & { outside: number } {
  const counted = lessons.filter((lesson) => lesson.on !== null && lesson.on >= period.from && lesson.on <= period.to);
  const grades = counted.flatMap((lesson) => lesson.grades);
  const absences = counted.filter((lesson) => lesson.absent).length;
  const count = counted.length;
  return {
    grades,
    average: grades.length ? Math.round((grades.reduce((sum, g) => sum + g, 0) / grades.length) * 100) / 100 : null,
    lessons: count,
    absences,
    attendance: count ? Math.round(((count - absences) / count) * 1000) / 1000 : null,
    outside: lessons.filter((lesson) => lesson.on !== null).length - count,
  };
}

/** The outcomes a journal record gives, as «before» (at the start) or «after» (at the end) values. */
export function journalOutcomes(record: JournalRecord, when: 'before' | 'after', on: string, source: string) {
  const value = when === 'before' ? 'value_before' : 'value_after';
  const date = when === 'before' ? 'measured_before_on' : 'measured_after_on';
  return [
    { metric_key: 'grade_average', [value]: record.average, [date]: on, source },
    { metric_key: 'attendance_share', [value]: record.attendance, [date]: on, source },
  ].filter((outcome) => outcome[value] !== null);
}
