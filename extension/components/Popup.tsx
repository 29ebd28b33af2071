import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { GroupSummary } from '../../shared/api/me.ts';
import { givenAndFamilyName } from '../../shared/names.ts';
import { describeError, OfflineError } from '../utils/api-errors.ts';
import { ask } from '../utils/ask.ts';
import { daysSince } from '../utils/dates.ts';
import { catalogLabel, language, t, tn } from '../utils/i18n.ts';
import type { SubmitResult } from '../utils/messages.ts';
import { MeetingForm } from './MeetingForm.tsx';
import { useAsync } from './use-async.ts';
import { useSession, useSessionRefused } from './use-session.ts';

function LastMet({ group }: { group: GroupSummary }) {
  if (!group.last_meeting_on) return <span class="muted">{t('popup.neverMet')}</span>;
  const days = daysSince(group.last_meeting_on);
  return (
    <span class="muted" data-testid="last-met">
      {days === 0 ? t('popup.lastMetToday') : days === 1 ? t('popup.lastMetYesterday') : tn('popup.lastMet', days)}
    </span>
  );
}

function GroupCard({ group, onLog }: { group: GroupSummary; onLog: () => void }) {
  const others = group.members.filter((m) => m.role !== group.my_role);
  return (
    <div class="card" data-testid="popup-group" data-group-id={group.id}>
      <h3>{others.map((m) => `${givenAndFamilyName(m)}${m.class_name ? ` (${m.class_name})` : ''}`).join(', ')}</h3>
      <div class="muted">
        {t(`form.${group.form}` as Parameters<typeof t>[0])} · {catalogLabel(group.role_model)}
      </div>
      <div class="header">
        <LastMet group={group} />
        <button type="button" class="secondary" data-testid="log-meeting" onClick={onLog}>
          {t('popup.logMeeting')}
        </button>
      </div>
    </div>
  );
}

/** How many meetings wait in the background's queue; `round` changes when a meeting may have joined it. */
function QueueIndicator({ round }: { round: number }) {
  const [waiting, setWaiting] = useState(0);
  useEffect(() => {
    let live = true;
    void ask({ type: 'nastavnik:flush-queue' }).then(
      (count) => live && setWaiting(count),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [round]);
  if (waiting === 0) return null;
  return (
    <div class="status warn" data-testid="queue-waiting" role="status">
      {tn('popup.queueWaiting', waiting)}
    </div>
  );
}

export function Popup() {
  const [session] = useSession();
  const refused = useSessionRefused();
  const [groups, reload] = useAsync(() => ask({ type: 'nastavnik:popup-groups' }));
  const [queueRound, setQueueRound] = useState(0);
  const [logging, setLogging] = useState<GroupSummary | null>(null);
  const [message, setMessage] = useState<{ text: string; kind: 'ok' | 'warn' } | null>(null);

  const done = (result: SubmitResult) => {
    setLogging(null);
    setMessage(result.status === 'saved' ? { text: t('popup.saved'), kind: 'ok' } : { text: t('popup.offlineQueued'), kind: 'warn' });
    if (result.status === 'queued') setQueueRound((n) => n + 1);
    reload();
  };

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

  return (
    <main class="popup">
      <div class="header">
        <h1>{t('appName')}</h1>
        <span class="muted" data-testid="signed-in-as">
          {t('popup.signedInAs', { name: session.value.name })}
        </span>
      </div>
      <QueueIndicator round={queueRound} />
      {message && (
        <div class={`status ${message.kind === 'warn' ? 'warn' : ''}`} role="status" data-testid="meeting-status">
          {message.text}
        </div>
      )}
      {logging ? (
        <>
          <MeetingForm group={logging} submit={(meeting) => ask({ type: 'nastavnik:log-meeting', meeting })} onDone={done} />
          <button type="button" class="secondary" onClick={() => setLogging(null)}>
            {t('popup.back')}
          </button>
        </>
      ) : (
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
          {groups.status === 'done' &&
            groups.value.groups.map((group) => (
              <GroupCard
                key={group.id}
                group={group}
                onLog={() => {
                  setMessage(null);
                  setLogging(group);
                }}
              />
            ))}
        </section>
      )}
    </main>
  );
}
