// Who on a host page is a programme participant. Pure: the overlay feeds it what the page shows
// and what the API let the signed-in person see, and draws nothing for anyone it does not match.

import type { GroupMember, GroupSummary } from './api/me.ts';
import type { GroupRole } from './catalog.ts';
import { nameTokens, normalizeClassName, surnameKeys, tokenKey, tokensAreNameOf } from './names.ts';

/** Who a person is at school: a pupil, a member of staff, someone from outside; unknown when nothing says. */
export type PersonKind = 'student' | 'staff' | 'external' | 'unknown';

/**
 * What kind of list a page shows a person in: a class's (or a course's) pupils, the staff, or a
 * list that says neither (a name in free text, a course of unknown audience).
 */
export type ListKind = 'pupils' | 'staff' | 'unknown';

export interface Participant {
  member: GroupMember;
  /** Every visible group the person is in, with their role there. */
  groups: { group: GroupSummary; role: GroupRole }[];
  /** Pupil or staff, as far as the data tells (personKindOf); unknown when not given. */
  kind?: PersonKind;
}

/**
 * Who each side of a form is (the methodology's forms: «учитель – ученик» pairs a member of staff
 * with a pupil). Forms a school adds itself say nothing here.
 */
const formSides: Record<string, { mentor: PersonKind; mentee: PersonKind }> = {
  student_student: { mentor: 'student', mentee: 'student' },
  teacher_teacher: { mentor: 'staff', mentee: 'staff' },
  teacher_student: { mentor: 'staff', mentee: 'student' },
  college_student_pupil: { mentor: 'external', mentee: 'student' },
  employer_pupil: { mentor: 'external', mentee: 'student' },
  employer_student: { mentor: 'external', mentee: 'student' },
};

/**
 * Pupil or staff: the API's own word when it sends one (`kind`); otherwise a class (only pupils
 * belong to one), otherwise the side of the form the person is on in any of their groups.
 */
export function personKindOf(member: Omit<GroupMember, 'kind'> & { kind?: string | null }, groups: Participant['groups'] = []): PersonKind {
  if (member.kind === 'student' || member.kind === 'staff' || member.kind === 'external') return member.kind;
  if (member.class_name) return 'student';
  for (const { group, role } of groups) {
    const side = formSides[group.form.key]?.[role];
    if (side) return side;
  }
  return 'unknown';
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
  const participants = [...byId.values()];
  for (const participant of participants) participant.kind = personKindOf(participant.member, participant.groups);
  return participants;
}

/** Whether a person of this kind can be on a list of this kind (a pupils' list names no teacher). */
export function mayBeListed(kind: PersonKind | undefined, list: ListKind | null | undefined): boolean {
  if (!kind || kind === 'unknown' || !list || list === 'unknown') return true;
  return list === 'pupils' ? kind === 'student' : kind !== 'student';
}

/**
 * A site's own id for a person. Only ids we hold for members count (today Google's user id, which
 * Classroom prints as data-student-id); any other system's id is kept for the record and ignored.
 */
export interface ExternalId {
  system: 'google' | (string & {});
  id: string;
}

/** A person as a page shows them: the name, maybe the site's id, maybe the class around them. */
export interface PersonSeen {
  name: string;
  externalId?: ExternalId | null;
  /** The class the page shows them in (a row's class, or the journal's), as printed. */
  className?: string | null;
  /** The kind of list they are in (a class journal lists pupils): people of another kind are someone else. */
  listKind?: ListKind | null;
}

export type Resolution = { kind: 'none' } | { kind: 'one'; participant: Participant } | { kind: 'ambiguous'; candidates: Participant[] };

const none: Resolution = { kind: 'none' };

function idOf(participant: Participant, system: string): string | null {
  return system === 'google' ? participant.member.google_user_id : null;
}

/**
 * Participants looked up by surname, with every answer remembered: a page of a thousand names
 * asks about the same few names again and again as it re-renders.
 */
export class ParticipantIndex {
  readonly participants: readonly Participant[];
  private readonly bySurname = new Map<string, Participant[]>();
  private readonly byGoogleId = new Map<string, Participant>();
  private readonly cache = new Map<string, Resolution>();

  constructor(participants: readonly Participant[]) {
    this.participants = participants;
    for (const participant of participants) {
      for (const key of new Set(surnameKeys(participant.member.last_name))) {
        const list = this.bySurname.get(key) ?? [];
        list.push(participant);
        this.bySurname.set(key, list);
      }
      // Stryker disable next-line ConditionalExpression: without the test the members with no Google id sit under null, which no page's id (a string) is.
      if (participant.member.google_user_id) this.byGoogleId.set(participant.member.google_user_id, participant);
    }
  }

  get size(): number {
    return this.participants.length;
  }

  /** Whether a word on the page could be a participant's surname (cheap: the text finder's sieve). */
  hasSurname(token: string): boolean {
    return this.bySurname.has(tokenKey(token));
  }

  resolve(seen: PersonSeen): Resolution {
    const key = JSON.stringify([seen.externalId?.system, seen.externalId?.id, seen.listKind, seen.className, seen.name]);
    let found = this.cache.get(key);
    if (!found) {
      found = this.compute(seen);
      this.cache.set(key, found);
    }
    return found;
  }

  private compute(seen: PersonSeen): Resolution {
    const external = seen.externalId ?? null;
    // An id the site gives wins over the name.
    if (external?.system === 'google') {
      const byId = this.byGoogleId.get(external.id);
      if (byId) return { kind: 'one', participant: byId };
    }
    // tokensAreNameOf takes two or three words only: a longer text names nobody.
    const tokens = nameTokens(seen.name);
    const candidates = new Set<Participant>();
    for (const token of tokens) {
      for (const participant of this.bySurname.get(tokenKey(token)) ?? []) {
        if (tokensAreNameOf(tokens, participant.member)) candidates.add(participant);
      }
    }
    const pageClass = seen.className ? normalizeClassName(seen.className) : null;
    const plausible = [...candidates].filter((candidate) => {
      // A participant whose id the site would show is someone else when the page shows a different one
      // (the page's id matched nobody above, so any id of that system is a different one).
      if (external && idOf(candidate, external.system)) return false;
      // A class's list of pupils names no teacher, a staff list no pupil (issue 15: a pupil badged as her teacher namesake).
      if (!mayBeListed(candidate.kind, seen.listKind)) return false;
      // A namesake in another class is another person.
      const theirClass = candidate.member.class_name ? normalizeClassName(candidate.member.class_name) : null;
      return !(pageClass && theirClass && pageClass !== theirClass);
    });
    if (plausible.length === 0) return none;
    if (plausible.length === 1 && plausible[0]) return { kind: 'one', participant: plausible[0] };
    return { kind: 'ambiguous', candidates: plausible };
  }
}

/** An id the site gives wins; otherwise the name (and the class), and several namesakes are ambiguous, never guessed. */
export function resolveParticipant(seen: PersonSeen, participants: readonly Participant[]): Resolution {
  return new ParticipantIndex(participants).resolve(seen);
}
