// edu.tatar.ru: the legacy Tatarstan journal (server-rendered, paginated with ?page=N). Tatarstan
// moved to an МЭШ-based «Моя школа» (ms-edu.tatar.ru, see mesh.ts) in 2024; this page remains for
// archives. Structure from public scrapers (tests/fixtures/pages/reference/edu-tatar.html): the
// full ФИО in td.fio, whose title starts with "login=NNNN".
import { classNameIn } from '../../shared/names.ts';
import { textOf } from './dom.ts';
import type { PersonOnPage, SiteAdapter } from './types.ts';

/**
 * The journal editor of a class and subject.
 * @example https://edu.tatar.ru/school/journal/school_editor?term=2&criteria=123456&edu_class_id=654321&show_moved_pupils=0&page=1
 * @example https://edu.tatar.ru/school/journal/school_editor?term=1&criteria=1&edu_class_id=2
 */
export function isJournalEditor(url: URL): boolean {
  return url.hostname === 'edu.tatar.ru' && /^\/school\/journal\/school_editor\/?$/.test(url.pathname);
}

export const selectors = {
  /** A pupil's ФИО: 8 in reference/edu-tatar.html, 8 in edu-tatar.html. */
  nameCell: 'table td.fio',
  /** The page names the class only in its title («Электронный журнал — Биология — 8Б»). */
  heading: 'h1, .line:first-child',
} as const;

/** The page names the class only in its title («Электронный журнал — Биология — 8Б»), or a heading. */
function pageClass(document: Document): string | null {
  return classNameIn(document.title) ?? classNameIn(document.querySelector(selectors.heading)?.textContent ?? '');
}

export const eduTatar: SiteAdapter = {
  id: 'edu-tatar',
  matches: ['https://edu.tatar.ru/*'],
  listsEveryone: true,
  isPeoplePage: isJournalEditor,
  pageClass,
  pageKind: () => 'journal',
  // The editor's table (its own classes are not in the scrapers): where it is, the names are.
  listContainer: () => 'table',
  examples: [
    'https://edu.tatar.ru/school/journal/school_editor?term=2&criteria=123456&edu_class_id=654321&show_moved_pupils=0&page=1',
    'https://edu.tatar.ru/school/journal/school_editor?term=1&criteria=1&edu_class_id=2',
  ],
  counterExamples: ['https://edu.tatar.ru/', 'https://edu.tatar.ru/user/diary/week', 'https://edu.tatar.ru/school/journal'],
  findPeople(document) {
    const className = pageClass(document);
    const people: PersonOnPage[] = [];
    for (const cell of document.querySelectorAll(selectors.nameCell)) {
      const name = textOf(cell);
      if (!name) continue;
      const id = /login=(\d+)/.exec(cell.getAttribute('title') ?? '')?.[1];
      const texts = [...cell.childNodes].filter((node) => node.nodeType === 3 && node.textContent?.trim());
      people.push({
        anchor: texts.at(-1) ?? cell,
        name,
        externalId: id ? { system: 'edu-tatar', id } : null,
        className,
        listKind: 'pupils',
      });
    }
    return people;
  },
};
