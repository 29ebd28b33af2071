// Reminders on WXT's fake browser and a fake clock: what is due when, never outside 8:00–20:00,
// once per plan and once a week per pair and digest, muted per kind, and where a click leads.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// WXT's fake browser as `chrome`, and a test API (fake-extension.ts), before the modules under test load.
await vi.hoisted(() => import('./fake-extension.ts'));

const { fakeBrowser } = await import('wxt/testing/fake-browser');
const { checkReminders, dueReminders, openReminder, reminderTarget } = await import('./reminders.ts');
const { reminderSettingsItem, sessionItem } = await import('./storage.ts');
type GroupSummary = import('../../shared/api/me.ts').GroupSummary;

/** Local wall-clock time on 2 December 2026 (a Wednesday) in the test's time zone. */
const at = (hours: number, minutes = 0, day = 2) => new Date(2026, 11, day, hours, minutes);
const iso = (date: Date) => date.toISOString();
const unmuted = { muted: { 'planned-today': false, 'inactive-pair': false, 'curator-digest': false } };

function group(id: string, overrides: Partial<GroupSummary> = {}): GroupSummary {
  return {
    id: `00000000-0000-4000-8000-${id.padStart(12, '0')}`,
    form: { key: 'teacher_student', label_ru: 'Учитель – ученик', label_en: 'Teacher – student' },
    role_model: { key: 'teacher_talented_student', label_ru: 'Учитель – талантливый ученик', label_en: 'Teacher – talented student' },
    programme_id: '00000000-0000-4000-8000-0000000000aa',
    status: 'active',
    started_on: '2026-10-01',
    my_role: 'mentor',
    members: [
      {
        person_id: '00000000-0000-4000-8000-0000000000a1',
        role: 'mentor',
        kind: 'staff',
        sex: 'f',
        last_name: 'Новикова',
        first_name: 'Полина',
        middle_name: null,
        class_name: null,
        google_user_id: null,
      },
      {
        person_id: '00000000-0000-4000-8000-0000000000b1',
        role: 'mentee',
        kind: 'student',
        sex: 'f',
        last_name: 'Карпова',
        first_name: 'Мария',
        middle_name: null,
        class_name: '10Б',
        google_user_id: null,
      },
    ],
    meeting_kinds_held: ['introduction'],
    last_meeting_on: '2026-11-30',
    next_kind: 'trial',
    next_meeting: null,
    ...overrides,
  };
}
const plan = (id: string, startsAt: Date) => ({
  id: `10000000-0000-4000-8000-${id.padStart(12, '0')}`,
  group_id: group(id).id,
  kind: 'trial' as const,
  starts_at: iso(startsAt),
  duration_minutes: 45,
  format: 'in_person' as const,
  topic: null,
  author_person_id: null,
  created_at: iso(at(7)),
});

describe('which reminders are due', () => {
  const today = group('1', { next_meeting: plan('1', at(15, 30)) });
  const idle = group('2', { last_meeting_on: '2026-11-18' });
  const fresh = group('3', { last_meeting_on: '2026-11-19' });

  it('says nothing before 8:00 or from 20:00, local time', () => {
    for (const now of [at(7, 59), at(20, 0), at(23, 30), at(3)]) {
      expect(dueReminders({ now, mine: [today, idle], school: [idle], settings: unmuted, shown: {} })).toEqual([]);
    }
  });

  it('tells a mentor of a meeting planned today, once, and of a pair that has not met for 14 days', () => {
    const due = dueReminders({ now: at(8, 0), mine: [today, idle, fresh], school: null, settings: unmuted, shown: {} });
    expect(due.map((r) => r.id)).toEqual([`planned-today:${today.id}:${today.next_meeting?.id}`, `inactive-pair:${idle.id}`]);
    expect(due[0]?.message).toContain('Карпова Мария');
    // Shown: not again the same day, nor the next.
    const shown = Object.fromEntries(due.map((r) => [r.id, at(8).getTime()]));
    expect(dueReminders({ now: at(14), mine: [today, idle], school: null, settings: unmuted, shown })).toEqual([]);
    // The pair once a week while it stays idle.
    expect(dueReminders({ now: at(7, 59, 9), mine: [idle], school: null, settings: unmuted, shown })).toEqual([]);
    expect(dueReminders({ now: at(8, 0, 9), mine: [idle], school: null, settings: unmuted, shown }).map((r) => r.kind)).toEqual([
      'inactive-pair',
    ]);
  });

  it('leaves alone a pair with a meeting planned ahead, a plan for another day, and groups the person only belongs to', () => {
    const planned = group('4', { last_meeting_on: '2026-10-01', next_meeting: plan('4', at(10, 0, 5)) });
    const mentee = group('5', { my_role: 'mentee', last_meeting_on: '2026-10-01', next_meeting: plan('5', at(16)) });
    expect(dueReminders({ now: at(9), mine: [planned, mentee], school: null, settings: unmuted, shown: {} })).toEqual([]);
  });

  it('gives a curator a weekly digest of the school’s inactive pairs', () => {
    const school = [idle, fresh, group('6', { last_meeting_on: null, started_on: '2026-11-01' })];
    const [digest] = dueReminders({ now: at(9), mine: [], school, settings: unmuted, shown: {} });
    expect(digest).toMatchObject({ id: 'curator-digest', kind: 'curator-digest' });
    expect(digest?.message).toMatch(/^2 /);
    const shown = { 'curator-digest': at(9).getTime() };
    expect(dueReminders({ now: at(9, 0, 8), mine: [], school, settings: unmuted, shown })).toEqual([]);
    expect(dueReminders({ now: at(9, 0, 9), mine: [], school, settings: unmuted, shown })).toHaveLength(1);
  });

  it('mutes each kind on its own', () => {
    const input = { now: at(9), mine: [today, idle], school: [idle], shown: {} };
    for (const kind of ['planned-today', 'inactive-pair', 'curator-digest'] as const) {
      const settings = { muted: { ...unmuted.muted, [kind]: true } };
      const kinds = dueReminders({ ...input, settings }).map((r) => r.kind);
      expect(kinds).not.toContain(kind);
      expect(kinds).toHaveLength(2);
    }
  });
});

describe('the hourly check', () => {
  const json = (value: unknown) => new Response(JSON.stringify(value), { status: 200, headers: { 'content-type': 'application/json' } });
  const mine = [group('1', { next_meeting: plan('1', at(15, 30)) }), group('2', { last_meeting_on: '2026-11-01' })];

  beforeEach(async () => {
    fakeBrowser.reset();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(at(6));
    await sessionItem.setValue({ access_token: 't', expires_at: Math.floor(at(23).getTime() / 1000), email: 'n@school', name: 'Новикова' });
    // A mentor (no curator's role): /me/groups answers the groups, /me a teacher.
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: RequestInfo | URL) =>
        String(url).includes('/me/groups') ? json(mine) : json({ user_id: mine[0]?.id, email: 'n@school', people: [] }),
      ),
    );
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('waits for 8:00, then shows each reminder once; a click opens the right form', async () => {
    expect(await checkReminders()).toEqual([]);
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    vi.setSystemTime(at(8, 5));
    expect((await checkReminders()).map((r) => r.kind)).toEqual(['planned-today', 'inactive-pair']);
    const shown = Object.keys(await fakeBrowser.notifications.getAll());
    expect(shown).toHaveLength(2);
    vi.setSystemTime(at(9, 5));
    expect(await checkReminders()).toEqual([]);

    const opened = vi.spyOn(fakeBrowser.windows, 'create').mockResolvedValue({} as never);
    await openReminder(`inactive-pair:${mine[1]?.id}`);
    expect(opened).toHaveBeenCalledWith(
      expect.objectContaining({ url: expect.stringContaining(`/popup.html?group=${mine[1]?.id}&action=log`) }),
    );
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toHaveLength(1);
    expect(reminderTarget('curator-digest')).toBe('/dashboard.html');
    expect(reminderTarget(`planned-today:${mine[0]?.id}:x`)).toBe(`/popup.html?group=${mine[0]?.id}`);
  });

  it('shows nothing when every kind is muted, or nobody is signed in', async () => {
    vi.setSystemTime(at(10));
    await reminderSettingsItem.setValue({ muted: { 'planned-today': true, 'inactive-pair': true, 'curator-digest': true } });
    expect(await checkReminders()).toEqual([]);
    await reminderSettingsItem.setValue(unmuted);
    await sessionItem.setValue(null);
    expect(await checkReminders()).toEqual([]);
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });
});
