// Google Classroom (classroom.google.com), a single-page app: every in-app page is a <c-wiz>
// appended to <body>, and old ones stay in the DOM, hidden. Selectors from a public roster tool
// (see tests/fixtures/pages/google-classroom-people.html); obfuscated classes rotate, so none used.
import type { PersonOnPage, SiteAdapter } from './types.ts';

const host = 'classroom.google.com';

/**
 * People: /r/{courseId}/sort-name (older: /sort-last-name, /sort-first-name), with an optional /u/{n}/ prefix.
 * @example https://classroom.google.com/r/NjQ2NTQ3MjY1NjQy/sort-name
 * @example https://classroom.google.com/u/1/r/NjQ2NTQ3MjY1NjQy/sort-last-name
 */
export function isPeoplePage(url: URL): boolean {
  return url.hostname === host && /^(\/u\/\d+)?\/r\/[^/]+\/sort-(name|last-name|first-name)\/?$/.test(url.pathname);
}

export const selectors = {
  /** A student row on the People page. */
  studentRow: '[role="listitem"][data-student-id]',
  /** The row's checkbox is labelled with the display name. */
  nameCheckbox: 'input[type="checkbox"][aria-label]',
  /** Fallback: "Options for student {name}" (English UI). */
  optionsButton: 'button[aria-label^="Options for student "]',
} as const;

function isHidden(element: Element): boolean {
  const view = element.closest('c-wiz');
  if (!view) return false;
  const style = (view as HTMLElement).style;
  return style.visibility === 'hidden' || style.display === 'none' || view.hasAttribute('hidden');
}

function nameOf(row: Element): string | null {
  const checkbox = row.querySelector(selectors.nameCheckbox)?.getAttribute('aria-label');
  if (checkbox?.trim()) return checkbox.trim();
  const options = row.querySelector(selectors.optionsButton)?.getAttribute('aria-label');
  return options ? options.slice('Options for student '.length).trim() || null : null;
}

/** The element that prints the name: the badge goes right after it. */
function nameElement(row: Element, name: string): Element {
  for (const element of row.querySelectorAll('span, div')) {
    if (element.children.length === 0 && element.textContent?.trim() === name) return element;
  }
  return row.querySelector(selectors.nameCheckbox) ?? row;
}

export const googleClassroom: SiteAdapter = {
  id: 'google-classroom',
  isPeoplePage,
  findPeople(root) {
    const people: PersonOnPage[] = [];
    for (const row of root.querySelectorAll(selectors.studentRow)) {
      if (isHidden(row)) continue;
      const name = nameOf(row);
      if (!name) continue;
      people.push({ anchor: nameElement(row, name), name, externalId: row.getAttribute('data-student-id') });
    }
    return people;
  },
};
