/** A person shown on a host page: where to put our mark, and what the page says about them. */
export interface PersonOnPage {
  /** The element our badge goes right after. */
  anchor: Element;
  /** The name as the page prints it. */
  name: string;
  /** The site's own id for the person, when it shows one (Classroom's user id). */
  externalId: string | null;
}

/** One site: which of its pages it knows (pure URL tests) and where people are on them. */
export interface SiteAdapter {
  id: string;
  /** Pages of this site with a list of people. */
  isPeoplePage(url: URL): boolean;
  /** The people currently shown (visible views only). */
  findPeople(root: ParentNode): PersonOnPage[];
}
