// Every site we know, in one list: the overlay's content script runs on their hosts and picks the
// adapter by URL. A new site is its adapter (with its match patterns and example URLs), a fixture
// page and its tests, and one line here.
import { canvas } from './canvas.ts';
import { dnevnikRu } from './dnevnik-ru.ts';
import { eduTatar } from './edu-tatar.ts';
import { eljur } from './eljur.ts';
import { generic } from './generic.ts';
import { googleClassroom } from './google-classroom.ts';
import { mesh } from './mesh.ts';
import { moodle } from './moodle.ts';
import { netschool } from './netschool.ts';
import { torMySchool } from './tor-myschool.ts';
import type { SiteAdapter } from './types.ts';

export const siteAdapters: readonly SiteAdapter[] = [
  googleClassroom,
  dnevnikRu,
  mesh,
  netschool,
  eljur,
  eduTatar,
  moodle,
  canvas,
  torMySchool,
];

/** Every host the known sites run on (the overlay's content script's `matches`). A function, so that a script that does not ask keeps only the adapters it uses. */
export function siteMatches(): string[] {
  return siteAdapters.flatMap((adapter) => adapter.matches);
}

/** Whether a host is one a pattern of ours names (they are all `https://host/*` or `https://*.domain/*`). */
function coversHost(pattern: string, hostname: string): boolean {
  const host = /^https:\/\/([^/]+)\//.exec(pattern)?.[1] ?? '';
  return host.startsWith('*.') ? hostname === host.slice(2) || hostname.endsWith(host.slice(1)) : hostname === host;
}

/** The known site whose hosts this URL is on (the overlay runs only where one is). */
export function adapterFor(url: URL | string): SiteAdapter | null {
  const page = new URL(url);
  if (page.protocol !== 'https:') return null;
  return siteAdapters.find((adapter) => adapter.matches.some((pattern) => coversHost(pattern, page.hostname))) ?? null;
}

/** Families recognised by path alone, so that their pages on a school's own host get the real adapter. */
const pathFamilies: readonly SiteAdapter[] = [mesh, netschool, eljur, moodle, canvas];

/**
 * On a host the school added: the family adapter whose page this is (an МЭШ region, a Сетевой
 * город, a white-label ЭлЖур, a school's Moodle or Canvas), otherwise names in the page's text.
 */
export const anyHost: SiteAdapter = {
  id: 'any-host',
  // Registered at runtime on the hosts the school added (utils/journal-hosts.ts).
  matches: [],
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

/** Whether a known site already covers this host (adding it on the options page would do nothing). */
export function isSupportedHost(hostname: string): boolean {
  return siteMatches().some((pattern) => coversHost(pattern, hostname));
}
