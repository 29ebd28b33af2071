// ТОР «Моя школа», the federal platform regions move to (the first wave on 2026-09-01: Краснодарский
// край, Челябинская, Костромская, Смоленская, Ростовская, Воронежская области, Чувашия and others).
// Teachers and families reach it through Госуслуги: the web version at edu.gosuslugi.ru, the apps
// and www.gosuslugi.ru/school. No public code shows its pages' markup (checked 2026-12-02: no
// userscript, extension or scraper targets it; the pages themselves answer only a loading shell
// or 503 to a fetch), so names are read in the page's text, as on any host a school adds; a
// journal that shows МЭШ's markup (the platform's vendor builds МЭШ; unconfirmed) is read as МЭШ.
// www.gosuslugi.ru is the whole state-services portal: it gets no static permission; a school whose
// teachers use the journal there adds that host on the options page.
import { generic } from './generic.ts';
import { mesh } from './mesh.ts';
import { peopleIn, type SiteAdapter } from './types.ts';

export const torHosts = ['edu.gosuslugi.ru'] as const;

export const torMySchool: SiteAdapter = {
  id: 'tor-myschool',
  matches: torHosts.map((host) => `https://${host}/*`),
  // Read by names: the roster capture needs a list it can trust.
  listsEveryone: false,
  // Which pages list people is not known: every page is read (by names only).
  isPeoplePage: (url) => (torHosts as readonly string[]).includes(url.hostname),
  pageKind: () => 'any',
  examples: ['https://edu.gosuslugi.ru/journal/class/7a'],
  counterExamples: ['https://www.gosuslugi.ru/school'],
  *findPeople(document, lookup) {
    const rows = peopleIn(mesh.findPeople(document, lookup));
    if (rows.length > 0) yield* rows;
    else yield* generic.findPeople(document, lookup);
  },
};
