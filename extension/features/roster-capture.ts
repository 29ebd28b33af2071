// Roster capture for curators (issue 6): the people a class page lists, read by the site's adapter,
// become the rows the roster import takes (its second request shape: no file built in the browser). The content script reads the page (the page owns that
// list) when the programme panel's frame asks through the background; the frame sends it to the
// import, a preview first, and imports exactly what the curator previewed.
import { pageRosterRows } from '../../shared/page-roster.ts';
import { type NameLookup, peopleIn, type SiteAdapter } from '../sites/types.ts';
import { ask } from '../utils/ask.ts';
import type { PageRosterData, RosterCapture, RosterPreview } from '../utils/messages.ts';

/** The list of people on the page, as the roster import will get it. */
export type PageRoster = PageRosterData;

/** Lists adapters read every row whatever the overlay knows: they ask nothing. */
const knowsNobody: NameLookup = { mayBeSurname: () => false, matches: () => false };

/** The roster the page shows, or null when there is none (no list here, or a site we only read as free text). */
export function readPageRoster(adapter: SiteAdapter, document: Document, url: URL): PageRoster | null {
  const reader = adapter.readerFor?.(url) ?? adapter;
  if (!reader.listsEveryone || !reader.isPeoplePage(url)) return null;
  const people = peopleIn(reader.findPeople(document, knowsNobody)).map(({ name, className }) => ({ name, className }));
  if (people.length === 0) return null;
  const classes = new Set(people.map((person) => person.className));
  const [only] = classes;
  const { rows, skipped } = pageRosterRows(people, reader.nameOrder);
  if (rows.length === 0) return null;
  return { people, className: classes.size === 1 ? (only ?? null) : null, rows, skipped, site: adapter.id };
}

/** The name the import's preview gives the list: the class, or the site, and the day. */
function listNameFor(roster: PageRoster): string {
  const day = new Date().toISOString().slice(0, 10);
  return `${roster.className ?? roster.site}-${day}`;
}

/** Sends the page's roster to the import: a preview (dryRun) or the import itself. From the panel's frame only. */
export function captureRoster(
  organisationId: string,
  roster: PageRoster,
  options: { dryRun: boolean; resolutions?: RosterCapture['resolutions'] },
): Promise<RosterPreview> {
  return ask({
    type: 'nastavnik:roster-capture',
    capture: {
      organisationId,
      listName: listNameFor(roster),
      rows: roster.rows,
      dryRun: options.dryRun,
      ...(options.resolutions ? { resolutions: options.resolutions } : {}),
    },
  });
}
