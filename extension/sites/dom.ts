// Reading a host page's DOM, shared by every site adapter and the overlay: text without our own
// marks, where a badge goes after a name, whether a view is hidden.
import { classNameIn } from '../../shared/names.ts';
/**
 * Attributes that mark what the content script puts into the page (badges, the programme
 * launcher, the panel frame's wrapper): never read as part of the page's text. They say what the
 * element is, never whom it is about.
 */
export const badgeAttributes = ['data-nastavnik-badge', 'data-nastavnik-ui'] as const;

export function isOurBadge(node: Node): boolean {
  return node.nodeType === 1 && badgeAttributes.some((name) => (node as Element).hasAttribute(name));
}

function collectText(node: Node, ownOnly: boolean): string {
  let text = '';
  for (const child of node.childNodes) {
    if (child.nodeType === 3) text += child.textContent ?? '';
    else if (!ownOnly && child.nodeType === 1 && !isOurBadge(child)) text += collectText(child, false);
  }
  return text;
}

/** An element's text with whitespace collapsed, our badges left out. */
export function textOf(element: Element): string {
  return collectText(element, false).replace(/\s+/g, ' ').trim();
}

/** The trimmed text of an element's own text nodes, without its children's (e.g. Canvas's «(она/её)»). */
export function ownText(element: Element): string {
  return collectText(element, true).replace(/\s+/g, ' ').trim();
}

const blocks = new Set(['TD', 'TH', 'DIV', 'LI', 'P', 'DD', 'DT', 'SECTION', 'ARTICLE']);

/**
 * Where the badge goes for a name printed inside `container`: right after the deepest element that
 * prints exactly `text` when that is an inline element (a link, a span), or after the text itself
 * inside a block (a table cell: a sibling of a <td> would break the table).
 */
export function anchorFor(container: Element, text: string): ChildNode {
  let current = container;
  for (;;) {
    const child = [...current.children].find((c) => !isOurBadge(c) && textOf(c) === text);
    if (!child) break;
    current = child;
  }
  if (!blocks.has(current.tagName.toUpperCase())) return current;
  const texts = [...current.childNodes].filter((node) => node.nodeType === 3 && node.textContent?.trim());
  return texts.at(-1) ?? current.lastChild ?? current;
}

/** Whether an element sits in a subtree the page keeps but hides (inline style or the hidden attribute). */
export function isInHiddenView(element: Element, viewSelector: string): boolean {
  const view = element.closest(viewSelector);
  if (!view) return false;
  const style = (view.getAttribute('style') ?? '').replace(/\s+/g, '');
  return view.hasAttribute('hidden') || /visibility:hidden|display:none/.test(style) || view.getAttribute('aria-hidden') === 'true';
}

/** The class the first of the page's headings that names one names, else the page's title; null when none does. */
export function classInHeadings(document: Document, headings: string): string | null {
  return [...document.querySelectorAll(headings)].map((h) => classNameIn(h.textContent ?? '')).find(Boolean) ?? classNameIn(document.title);
}

/**
 * A pupil's name as a journal prints it, without what is not the name: the row number in front
 * («1. Иванов Лев», «12) Иванов Лев», «№ 3 Иванов Лев»), numbers or marks beside it, pronouns in
 * brackets («(она/её)»), extra whitespace. Empty when no word of letters is left.
 */
export function printedName(text: string): string {
  const words = text
    .replace(/^\s*№?\s*\d+\s*[.):]?\s+/u, '')
    .replace(/\([^)]*\)/g, ' ')
    .split(/\s+/)
    .filter((word) => /\p{L}/u.test(word));
  return words.join(' ');
}

/**
 * The name printed in an element (a title or attribute that holds it whole, else its text) and
 * where its badge goes. A title with no name in it (an id, a number) gives way to the text.
 */
export function nameAt(element: Element, title?: string | null): { name: string; anchor: ChildNode } | null {
  const shown = textOf(element);
  const name = printedName(title ?? '') || printedName(shown);
  if (!name) return null;
  return { name, anchor: anchorFor(element, shown) };
}
