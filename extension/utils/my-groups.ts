import { api, OfflineError } from './api.ts';
import { currentSession, getAccessToken } from './auth.ts';
import type { Curator, MyGroups } from './messages.ts';
import { myGroupsSnapshotItem } from './storage.ts';

export type { MyGroups };

/** The signed-in person's groups from the API, or from the last snapshot when it cannot be reached. */
export async function loadMyGroups(): Promise<MyGroups> {
  const session = await currentSession();
  try {
    const groups = await api.myGroups();
    if (session) await myGroupsSnapshotItem.setValue({ email: session.email, groups, fetchedAt: Date.now() });
    return { groups, offlineSince: null };
  } catch (error) {
    const snapshot = await myGroupsSnapshotItem.getValue();
    if (!(error instanceof OfflineError) || !snapshot || snapshot.email !== session?.email) throw error;
    return { groups: snapshot.groups, offlineSince: snapshot.fetchedAt };
  }
}

/** The first school where the signed-in person is a curator or the head; null for everyone else. */
export async function curatorOf(): Promise<Curator | null> {
  if (!(await getAccessToken())) return null;
  const me = await api.me();
  const person = me.people.find((p) => p.roles.includes('curator') || p.roles.includes('head'));
  return person ? { organisationId: person.organisation_id, organisationName: person.organisation_name } : null;
}
