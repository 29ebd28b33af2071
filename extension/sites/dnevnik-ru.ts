// Дневник.ру (schools.dnevnik.ru) and its sister deployments under the same code (Kundelik,
// schools.kundelik.kz; eMaktab, schools.emaktab.uz). Two generations of the teacher's journal:
// the classic server-rendered ASP.NET pages the 2019–20 scrapers read (names are links carrying
// ?student= in the journal's table, the class in the heading's <h3>), and since 2024 pages under
// /v2/journals/… whose markup no public code shows: there the adapter reads the same links where
// the page has them, and otherwise the overlay reads names in the text (sites/fallback.ts).
// Sources and what is unconfirmed: tests/fixtures/pages/reference/dnevnik-ru.html (issue 17).
import { classInHeadings, nameAt } from './dom.ts';
import type { PersonOnPage, SiteAdapter } from './types.ts';

/** The deployments: Russia, Kazakhstan, Uzbekistan. */
const domains = ['dnevnik.ru', 'kundelik.kz', 'emaktab.uz'] as const;

const onDeployment = (url: URL) => domains.some((domain) => url.hostname === domain || url.hostname.endsWith(`.${domain}`));

/**
 * The /v2/ journals (2024 on), everywhere but the lesson-plan import.
 * @example https://schools.dnevnik.ru/v2/journals/journal?group=1000009876543&subject=1000005555555
 * @example https://schools.kundelik.kz/v2/journals/group/1000009876543
 * @example https://schools.emaktab.uz/v2/journals/
 */
export function isJournalV2(url: URL): boolean {
  return onDeployment(url) && /^\/v2\/journals(\/|$)/.test(url.pathname) && !/^\/v2\/journals\/planning(\/|$)/.test(url.pathname);
}

/**
 * The classic journal (and its other views under /journals/). TODO(2027-09-01): the classic pages
 * may close when every school is on /v2/ — drop this when no report names them.
 * @example https://schools.dnevnik.ru/journals/journalclassical.aspx?view=subject&school=1000001234567&group=1000009876543&subject=1000005555555&period=1000004444444&year=2024
 * @example https://schools.dnevnik.ru/journals/journalclassical.aspx?school=1&group=2
 */
export function isClassicJournal(url: URL): boolean {
  return onDeployment(url) && /^\/journals\/journal\w*\.aspx$/i.test(url.pathname);
}

export const selectors = {
  /** A pupil's name, in the classic table and on /v2/ pages that link pupils the same way: 8 in reference/dnevnik-ru.html, 9 in dnevnik-ru.html. */
  studentLink: 'a[href*="student="]',
  /** «2024/2025 учебный год, 7А»: the class the journal is for (1 in each fixture). */
  heading: '.header_journal h3, h1, h2, h3',
  /** The classic journal's heading block: where it is, the table of pupils is too. */
  classicContainer: '.header_journal',
} as const;

/** «2024/2025 учебный год, 7А» in the classic heading, «Журнал · 10Б · Физика» elsewhere, else the title. */
const pageClass = (document: Document) => classInHeadings(document, selectors.heading);

export const dnevnikRu: SiteAdapter = {
  id: 'dnevnik-ru',
  matches: domains.map((domain) => `https://*.${domain}/*`),
  listsEveryone: true,
  isPeoplePage: (url) => isClassicJournal(url) || isJournalV2(url),
  pageClass,
  pageKind: (url) => (isJournalV2(url) ? 'journal-v2' : 'journal'),
  // Only the classic journal's container is known; /v2/ pages fall back without a report.
  listContainer: (url) => (isClassicJournal(url) ? selectors.classicContainer : null),
  examples: [
    'https://schools.dnevnik.ru/journals/journalclassical.aspx?view=subject&school=1000001234567&group=1000009876543&subject=1000005555555&period=1000004444444&year=2024',
    'https://schools.dnevnik.ru/journals/journalclassical.aspx?school=1&group=2',
    'https://schools.dnevnik.ru/v2/journals/journal?group=1000009876543&subject=1000005555555',
    'https://schools.kundelik.kz/v2/journals/group/1000009876543',
    'https://schools.emaktab.uz/v2/journals/',
  ],
  counterExamples: [
    'https://schools.dnevnik.ru/',
    'https://schools.dnevnik.ru/user/user.aspx?user=1000000200001',
    'https://dnevnik.ru/feed',
    'https://schools.emaktab.uz/v2/journals/planning/import',
  ],
  findPeople(document) {
    const className = pageClass(document);
    const people: PersonOnPage[] = [];
    for (const link of document.querySelectorAll(selectors.studentLink)) {
      const found = nameAt(link);
      if (!found || !/\s/.test(found.name)) continue;
      const id = /[?&]student=(\d+)/.exec(link.getAttribute('href') ?? '')?.[1];
      people.push({ ...found, externalId: id ? { system: 'dnevnik-ru', id } : null, className, listKind: 'pupils' });
    }
    return people;
  },
};
