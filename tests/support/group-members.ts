// Members of a mentoring group as /me/groups answers them, for the unit tests of whatever reads
// them (badges, namesakes): a pupil when a class is given, staff otherwise.
import type { GroupMember } from '../../shared/api/me.ts';

export function groupMember(
  person_id: string,
  role: GroupMember['role'],
  last_name: string,
  first_name: string,
  middle_name: string | null,
  class_name: string | null,
): GroupMember {
  return {
    person_id,
    role,
    last_name,
    first_name,
    middle_name,
    class_name,
    google_user_id: null,
    kind: class_name ? 'student' : 'staff',
    sex: null,
  };
}
