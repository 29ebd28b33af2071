import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { GroupSummary } from '../../shared/api/me.ts';
import type { MeetingCreate, PlannedMeetingCreate } from '../../shared/api/meetings.ts';
import type { MessageKey } from '../../shared/i18n/index.ts';
import { givenAndFamilyName } from '../../shared/names.ts';
import { describeError, OfflineError } from '../utils/api-errors.ts';
import { ask } from '../utils/ask.ts';
import { daysSince } from '../utils/dates.ts';
import { catalogLabel, language, t, tn } from '../utils/i18n.ts';
import type { Curator, SubmitResult } from '../utils/messages.ts';
import type { QueuedItem } from '../utils/storage.ts';
import { MeetingForm } from './MeetingForm.tsx';
import { NextMeeting } from './NextMeeting.tsx';
import { pairNameIn } from './PanelFrames.tsx';
import { PlanForm } from './PlanForm.tsx';
import { stageProgress, unfinishedStages, Warnings } from './ProgrammePanel.tsx';
import { planWrites } from './plan-writes.ts';
import { type Status, StatusLine } from './status.tsx';
import { useAsync } from './use-async.ts';
import { useSession, useSessionRefused } from './use-session.ts';

const logMeeting = (meeting: MeetingCreate) => ask({ type: 'nastavnik:log-meeting', meeting });

function LastMet({ group }: { group: GroupSummary }) {
  if (!group.last_meeting_on) return <span class="muted">{t('popup.neverMet')}</span>;
  const days = daysSince(group.last_meeting_on);
  return (
    <span class="muted" data-testid="last-met">
      {days === 0 ? t('popup.lastMetToday') : days === 1 ? t('popup.lastMetYesterday') : tn('popup.lastMet', days)}
    </span>
  );
}

const othersIn = (group: GroupSummary) =>
  group.members
    .filter((m) => m.role !== group.my_role)
    .map((m) => `${givenAndFamilyName(m)}${m.class_name ? ` (${m.class_name})` : ''}`)
    .join(', ');

function GroupCard({ group, onLog, say }: { group: GroupSummary; onLog: () => void; say: (said: Status) => void }) {
  return (
    <div class="card" data-testid="popup-group" data-group-id={group.id}>
      <h3>{othersIn(group)}</h3>
      <div class="muted">
        {catalogLabel(group.form)} · {catalogLabel(group.role_model)}
      </div>
      <div class="header">
        <LastMet group={group} />
        <button type="button" class="secondary" data-testid="log-meeting" onClick={onLog}>
          {t('popup.logMeeting')}
        </button>
      </div>
      <NextMeeting group={group} logMeeting={logMeeting} writes={planWrites} say={say} />
    </div>
  );
}

/** What a queued write is, in a line: «Встреча 1 декабря 2026 г.». */
function describeWrite(item: QueuedItem): string {
  const { write } = item;
  if (write.kind === 'log-meeting')
    return t('queue.item.log-meeting', { date: new Date(`${write.meeting.held_on}T12:00`).toLocaleDateString(language) });
  if (write.kind === 'plan-meeting')
    return t('queue.item.plan-meeting', {
      date: new Date(write.plan.starts_at).toLocaleString(language, { dateStyle: 'short', timeStyle: 'short' }),
    });
  if (write.kind === 'record-outcome')
    return t('queue.item.record-outcome', { metric: t(`grades.metric.${write.outcome.metric_key}` as MessageKey) });
  return t('queue.item.cancel-plan');
}

/**
 * What waits in the background's queue: how many (with «Отправить сейчас»), and every write the
 * API refused, with its reason, to fix or discard. `round` changes when a write may have joined it.
 */
function QueuePanel({
  round,
  groups,
  onFix,
  onChanged,
}: {
  round: number;
  groups: readonly GroupSummary[];
  onFix: (item: QueuedItem, group: GroupSummary) => void;
  onChanged: () => void;
}) {
  const [items, setItems] = useState<QueuedItem[]>([]);
  const [sending, setSending] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);
  // How many the popup shows: fewer later means the background sent some (the groups are read again).
  const shown = useRef(0);
  const load = async (force = false) => {
    // Opening the popup is a good moment to try (the backoff decides); the button tries at once.
    await ask({ type: 'nastavnik:flush-queue', force }).catch(() => undefined);
    const now = await ask({ type: 'nastavnik:queue' }).catch(() => []);
    shown.current = now.length;
    setItems(now);
  };
  useEffect(() => {
    void load();
  }, [round]);
  // The background sends on its own (its backoff timer, the network coming back): follow it while open.
  useEffect(() => {
    const every = setInterval(async () => {
      const now = await ask({ type: 'nastavnik:queue' }).catch(() => null);
      if (!now) return;
      if (now.length < shown.current) onChanged();
      shown.current = now.length;
      setItems(now);
    }, 2000);
    return () => clearInterval(every);
  }, []);
  const waiting = items.filter((item) => !item.refused);
  const refused = items.filter((item) => item.refused);
  // Journal readings are not meetings: said on their own.
  const results = waiting.filter((item) => item.write.kind === 'record-outcome').length;
  if (items.length === 0) return null;
  return (
    <section aria-label={t('queue.refusedTitle')} data-testid="queue">
      {waiting.length > 0 && (
        <div class="status warn header" role="status" data-testid="queue-waiting">
          <span>
            {[
              waiting.length > results ? tn('popup.queueWaiting', waiting.length - results) : '',
              results > 0 ? tn('popup.queueResults', results) : '',
            ]
              .filter(Boolean)
              .join('; ')}
          </span>
          <button
            type="button"
            class="secondary"
            data-testid="queue-send-now"
            disabled={sending}
            onClick={async () => {
              setSending(true);
              await load(true);
              setSending(false);
              onChanged();
            }}
          >
            {sending ? t('queue.sending') : t('queue.sendNow')}
          </button>
        </div>
      )}
      {refused.length > 0 && (
        <div class="status error" data-testid="queue-refused">
          <strong>{tn('queue.refusedCount', refused.length)}</strong>
          <p class="muted">{t('queue.refusedNote')}</p>
          {refused.map((item) => {
            const groupId =
              item.write.kind === 'log-meeting'
                ? item.write.meeting.group_id
                : item.write.kind === 'plan-meeting'
                  ? item.write.plan.group_id
                  : item.write.kind === 'record-outcome'
                    ? item.write.outcome.group_id
                    : item.write.groupId;
            const group = groups.find((g) => g.id === groupId);
            return (
              <div class="queue-item" key={item.id} data-testid="queue-refused-item">
                <div>
                  {describeWrite(item)}
                  {group ? ` · ${othersIn(group)}` : ''}
                </div>
                <div class="reason" data-testid="queue-refused-reason">
                  {item.refused?.message}
                </div>
                <div class="actions">
                  {group && (item.write.kind === 'log-meeting' || item.write.kind === 'plan-meeting') && (
                    <button type="button" class="secondary" data-testid="queue-fix" onClick={() => onFix(item, group)}>
                      {t('queue.fix')}
                    </button>
                  )}
                  <button
                    type="button"
                    class="secondary"
                    data-testid="queue-discard"
                    onClick={async () => {
                      // Two steps: a refused meeting is the person's own words; deleting it is never one stray click.
                      if (confirming !== item.id) return setConfirming(item.id);
                      await ask({ type: 'nastavnik:discard-queued', id: item.id });
                      setConfirming(null);
                      await load();
                    }}
                  >
                    {confirming === item.id ? t('queue.discardSure') : t('queue.discard')}
                  </button>
                </div>
              </div>
            );
          })}
        </div>
      )}
    </section>
  );
}

/** The curator's popup: the dashboard, and what needs attention in the programme — not a mentor's empty list. */
function CuratorSection({ curator }: { curator: Curator }) {
  const [overview] = useAsync(async () => {
    const [programme, groups] = await Promise.all([
      ask({ type: 'nastavnik:programme', organisationId: curator.organisationId }),
      ask({ type: 'nastavnik:my-groups' }),
    ]);
    return { programme, groups: groups ?? [] };
  });
  return (
    <section aria-labelledby="curator-work" data-testid="popup-curator">
      <h2 id="curator-work">{t('popup.curatorTitle')}</h2>
      <p class="muted">{t('popup.curatorOf', { school: curator.organisationName })}</p>
      <button
        type="button"
        data-testid="open-dashboard"
        onClick={() => {
          void browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html' as '/popup.html') });
          window.close();
        }}
      >
        {t('popup.openDashboard')}
      </button>
      <h2>{t('curator.warnings')}</h2>
      {overview.status === 'loading' && (
        <p class="muted" role="status">
          {t('curator.loading')}
        </p>
      )}
      {overview.status === 'failed' && (
        <div class="status error" role="alert">
          {describeError(overview.error)}
        </div>
      )}
      {overview.status === 'done' && (
        <Warnings
          warnings={overview.value.programme.warnings}
          unfinished={unfinishedStages(
            stageProgress(
              overview.value.programme.stages,
              overview.value.programme.programme?.current_stage ?? 1,
              overview.value.programme.checklist,
            ),
          )}
          stages={overview.value.programme.stages}
          pairName={(groupId) => pairNameIn(overview.value.groups, groupId)}
        />
      )}
    </section>
  );
}

/** The shortcut the browser gives the popup (the person may have changed it): shown so that it is learnt. */
function ShortcutHint() {
  const [keys, setKeys] = useState('');
  useEffect(() => {
    void browser.commands
      ?.getAll()
      .then((commands) =>
        setKeys(commands.find((c) => c.name === '_execute_action' || c.name === '_execute_browser_action')?.shortcut ?? ''),
      )
      .catch(() => undefined);
  }, []);
  if (!keys) return null;
  return (
    <p class="muted shortcut" data-testid="shortcut">
      {t('popup.shortcut', { keys: '' })}
      <kbd>{keys}</kbd>
    </p>
  );
}

type View =
  | { view: 'list' }
  | { view: 'log'; group: GroupSummary; initial?: MeetingCreate }
  | { view: 'plan'; group: GroupSummary; initial?: PlannedMeetingCreate };

/** `?group=…&action=log` (a reminder's click opens the popup page so): the pair, or its meeting form. */
function requested(): { groupId: string | null; action: string | null } {
  const params = new URLSearchParams(location.search);
  return { groupId: params.get('group'), action: params.get('action') };
}

export function Popup() {
  const [session] = useSession();
  const refused = useSessionRefused();
  const [groups, reload] = useAsync(() => ask({ type: 'nastavnik:popup-groups' }));
  const [curator] = useAsync(
    () => (session.status === 'done' && session.value ? ask({ type: 'nastavnik:curator' }) : Promise.resolve(null)),
    [session.status === 'done' && session.value?.email],
  );
  const [queueRound, setQueueRound] = useState(0);
  const [view, setView] = useState<View>({ view: 'list' });
  const [message, setMessage] = useState<Status | null>(null);
  const [target] = useState(requested);

  // A reminder asked for a pair's meeting form: open it once the groups are here.
  useEffect(() => {
    if (groups.status !== 'done' || !target.groupId || target.action !== 'log') return;
    const group = groups.value.groups.find((g) => g.id === target.groupId);
    if (group) setView({ view: 'log', group });
  }, [groups.status]);
  // Escape goes back from a form to the list (and closes the popup from the list, as the browser does).
  useEffect(() => {
    const back = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && view.view !== 'list') {
        event.preventDefault();
        setView({ view: 'list' });
      }
    };
    addEventListener('keydown', back);
    return () => removeEventListener('keydown', back);
  }, [view.view]);

  const say = (said: Status) => {
    setView({ view: 'list' });
    setMessage(said);
    setQueueRound((n) => n + 1);
    reload();
  };
  const done = (saved: string) => (result: SubmitResult) =>
    say(result.status === 'saved' ? { text: saved, kind: 'ok' } : { text: t('popup.offlineQueued'), kind: 'warn' });

  if (session.status === 'loading') return <main class="popup" aria-busy="true" />;
  if (session.status === 'failed' || !session.value) {
    return (
      <main class="popup">
        <h1>{t('appName')}</h1>
        {refused && (
          <p class="status warn" role="status" data-testid="session-expired">
            {t('options.sessionExpired')}
          </p>
        )}
        <p>{t('popup.notSignedIn')}</p>
        <button type="button" data-testid="open-options" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popup.openOptions')}
        </button>
      </main>
    );
  }

  const isCurator = curator.status === 'done' && curator.value !== null;
  const shownGroups =
    groups.status === 'done'
      ? groups.value.groups.filter((g) => !target.groupId || target.action || g.id === target.groupId || view.view !== 'list')
      : [];
  return (
    <main class="popup">
      <div class="header">
        <h1>{t('appName')}</h1>
        <span class="muted" data-testid="signed-in-as">
          {t('popup.signedInAs', { name: session.value.name })}
        </span>
      </div>
      <QueuePanel
        round={queueRound}
        groups={groups.status === 'done' ? groups.value.groups : []}
        onChanged={reload}
        onFix={(item, group) => {
          setMessage(null);
          if (item.write.kind === 'log-meeting') setView({ view: 'log', group, initial: item.write.meeting });
          if (item.write.kind === 'plan-meeting') setView({ view: 'plan', group, initial: item.write.plan });
        }}
      />
      <StatusLine status={message} testId="meeting-status" />
      {view.view === 'log' ? (
        <>
          <MeetingForm
            key={view.initial?.id ?? view.group.id}
            group={view.group}
            initial={view.initial}
            submit={logMeeting}
            onDone={done(t('popup.saved'))}
          />
          <button type="button" class="secondary" onClick={() => setView({ view: 'list' })}>
            {t('popup.back')}
          </button>
        </>
      ) : view.view === 'plan' ? (
        <>
          <PlanForm
            key={view.initial?.id ?? view.group.id}
            group={view.group}
            initial={view.initial}
            submit={planWrites.plan}
            onDone={done(t('plan.planned'))}
          />
          <button type="button" class="secondary" onClick={() => setView({ view: 'list' })}>
            {t('popup.back')}
          </button>
        </>
      ) : (
        <>
          {isCurator && curator.value && <CuratorSection curator={curator.value} />}
          {/* A curator with no pair of their own sees the curator's work, not a mentor's empty list. */}
          {!(isCurator && groups.status === 'done' && groups.value.groups.length === 0) && (
            <section aria-labelledby="my-groups">
              <h2 id="my-groups">{t('popup.myGroups')}</h2>
              {groups.status === 'loading' && (
                <p class="muted" role="status">
                  {t('popup.loading')}
                </p>
              )}
              {groups.status === 'failed' && (
                <div class="status error" role="alert" data-testid="groups-error">
                  {describeError(groups.error)}
                </div>
              )}
              {groups.status === 'done' && groups.value.offlineSince !== null && (
                <div class="status warn" role="status" data-testid="offline-snapshot">
                  {t('popup.offlineSnapshot', {
                    time: new Date(groups.value.offlineSince).toLocaleString(language, { dateStyle: 'short', timeStyle: 'short' }),
                  })}
                </div>
              )}
              {((groups.status === 'failed' && groups.error instanceof OfflineError) ||
                (groups.status === 'done' && groups.value.offlineSince !== null)) && (
                <p class="muted" data-testid="offline-badges">
                  {t('error.offlineBadges')}
                </p>
              )}
              {groups.status === 'done' && groups.value.groups.length === 0 && <p class="muted">{t('popup.noGroups')}</p>}
              {shownGroups.map((group) => (
                <GroupCard
                  key={group.id}
                  group={group}
                  say={say}
                  onLog={() => {
                    setMessage(null);
                    setView({ view: 'log', group });
                  }}
                />
              ))}
            </section>
          )}
        </>
      )}
      <ShortcutHint />
    </main>
  );
}
