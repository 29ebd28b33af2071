// A small pill next to every programme participant the signed-in person may see: the role word
// (or a neutral «?» for a name several participants share), and a real click (or Enter) opens the
// pair panel. The host page can read and script whatever we put into it (architecture.md), so a
// badge carries only `data-nastavnik-badge="participant" | "ambiguous"` and its word: whom it
// stands for lives in this script's memory (a WeakMap), and the pair, form and next step are shown
// in the pair panel's frame, never in the page. Built with DOM calls only (never HTML from strings).
import { sexOf } from '../../shared/names.ts';
import type { Participant, Resolution } from '../../shared/participants.ts';
import type { OverlayFeature, OverlayState } from '../overlay/engine.ts';
import { isOurBadge } from '../sites/dom.ts';
import type { PersonOnPage } from '../sites/types.ts';
import { pageRole, pageWord } from '../utils/page-i18n.ts';

/** The one mark tests (and people reading the page's DOM) see: `participant` or `ambiguous`. */
export const badgeAttribute = 'data-nastavnik-badge';

/** Whom each badge stands for: never in the DOM, where the host page would read it. */
const personIds = new WeakMap<Element, readonly string[]>();

/** The people a badge we drew stands for (none for anything else, a copy the page made included). */
export function personIdsOf(badge: Element): readonly string[] {
  return personIds.get(badge) ?? [];
}

// Inline styles on our own element: host stylesheets rarely reach them, and nothing is added to the page's <head>.
const pill = {
  all: 'initial',
  display: 'inline-block',
  boxSizing: 'border-box',
  marginInlineStart: '6px',
  padding: '0 7px',
  borderRadius: '9px',
  font: '500 11px/16px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  letterSpacing: 'normal',
  verticalAlign: 'middle',
  whiteSpace: 'nowrap',
  cursor: 'pointer',
  outlineOffset: '2px',
} as const;

const looks = {
  one: { background: '#e6f0ea', color: '#1e5b3a', border: '1px solid #b9d4c3' },
  ambiguous: { background: '#f1f1f1', color: '#4a4a4a', border: '1px solid #d5d5d5' },
} as const;

/** The badge's word: the content script's index holds each person's badge role in `member.role`. */
function roleOf(participant: Participant): 'mentor' | 'mentee' {
  return participant.member.role === 'mentor' ? 'mentor' : 'mentee';
}

type Shown = Exclude<Resolution, { kind: 'none' }>;

function keyOf(resolution: Shown, version: number): string {
  const ids =
    resolution.kind === 'one' ? resolution.participant.member.person_id : resolution.candidates.map((c) => c.member.person_id).join(' ');
  return `${resolution.kind}:${ids}@${version}`;
}

function badgeFor(document: Document, resolution: Shown): HTMLElement {
  const badge = document.createElement('button');
  badge.type = 'button';
  Object.assign(badge.style, pill);
  if (resolution.kind === 'one') {
    badge.setAttribute(badgeAttribute, 'participant');
    // The person's own gender: «Наставляемая» for a girl (sexOf: the patronymic, else the surname).
    const role = roleOf(resolution.participant);
    badge.textContent = pageRole(role, sexOf(resolution.participant.member));
    Object.assign(badge.style, looks.one);
    personIds.set(badge, [resolution.participant.member.person_id]);
  } else {
    badge.setAttribute(badgeAttribute, 'ambiguous');
    badge.textContent = '?';
    // Says what «?» means, naming nobody.
    badge.setAttribute('aria-label', pageWord('badge.ambiguous'));
    Object.assign(badge.style, looks.ambiguous);
    personIds.set(
      badge,
      resolution.candidates.map((c) => c.member.person_id),
    );
  }
  badge.setAttribute('aria-haspopup', 'dialog');
  return badge;
}

/** Which badge is which: the key says who and for which version of the data it was drawn. */
const keys = new WeakMap<Element, string>();

/** Our badges right after an anchor (a text node with two names in it carries two). */
function badgesAfter(anchor: ChildNode): HTMLElement[] {
  const found: HTMLElement[] = [];
  for (let next = anchor.nextSibling; next && isOurBadge(next); next = next.nextSibling) {
    if (personIds.has(next as Element)) found.push(next as HTMLElement);
  }
  return found;
}

/**
 * Puts (or keeps) the badge beside every participant among `people`, and removes every other
 * badge of ours (people who left the page, a view that was hidden, a sign-out). Returns how many
 * participants carry a badge.
 */
export function drawBadges(document: Document, people: readonly PersonOnPage[], state: Pick<OverlayState, 'index' | 'version'>): number {
  const kept = new Set<Element>();
  let shown = 0;
  for (const person of people) {
    const resolution = state.index.resolve(person);
    if (resolution.kind === 'none') continue;
    const key = keyOf(resolution, state.version);
    const around = badgesAfter(person.anchor);
    let badge = around.find((element) => keys.get(element) === key && !kept.has(element));
    if (!badge) {
      badge = badgeFor(document, resolution);
      keys.set(badge, key);
      (around.at(-1) ?? person.anchor).after(badge);
    }
    kept.add(badge);
    if (resolution.kind === 'one') shown += 1;
  }
  for (const badge of document.querySelectorAll(`[${badgeAttribute}]`)) {
    if (!kept.has(badge)) badge.remove();
  }
  return shown;
}

export const participantBadges: OverlayFeature = {
  id: 'participant-badges',
  init(overlay, signal) {
    // One listener for every badge, in the capture phase: the host page never sees a click on our
    // badge (a row's own click handler would navigate away), and a click the page script made up
    // (not isTrusted) opens nothing.
    document.addEventListener(
      'click',
      (event) => {
        const badge = (event.target as Element | null)?.closest?.(`[${badgeAttribute}]`);
        if (!(badge instanceof HTMLElement)) return;
        event.preventDefault();
        event.stopPropagation();
        const ids = personIdsOf(badge);
        if (!event.isTrusted || ids.length === 0) return;
        overlay.emit('open-pair', { personIds: [...ids], opener: badge });
      },
      { capture: true, signal },
    );
    // A visible focus ring for keyboard users: inline styles have no :focus-visible, and host pages often remove outlines.
    const ring = (event: FocusEvent, on: boolean) => {
      const target = event.target;
      if (target instanceof HTMLElement && isOurBadge(target)) target.style.outline = on ? '2px solid #1e6b45' : '';
    };
    document.addEventListener('focusin', (event) => ring(event, true), { capture: true, signal });
    document.addEventListener('focusout', (event) => ring(event, false), { capture: true, signal });
  },
  update(state) {
    drawBadges(document, state.participants ? state.people : [], state);
  },
};
