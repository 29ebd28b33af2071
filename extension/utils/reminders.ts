// Reminders that keep pairs meeting (issue #14): a mentor hears of a meeting planned for today and
// of a pair that has not met for 14 days; a curator gets a weekly digest of the school's inactive
// pairs. Checked on an hourly alarm (so a plan made in the morning for the afternoon is still
// announced), each reminder at most once — a plan once, a pair and the digest once a week — and
// never outside 8:00–20:00 local time: a check outside those hours waits for the next one inside.
// Each kind can be muted on the options page. A click opens the right form.
import { browser } from 'wxt/browser';
import type { GroupSummary } from '../../shared/api/me.ts';
import { givenAndFamilyName } from '../../shared/names.ts';
import { api } from './api.ts';
import { getAccessToken } from './auth.ts';
import { daysSince, today } from './dates.ts';
import { language, t, tn } from './i18n.ts';
import { curatorOf, loadMyGroups } from './my-groups.ts';
import { type ReminderKind, type ReminderSettings, reminderSettingsItem, remindersShownItem } from './storage.ts';

export const reminderAlarm = 'nastavnik:reminders';
/** Local hours when a reminder may be shown: from 8:00 to 20:00. */
export const quietHours = { from: 8, to: 20 } as const;
/** A pair that has not met for this many days is inactive. */
export const inactiveAfterDays = 14;
const week = 7 * 86_400_000;

export interface Reminder {
  /** The notification's id, and what it opens: `kind:groupId(:planId)`. */
  id: string;
  kind: ReminderKind;
  title: string;
  message: string;
}

export function withinHours(now: Date): boolean {
  const hour = now.getHours();
  return hour >= quietHours.from && hour < quietHours.to;
}

const others = (group: GroupSummary) =>
  group.members
    .filter((m) => m.role !== group.my_role)
    .map(givenAndFamilyName)
    .join(', ');

/** Days since the pair last met, or since it started when it never has. */
function idleDays(group: GroupSummary, now: Date): number | null {
  const since = group.last_meeting_on ?? group.started_on;
  return since ? daysSince(since, now.getTime()) : null;
}

export const isInactive = (group: GroupSummary, now: Date): boolean => (idleDays(group, now) ?? 0) >= inactiveAfterDays;

/**
 * What is due now, from the groups and what was shown before: pure (tests run it on a fake clock).
 * `school` is the curator's whole school (null for everyone else).
 */
export function dueReminders(input: {
  now: Date;
  mine: readonly GroupSummary[];
  school: readonly GroupSummary[] | null;
  settings: ReminderSettings;
  shown: Readonly<Record<string, number>>;
}): Reminder[] {
  const { now, mine, school, settings, shown } = input;
  if (!withinHours(now)) return [];
  const due: Reminder[] = [];
  const notShownFor = (id: string, ms: number) => shown[id] === undefined || now.getTime() - (shown[id] ?? 0) >= ms;
  for (const group of mine) {
    if (group.my_role !== 'mentor') continue;
    const plan = group.next_meeting;
    if (plan && !settings.muted['planned-today'] && today(new Date(plan.starts_at)) === today(now)) {
      const id = `planned-today:${group.id}:${plan.id}`;
      const time = new Date(plan.starts_at).toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit' });
      if (shown[id] === undefined)
        due.push({
          id,
          kind: 'planned-today',
          title: t('reminder.plannedToday', { time }),
          message: `${others(group)} · ${t(`meetingKind.${plan.kind}`)}`,
        });
    }
    // A pair with a meeting planned ahead is looked after, however long ago it last met.
    const planned = plan && Date.parse(plan.starts_at) > now.getTime();
    if (!planned && !settings.muted['inactive-pair'] && isInactive(group, now)) {
      const id = `inactive-pair:${group.id}`;
      if (notShownFor(id, week))
        due.push({
          id,
          kind: 'inactive-pair',
          title: t('reminder.inactiveTitle'),
          message: t(group.last_meeting_on ? 'reminder.inactive' : 'reminder.neverMet', {
            names: others(group),
            days: tn('reminder.days', idleDays(group, now) ?? 0),
          }),
        });
    }
  }
  if (school && !settings.muted['curator-digest'] && notShownFor('curator-digest', week)) {
    const inactive = school.filter((group) => isInactive(group, now)).length;
    if (inactive > 0)
      due.push({
        id: 'curator-digest',
        kind: 'curator-digest',
        title: t('reminder.digestTitle'),
        message: tn('reminder.digest', inactive),
      });
  }
  return due;
}

/** The hourly check: shows what is due (nothing outside 8:00–20:00 or when nobody is signed in). */
export async function checkReminders(now = new Date()): Promise<Reminder[]> {
  if (!withinHours(now) || !(await getAccessToken())) return [];
  const settings = await reminderSettingsItem.getValue();
  if (Object.values(settings.muted).every(Boolean)) return [];
  const { groups: mine } = await loadMyGroups();
  const school = !settings.muted['curator-digest'] && (await curatorOf()) ? await api.visibleGroups().catch(() => null) : null;
  const shown = await remindersShownItem.getValue();
  const due = dueReminders({ now, mine, school, settings, shown });
  for (const reminder of due) {
    await browser.notifications.create(reminder.id, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: reminder.title,
      message: reminder.message,
      priority: 0,
    });
    shown[reminder.id] = now.getTime();
  }
  if (due.length) await remindersShownItem.setValue(shown);
  return due;
}

/**
 * Where a reminder's click leads: the pair in the popup page (with «встреча состоялась» for today's
 * plan, the meeting form for an inactive pair), the dashboard for the digest.
 */
export function reminderTarget(notificationId: string): string | null {
  const [kind, groupId] = notificationId.split(':');
  if (kind === 'curator-digest') return '/dashboard.html';
  if (!groupId) return null;
  if (kind === 'planned-today') return `/popup.html?group=${groupId}`;
  if (kind === 'inactive-pair') return `/popup.html?group=${groupId}&action=log`;
  return null;
}

/** Opens what a clicked reminder is about, in a window of its own (the popup cannot be opened by code everywhere). */
export async function openReminder(notificationId: string): Promise<void> {
  const path = reminderTarget(notificationId);
  await browser.notifications.clear(notificationId);
  if (!path) return;
  const url = browser.runtime.getURL(path as '/popup.html');
  if (path.startsWith('/dashboard')) await browser.tabs.create({ url });
  else await browser.windows.create({ url, type: 'popup', width: 420, height: 640 });
}
