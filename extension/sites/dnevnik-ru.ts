// Дневник.ру (schools.dnevnik.ru): the teacher's classic journal, server-rendered ASP.NET pages
// reloaded per period and subject. Structure from a public scraper (TechnoStrife/marks, see
// tests/fixtures/pages/reference/dnevnik-ru.html): names are links carrying ?student= in the first
// table; the heading's <h3> names the year and the class.
import { classNameIn } from '../../shared/names.ts';
import { textOf } from './dom.ts';
import type { PersonOnPage, SiteAdapter } from './types.ts';

/**
 * The classic journal (and its other views under /journals/).
 * @example https://schools.dnevnik.ru/journals/journalclassical.aspx?view=subject&school=1000001234567&group=1000009876543&subject=1000005555555&period=1000004444444&year=2024
 * @example https://schools.dnevnik.ru/journals/journalclassical.aspx?school=1&group=2
 */
export function isClassicJournal(url: URL): boolean {
  return /(^|\.)dnevnik\.ru$/.test(url.hostname) && /^\/journals\/journal\w*\.aspx$/i.test(url.pathname);
}

export const selectors = {
  /** A pupil's name: 8 in reference/dnevnik-ru.html, 9 in dnevnik-ru.html. */
  studentLink: 'table a[href*="student="]',
  /** «2024/2025 учебный год, 7А»: the class the journal is for (1 in each fixture). */
  heading: '.header_journal h3',
} as const;

export const dnevnikRu: SiteAdapter = {
  id: 'dnevnik-ru',
  matches: ['https://*.dnevnik.ru/*'],
  listsEveryone: true,
  isPeoplePage: isClassicJournal,
  examples: [
    'https://schools.dnevnik.ru/journals/journalclassical.aspx?view=subject&school=1000001234567&group=1000009876543&subject=1000005555555&period=1000004444444&year=2024',
    'https://schools.dnevnik.ru/journals/journalclassical.aspx?school=1&group=2',
  ],
  counterExamples: [
    'https://schools.dnevnik.ru/',
    'https://schools.dnevnik.ru/user/user.aspx?user=1000000200001',
    'https://dnevnik.ru/feed',
  ],
  findPeople(document) {
    const heading = document.querySelector(selectors.heading)?.textContent ?? document.title;
    const className = classNameIn(heading);
    const people: PersonOnPage[] = [];
    for (const link of document.querySelectorAll(selectors.studentLink)) {
      const name = textOf(link);
      if (!name) continue;
      const id = /[?&]student=(\d+)/.exec(link.getAttribute('href') ?? '')?.[1];
      people.push({ anchor: link, name, externalId: id ? { system: 'dnevnik-ru', id } : null, className, listKind: 'pupils' });
    }
    return people;
  },
};
