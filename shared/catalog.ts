// Stable English keys of the methodology's catalog (../supabase/migrations seeds the same keys
// with their Russian and English labels). Code refers to these keys only; people see the labels.

/** The meeting sequence of stage 6 («Организация работы пар/групп»), in order. */
export const meetingKinds = ['introduction', 'trial', 'planning', 'working', 'final'] as const;
export type MeetingKind = (typeof meetingKinds)[number];

export const meetingFormats = ['in_person', 'online'] as const;
export type MeetingFormat = (typeof meetingFormats)[number];

export const groupRoles = ['mentor', 'mentee'] as const;
export type GroupRole = (typeof groupRoles)[number];

export const groupStatuses = ['draft', 'active', 'completed', 'cancelled'] as const;
export type GroupStatus = (typeof groupStatuses)[number];

export const mentoringForms = [
  'student_student',
  'teacher_teacher',
  'teacher_student',
  'college_student_pupil',
  'employer_pupil',
  'employer_student',
] as const;

export const memberRoles = ['head', 'curator', 'teacher', 'student', 'guardian', 'external_mentor'] as const;
export type MemberRole = (typeof memberRoles)[number];

/**
 * The kind a pair's next meeting should be: the first step of the sequence not yet held, and
 * «рабочая встреча» again once the pair is past planning (until the curator closes it with the final one).
 */
export function nextMeetingKind(held: readonly MeetingKind[]): MeetingKind {
  if (held.includes('final')) return 'final';
  const next = meetingKinds.find((kind) => kind !== 'final' && !held.includes(kind));
  return next ?? 'working';
}
