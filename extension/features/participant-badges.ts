// A small pill next to every programme participant the signed-in person may see: the role, and on
// hover the pair, form, role model and the pair's next step. Built with DOM calls only (never
// HTML from strings); its root carries data-nastavnik-person. Nothing is drawn for anyone else.
import { fullName } from '../../shared/names.ts';
import { type Participant, type Resolution, resolveParticipant } from '../../shared/participants.ts';
import type { SiteAdapter } from '../sites/types.ts';
import { t } from '../utils/i18n.ts';

export const badgeAttribute = 'data-nastavnik-person';
const ambiguousAttribute = 'data-nastavnik-ambiguous';

const pill = {
  display: 'inline-block',
  marginInlineStart: '6px',
  padding: '0 6px',
  borderRadius: '8px',
  font: '500 11px/16px system-ui, sans-serif',
  verticalAlign: 'middle',
  whiteSpace: 'nowrap',
  cursor: 'default',
} as const;

function describe(participant: Participant): string {
  return participant.groups
    .map(({ group }) => {
      const others = group.members.filter((m) => m.person_id !== participant.member.person_id).map(fullName);
      return [
        t('badge.pairWith', { names: others.join(', ') }),
        `${t(`form.${group.form}` as Parameters<typeof t>[0])} · ${group.role_model}`,
        t('badge.nextStep', { kind: t(`meetingKind.${group.next_kind}`) }),
      ].join('\n');
    })
    .join('\n\n');
}

function badgeFor(document: Document, resolution: Exclude<Resolution, { kind: 'none' }>): HTMLElement {
  const badge = document.createElement('span');
  Object.assign(badge.style, pill);
  badge.setAttribute('role', 'note');
  if (resolution.kind === 'one') {
    const { participant } = resolution;
    const mentor = participant.groups.some((g) => g.role === 'mentor');
    badge.setAttribute(badgeAttribute, participant.member.person_id);
    badge.textContent = t(mentor ? 'role.mentor' : 'role.mentee');
    badge.title = describe(participant);
    Object.assign(badge.style, { background: '#e6f0ea', color: '#1e5b3a', border: '1px solid #b9d4c3' });
  } else {
    badge.setAttribute(ambiguousAttribute, resolution.candidates.map((c) => c.member.person_id).join(' '));
    badge.textContent = '?';
    badge.title = t('badge.ambiguous');
    Object.assign(badge.style, { background: '#f1f1f1', color: '#555', border: '1px solid #d5d5d5' });
  }
  badge.setAttribute('aria-label', `${badge.textContent}. ${badge.title}`);
  return badge;
}

function keyOf(resolution: Resolution): string {
  if (resolution.kind === 'one') return resolution.participant.member.person_id;
  if (resolution.kind === 'ambiguous') return `?${resolution.candidates.map((c) => c.member.person_id).join(' ')}`;
  return '';
}

function existingBadge(anchor: Element): HTMLElement | null {
  const next = anchor.nextElementSibling;
  return next instanceof HTMLElement && (next.hasAttribute(badgeAttribute) || next.hasAttribute(ambiguousAttribute)) ? next : null;
}

/** Puts (or keeps, or removes) the badge beside every person the adapter finds. Returns how many are shown. */
export function drawBadges(adapter: SiteAdapter, root: Document, participants: readonly Participant[]): number {
  let shown = 0;
  for (const person of adapter.findPeople(root)) {
    const resolution = resolveParticipant(person, participants);
    const current = existingBadge(person.anchor);
    const key = keyOf(resolution);
    const currentKey = current ? (current.getAttribute(badgeAttribute) ?? `?${current.getAttribute(ambiguousAttribute)}`) : '';
    if (key !== currentKey) {
      current?.remove();
      if (resolution.kind !== 'none') person.anchor.after(badgeFor(root, resolution));
    }
    if (resolution.kind === 'one') shown += 1;
  }
  return shown;
}

/** Removes every badge we drew (signed out, or no longer allowed to see). */
export function clearBadges(root: Document): void {
  for (const badge of root.querySelectorAll(`[${badgeAttribute}], [${ambiguousAttribute}]`)) badge.remove();
}
