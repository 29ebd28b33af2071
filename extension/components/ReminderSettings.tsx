import { useState } from 'preact/hooks';
import { describeError } from '../utils/api-errors.ts';
import { ask } from '../utils/ask.ts';
import { t } from '../utils/i18n.ts';
import { type ReminderKind, reminderKinds, type ReminderSettings as Settings } from '../utils/storage.ts';
import { type Status, StatusLine } from './status.tsx';
import { useAsync } from './use-async.ts';

/** Options → «Напоминания»: each kind on or off (a tick is «remind me»); saved at once. */
export function ReminderSettings() {
  const [loaded] = useAsync(() => ask({ type: 'nastavnik:reminder-settings' }));
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const current = settings ?? (loaded.status === 'done' ? loaded.value : null);
  const toggle = async (kind: ReminderKind, on: boolean) => {
    if (!current) return;
    const next = { muted: { ...current.muted, [kind]: !on } };
    setSettings(next);
    try {
      setSettings(await ask({ type: 'nastavnik:set-reminder-settings', settings: next }));
      setStatus({ kind: 'ok', text: t('options.remindersSaved') });
    } catch (error) {
      setSettings(current);
      setStatus({ kind: 'error', text: describeError(error) });
    }
  };
  return (
    <section aria-labelledby="reminders-title" data-testid="reminder-settings">
      <h2 id="reminders-title">{t('options.reminders')}</h2>
      <p class="muted">{t('options.remindersIntro')}</p>
      {current && (
        <fieldset class="checks">
          <legend class="sr">{t('options.reminders')}</legend>
          {reminderKinds.map((kind) => (
            <label key={kind} class="check">
              <input
                type="checkbox"
                data-testid={`reminder-${kind}`}
                checked={!current.muted[kind]}
                onChange={(event) => void toggle(kind, event.currentTarget.checked)}
              />{' '}
              {t(`options.reminder.${kind}`)}
            </label>
          ))}
        </fieldset>
      )}
      <StatusLine status={status} testId="reminder-status" />
    </section>
  );
}
