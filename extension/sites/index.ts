// Every site we know, and the adapter for a host the school added at runtime.
import { canvas } from './canvas.ts';
import { dnevnikRu } from './dnevnik-ru.ts';
import { eduTatar } from './edu-tatar.ts';
import { eljur } from './eljur.ts';
import { generic } from './generic.ts';
import { googleClassroom } from './google-classroom.ts';
import { mesh } from './mesh.ts';
import { moodle } from './moodle.ts';
import { netschool } from './netschool.ts';
import type { SiteAdapter } from './types.ts';

export const siteAdapters: readonly SiteAdapter[] = [googleClassroom, dnevnikRu, mesh, netschool, eljur, eduTatar, moodle, canvas];

/** Families recognised by path alone, so that their pages on a school's own host get the real adapter. */
const pathFamilies: readonly SiteAdapter[] = [mesh, netschool, moodle, canvas];

/**
 * On a host the school added: the family adapter whose page this is (an МЭШ region, a Сетевой
 * город, a school's Moodle or Canvas), otherwise names in the page's text.
 */
export const anyHost: SiteAdapter = {
  id: 'any-host',
  // Depends on the page: see readerFor.
  listsEveryone: false,
  readerFor: (url) => pathFamilies.find((family) => family.isPeoplePage(url)) ?? generic,
  isPeoplePage: () => true,
  examples: [],
  counterExamples: [],
  findPeople(document, lookup) {
    return anyHost.readerFor?.(new URL(document.location?.href ?? 'about:blank')).findPeople(document, lookup) ?? [];
  },
};
