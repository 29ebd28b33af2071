// The extension still imports these names from here; the schemas live in shared/api, one file per
// resource. Remove this file once the extension imports shared/api directly.
export type { DevUser, Session } from './api/auth.ts';
export type { GroupMember, GroupSummary, Me } from './api/me.ts';
export {
  type Meeting,
  type MeetingCreate,
  meetingCreate,
  type PlannedMeeting,
  type PlannedMeetingCreate,
  plannedMeetingCreate,
} from './api/meetings.ts';
