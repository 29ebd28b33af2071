// Who on a host page is a programme participant. Pure: the overlay feeds it what the page shows
// and what the API let the signed-in person see, and draws nothing for anyone it does not match.
import type { GroupRole } from './catalog.ts';
import { findByName } from './names.ts';
import type { GroupMember, GroupSummary } from './schemas.ts';

export interface Participant {
  member: GroupMember;
  /** Every visible group the person is in, with their role there. */
  groups: { group: GroupSummary; role: GroupRole }[];
}

export function participantsOf(groups: readonly GroupSummary[]): Participant[] {
  const byId = new Map<string, Participant>();
  for (const group of groups) {
    for (const member of group.members) {
      const participant = byId.get(member.person_id) ?? { member, groups: [] };
      participant.groups.push({ group, role: member.role });
      byId.set(member.person_id, participant);
    }
  }
  return [...byId.values()];
}

export type Resolution = { kind: 'none' } | { kind: 'one'; participant: Participant } | { kind: 'ambiguous'; candidates: Participant[] };

/** An id the site gives wins; otherwise the name, and several namesakes are ambiguous, never guessed. */
export function resolveParticipant(onPage: { name: string; externalId: string | null }, participants: readonly Participant[]): Resolution {
  if (onPage.externalId) {
    const byId = participants.find((p) => p.member.google_user_id === onPage.externalId);
    if (byId) return { kind: 'one', participant: byId };
  }
  const candidates = findByName(
    onPage.name,
    participants.map((participant) => ({ ...participant.member, participant })),
  ).map((match) => match.participant);
  // A participant with a known external id is someone else when the page shows a different id.
  const plausible = onPage.externalId
    ? candidates.filter((c) => !c.member.google_user_id || c.member.google_user_id === onPage.externalId)
    : candidates;
  if (plausible.length === 0) return { kind: 'none' };
  if (plausible.length === 1 && plausible[0]) return { kind: 'one', participant: plausible[0] };
  return { kind: 'ambiguous', candidates: plausible };
}
