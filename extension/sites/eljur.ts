// ЭлЖур ({school}.eljur.ru): server-rendered pages with a jQuery div grid. Only the student view's
// grid is confirmed by a public bot (tests/fixtures/pages/reference/eljur.html, LOW confidence);
// for the teacher's journal we read the grid's fixed left column (data-grid-control="rows-header"),
// whose cells carry the row label in name="" as the confirmed mark cells do.
import { classNameIn } from '../../shared/names.ts';
import { textOf } from './dom.ts';
import type { PersonOnPage, SiteAdapter } from './types.ts';

/**
 * The journal of a class and subject.
 * @example https://school17.eljur.ru/journal-app/view.journal/
 * @example https://gym1.eljur.ru/journal-app/view.journal/class.10Б/subject.12
 */
export function isJournal(url: URL): boolean {
  return /(^|\.)eljur\.ru$/.test(url.hostname) && /^\/journal-app\/view\.journal(\/|$)/.test(url.pathname);
}

export const selectors = {
  /** A pupil in the fixed left column: 8 in reference/eljur.html, 8 in eljur.html (4 more in a second group's grid). */
  nameCell: '[data-grid-control="rows-header"] .cell[name]:not(.header)',
  /** «Журнал: 5Б — Математика» (1 in each fixture). */
  title: 'h1.page-title, .page-title',
} as const;

export const eljur: SiteAdapter = {
  id: 'eljur',
  matches: ['https://*.eljur.ru/*'],
  listsEveryone: true,
  isPeoplePage: isJournal,
  examples: ['https://school17.eljur.ru/journal-app/view.journal/', 'https://gym1.eljur.ru/journal-app/view.journal/class.10Б/subject.12'],
  counterExamples: ['https://school17.eljur.ru/journal-app', 'https://school17.eljur.ru/journal-app/u.123/week.4'],
  findPeople(document) {
    const className = classNameIn(document.querySelector(selectors.title)?.textContent ?? document.title);
    const people: PersonOnPage[] = [];
    for (const cell of document.querySelectorAll(selectors.nameCell)) {
      const name = textOf(cell) || cell.getAttribute('name')?.trim();
      if (!name) continue;
      const texts = [...cell.childNodes].filter((node) => node.nodeType === 3 && node.textContent?.trim());
      people.push({ anchor: texts.at(-1) ?? cell, name, externalId: null, className, listKind: 'pupils' });
    }
    return people;
  },
};
