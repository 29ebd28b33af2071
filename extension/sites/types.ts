import type { ExternalId, ListKind } from '../../shared/participants.ts';

/** A person shown on a host page: where to put our mark, and what the page says about them. */
export interface PersonOnPage {
  /** The node our badge goes right after (an element, or a text node on pages we only read as text). */
  anchor: ChildNode;
  /** The name as the page prints it. */
  name: string;
  /** The site's own id for the person, when it shows one (Classroom's data-student-id is the Google user id). */
  externalId: ExternalId | null;
  /** The class the page shows them in (the row's, or the journal's heading), as printed; null when unknown. */
  className: string | null;
  /**
   * The kind of list they are on, as the page says it: a class journal lists pupils, a course's
   * teachers are staff; `unknown` where the page does not say (free text, a course of unknown audience).
   */
  listKind: ListKind;
}

/**
 * One site: which of its pages it knows (pure URL tests, with example URLs that the tests check
 * against every other adapter) and where people are on them (selectors in one object, each with
 * the fixture pages it must match).
 */
export interface SiteAdapter {
  id: string;
  /**
   * Where the overlay runs for this site: match patterns, the only host permissions granted at
   * install (besides the API's). Any other host is one the school adds on the options page.
   */
  matches: readonly string[];
  /** Pages of this site with a list of people. */
  isPeoplePage(url: URL): boolean;
  /** URLs isPeoplePage must accept; every other adapter must refuse them. */
  examples: readonly string[];
  /** URLs of the same site that are not people pages (isPeoplePage must refuse them). */
  counterExamples: readonly string[];
  /**
   * The people currently shown (visible views only), as a pass the overlay runs in slices of a
   * few milliseconds: it may pause after any value yielded and go on later (the page keeps the
   * thread in between), or drop the pass (a navigation). A reader of a few dozen rows just
   * returns an array; one that may read a large page is a generator yielding each person as it
   * finds them and `checkpoint` where it worked a while without finding anybody. `peopleIn`
   * reads a pass at once.
   */
  findPeople(document: Document, lookup: NameLookup): Iterable<Finding>;
  /** How the site prints names: «Фамилия Имя» (the journals, the default) or «Имя Фамилия». */
  nameOrder?: 'family-first' | 'given-first';
  /**
   * Whether findPeople lists everyone the page shows, not only names the overlay already knows:
   * then the page's list can go to the roster import. False for the generic text reader.
   */
  listsEveryone: boolean;
  /** An adapter that hands pages to others (a school-added host): the one that reads this page. */
  readerFor?(url: URL): SiteAdapter;
  /**
   * Where the page's list of people sits when the page shows one (a selector, confirmed by public
   * evidence): the page is there. When it is there and findPeople finds nobody, the names' markup
   * has changed: the overlay reads names in the text instead and reports it (sites/fallback.ts).
   * Null (or absent) where no container is known for this page (the reader then never reports).
   */
  listContainer?(url: URL): string | null;
  /**
   * The class the whole page is for, as the page prints it (its heading, its class filter); null
   * when it names none. Names read in the text on a fallback are told apart by it too.
   */
  pageClass?(document: Document): string | null;
  /** Which of the site's pages this is («journal», «attendance», «people», «grades»): what the fallback report names. */
  pageKind?(url: URL): string;
}

/** Yielded by a pass over the page where it may be paused though it found nobody yet. */
export const checkpoint: unique symbol = Symbol('nastavnik:checkpoint');

/** What a pass over the page yields: a person, or a checkpoint. */
export type Finding = PersonOnPage | typeof checkpoint;

/** Every person a pass finds, read at once without pausing (roster capture, tests). */
export function peopleIn(findings: Iterable<Finding>): PersonOnPage[] {
  const people: PersonOnPage[] = [];
  for (const finding of findings) if (finding !== checkpoint) people.push(finding);
  return people;
}

/** What the overlay knows about names, for adapters that must find names in free text. */
export interface NameLookup {
  /** Whether a word (as nameTokens gives it) could be a participant's surname. */
  mayBeSurname(token: string): boolean;
  /** Whether a displayed name matches somebody (one participant, or several: ambiguous). */
  matches(name: string): boolean;
}
