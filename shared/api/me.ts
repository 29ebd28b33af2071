// The signed-in person: who they are in each school, and the pairs and groups they are in (or may see).
import { z } from 'zod';
import { groupRoles, groupStatuses, meetingKinds } from '../catalog.ts';
import { catalogEntry, id, isoDate } from './common.ts';
import { plannedMeeting } from './meetings.ts';
import { personKinds } from './people.ts';

export const groupMember = z.object({
  person_id: id,
  role: z.enum(groupRoles),
  /** Pupil, staff or external: a page listing a class's pupils can only name pupils. */
  kind: z.enum(personKinds),
  /** For the words that agree with it («Наставляемая»); null where the caller may not see the person's details. */
  sex: z.enum(['m', 'f']).nullable(),
  last_name: z.string(),
  first_name: z.string(),
  middle_name: z.string().nullable(),
  class_name: z.string().nullable(),
  google_user_id: z.string().nullable(),
});
export type GroupMember = z.infer<typeof groupMember>;

export const groupSummary = z.object({
  id,
  /** The programme the group belongs to (what its outcomes are recorded under). */
  programme_id: id,
  /** The form and the role model: each its catalog key for code, its labels for people. */
  form: catalogEntry,
  role_model: catalogEntry,
  status: z.enum(groupStatuses),
  started_on: isoDate.nullable(),
  /** null when the caller sees the group without being in it (a curator, the mentee's teacher). */
  my_role: z.enum(groupRoles).nullable(),
  members: z.array(groupMember),
  meeting_kinds_held: z.array(z.enum(meetingKinds)),
  last_meeting_on: isoDate.nullable(),
  next_kind: z.enum(meetingKinds),
  /** The earliest planned meeting not yet held (it may be past: the mentor says whether it took place); null when none is planned. */
  next_meeting: plannedMeeting.nullable(),
});
export type GroupSummary = z.infer<typeof groupSummary>;

export const myPerson = z.object({
  person_id: id,
  organisation_id: id,
  organisation_name: z.string(),
  last_name: z.string(),
  first_name: z.string(),
  middle_name: z.string().nullable(),
  roles: z.array(z.string()),
});
export const me = z.object({ user_id: id, email: z.string().nullable(), people: z.array(myPerson) });
export type Me = z.infer<typeof me>;

export const myGroupsQuery = z.object({ scope: z.enum(['mine', 'visible']).default('mine') }).strict();
