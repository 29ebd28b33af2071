// Any other e-journal: the school adds its host on the options page, the browser grants it, and
// this adapter finds programme participants by name in the page's text. It knows no structure, so
// it only trusts names: a word must be a participant's surname, and the words around it their
// first name (and patronymic), in any order and abbreviation.
import { nameTokens } from '../../shared/names.ts';
import { isOurBadge } from './dom.ts';
import { checkpoint, type NameLookup, type SiteAdapter } from './types.ts';

const skipped = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'TEMPLATE', 'CODE', 'PRE', 'SVG']);

/** Up to three words around a surname, longest first: «Иванов Лев Львович», «Лев Иванов», «Иванов Л.». */
const windows: readonly [number, number][] = [
  [-2, 0],
  [-1, 1],
  [0, 2],
  [-1, 0],
  [0, 1],
];

function isPageText(parent: Element | null): boolean {
  if (!parent) return false;
  for (let element: Element | null = parent; element; element = element.parentElement) {
    if (skipped.has(element.tagName.toUpperCase()) || isOurBadge(element) || element.getAttribute('contenteditable') === 'true')
      return false;
  }
  // Shown to the person (not display:none, not a hidden stale view); where the browser can tell.
  const check = (parent as HTMLElement).checkVisibility;
  return typeof check === 'function'
    ? check.call(parent, { visibilityProperty: true })
    : !/display:\s*none|visibility:\s*hidden/.test(parent.closest('[style]')?.getAttribute('style') ?? '');
}

/**
 * What each text node held when we last read it, for which data: a page that re-renders a few
 * rows is not tokenised again in full. (A new NameLookup comes with new data.)
 */
const read = new WeakMap<Node, { text: string; lookup: NameLookup; names: string[] }>();

function namesInNode(node: Node, text: string, lookup: NameLookup): string[] {
  const last = read.get(node);
  if (last && last.text === text && last.lookup === lookup) return last.names;
  const names = namesIn(text, lookup);
  read.set(node, { text, lookup, names });
  return names;
}

/** Every participant's name in one text node, once each. */
function namesIn(text: string, lookup: NameLookup): string[] {
  const tokens = nameTokens(text);
  const found: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i] as string;
    let matched = 0;
    if (token.length > 1 && lookup.mayBeSurname(token)) {
      for (const [from, to] of windows) {
        if (i + from < 0 || i + to >= tokens.length) continue;
        const name = tokens.slice(i + from, i + to + 1).join(' ');
        if (lookup.matches(name)) {
          found.push(name);
          matched = to + 1;
          break;
        }
      }
    }
    i += Math.max(1, matched);
  }
  return found;
}

/** Text nodes read between checkpoints: a fraction of a millisecond even where each one is new. */
const nodesPerCheckpoint = 16;

export const generic: SiteAdapter = {
  id: 'generic',
  // Never on a host of its own: any-host hands it the pages no family adapter reads.
  matches: [],
  listsEveryone: false,
  // Every page of a host the school added: which ones list people, only the school knows.
  isPeoplePage: () => true,
  examples: ['https://journal.school17.example.ru/classes/10b'],
  counterExamples: [],
  // A page of a thousand names takes tens of milliseconds to read the first time: a generator, so
  // the overlay reads it in slices and the walker resumes where the last slice stopped.
  *findPeople(document, lookup) {
    const body = document.body;
    if (!body) return;
    // Only text nodes, natively, each tokenised once per text. Where a name is found, its ancestors
    // decide whether it is page text at all (not a script, a form field, or our own badge).
    const walker = document.createTreeWalker(body, 0x4 /* SHOW_TEXT */);
    let walked = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (++walked % nodesPerCheckpoint === 0) yield checkpoint;
      const text = node.textContent ?? '';
      if (text.length < 4 || text.length > 400) continue;
      const names = namesInNode(node, text, lookup);
      if (names.length === 0 || !isPageText(node.parentElement)) continue;
      for (const name of names) yield { anchor: node as ChildNode, name, externalId: null, className: null, listKind: 'unknown' };
    }
  },
};
