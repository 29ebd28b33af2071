// Evaluated results from the e-journal (monitoring stage 2): a pupil's grades and attendance for the
// period a journal page shows, read from the row beside their name — only when the teacher asks for
// it (a click), never in the background. What is read becomes an outcome's «before» or «after»
// (metric keys `grade_average` and `attendance_share`). Kept apart from the adapters' name readers
// (issue 17 rebuilds those): a reader here gets the element the adapter found the name in.
import { isOurBadge } from './dom.ts';

/** What a row of a class journal says about one pupil for the period shown. */
export interface JournalRecord {
  /** Every grade (1–5) in the period, in column order. */
  grades: number[];
  /** The average grade, two decimals; null without any grade. */
  average: number | null;
  /** Lessons (date columns) in the period. */
  lessons: number;
  /** Lessons marked absent («Н», «Б», «П», «УП»: any reason). */
  absences: number;
  /** The share of lessons attended, three decimals; null without lessons. */
  attendance: number | null;
}

/** Marks that mean the pupil was not at the lesson (Дневник.ру, МЭШ, Сетевой город, ЭлЖур). */
const absenceMarks = new Set(['н', 'нб', 'б', 'п', 'уп', 'ну', 'оп']);

/** The cell texts of a journal row, our own marks left out. */
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

/**
 * The grades and attendance in the table row of `nameElement` (the pupil's name as the adapter
 * found it): every cell after the name's is a lesson; digits 1–5 are grades, absence marks count
 * as missed lessons. Null when the name is not in a table row.
 */
export function journalRecordOf(nameElement: Element): JournalRecord | null {
  const row = nameElement.closest('tr');
  const nameCell = nameElement.closest('td, th');
  if (!row || !nameCell) return null;
  const cells = [...row.children];
  const lessonsCells = cells.slice(cells.indexOf(nameCell) + 1);
  const grades: number[] = [];
  let absences = 0;
  for (const cell of lessonsCells) {
    const tokens = cellTokens(cell);
    for (const token of tokens) if (/^[1-5]$/.test(token)) grades.push(Number(token));
    if (tokens.some((token) => absenceMarks.has(token.toLowerCase()))) absences += 1;
  }
  const lessons = lessonsCells.length;
  return {
    grades,
    average: grades.length ? Math.round((grades.reduce((sum, g) => sum + g, 0) / grades.length) * 100) / 100 : null,
    lessons,
    absences,
    attendance: lessons ? Math.round(((lessons - absences) / lessons) * 1000) / 1000 : null,
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

/**
 * The journals whose rows this reader is checked on (grades.test.ts, a fixture page with grades
 * each), and where their page names the subject and the period shown. Any other site: «not
 * supported for grades», with this list.
 */
export const gradeReaders: Readonly<Record<string, { subject: string; period: string }>> = {
  'dnevnik-ru': { subject: '.header_journal h2', period: '.period_list a.active' },
};

/** The subject and the period a supported journal page shows, as it prints them (null where it does not). */
export function journalHeading(site: string, document: Document): { subject: string | null; period: string | null } {
  const selectors = gradeReaders[site];
  const text = (selector: string | undefined) => (selector && document.querySelector(selector)?.textContent?.trim().slice(0, 100)) || null;
  return { subject: text(selectors?.subject), period: text(selectors?.period) };
}
