// When a site changes its markup without notice (issue 17): an adapter that finds its page but no
// names does not leave the teacher with an empty page. The overlay reads the page's text for
// participants' names instead (the generic reader, as on a school-added host), and says so once:
// the curator's programme panel shows a quiet note and the API counts the page (site, host, page
// kind, day: nobody's name), so a broken adapter is seen within a day, not a term.
import { generic } from './generic.ts';
import { checkpoint, type Finding, type NameLookup, type SiteAdapter } from './types.ts';

/** What a reading that fell back says: which site's page, of which kind. No names, no ids. */
export interface AdapterFallback {
  site: string;
  pageKind: string;
}

/** The kind of page an adapter reads at a URL («people» where it does not tell its pages apart). */
export function pageKindOf(adapter: SiteAdapter, url: URL): string {
  return adapter.pageKind?.(url) ?? 'people';
}

/**
 * Whether the adapter's page is there with its list (the container its evidence names), so that
 * finding nobody in it means the names' markup changed, not that the page is still loading.
 */
export function listShown(adapter: SiteAdapter, document: Document, url: URL): boolean {
  const container = adapter.listContainer?.(url);
  return Boolean(container) && document.querySelector(container as string) !== null;
}

/**
 * A pass over the page by its adapter; where the adapter finds nobody at all, the generic name
 * reader's pass instead. `onFallback` hears (before the names come) when the adapter's list was
 * there but held no name it could read: a broken adapter, worth a report.
 */
export function* readPage(
  adapter: SiteAdapter,
  document: Document,
  lookup: NameLookup,
  url: URL,
  onFallback: (fallback: AdapterFallback) => void,
): Generator<Finding, void, undefined> {
  let found = 0;
  for (const finding of adapter.findPeople(document, lookup)) {
    if (finding !== checkpoint) found += 1;
    yield finding;
  }
  if (found > 0 || adapter === generic || !adapter.listsEveryone) return;
  yield checkpoint;
  if (listShown(adapter, document, url)) onFallback({ site: adapter.id, pageKind: pageKindOf(adapter, url) });
  // The page still says which class it is for: a namesake in another class stays someone else.
  const className = adapter.pageClass?.(document) ?? null;
  for (const finding of generic.findPeople(document, lookup)) {
    yield finding === checkpoint || !className ? finding : { ...finding, className: finding.className ?? className };
  }
}
