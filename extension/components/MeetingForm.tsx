import { useState } from 'preact/hooks';
import type { GroupSummary } from '../../shared/api/me.ts';
import type { MeetingCreate } from '../../shared/api/meetings.ts';
import { meetingFormats, meetingKinds } from '../../shared/catalog.ts';
import type { FieldError } from '../../shared/errors.ts';
import { givenAndFamilyName } from '../../shared/names.ts';
import { ApiError } from '../utils/api-errors.ts';
import { today } from '../utils/dates.ts';
import { language, t } from '../utils/i18n.ts';
import type { SubmitResult } from '../utils/messages.ts';
import { useWritesArmed } from './write-guard.tsx';

/**
 * «Записать встречу»: today, 45 minutes, the pair's next step pre-selected; Enter saves. `submit`
 * is the queue itself in the popup, and a message to the background in a content script.
 */
export function MeetingForm({
  group,
  submit,
  onDone,
}: {
  group: GroupSummary;
  submit: (meeting: MeetingCreate) => Promise<SubmitResult>;
  onDone: (result: SubmitResult) => void;
}) {
  const [heldOn, setHeldOn] = useState(today());
  const [duration, setDuration] = useState('45');
  const [kind, setKind] = useState(group.next_kind);
  const [format, setFormat] = useState<(typeof meetingFormats)[number]>('in_person');
  const [topic, setTopic] = useState('');
  const [notes, setNotes] = useState('');
  // Each participant's 1–10 after the meeting (the methodology's short feedback form); optional.
  const [ratings, setRatings] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<FieldError[]>([]);
  // One id per form: pressing Save twice, or a retry, is still one meeting.
  const [id] = useState(() => crypto.randomUUID());
  // In a panel frame: nothing is saved until the frame has been plainly visible for a moment.
  const armed = useWritesArmed();

  const fieldError = (path: string) => {
    const found = fields.find((f) => f.path === path);
    return found ? <div class="field-error">{language === 'ru' ? found.message : found.message_en}</div> : null;
  };

  const rated = group.members.filter((m) => m.role !== group.my_role);
  const feedback = rated
    .filter((m) => ratings[m.person_id])
    .map((m) => ({ person_id: m.person_id, rating: Number.parseInt(ratings[m.person_id] ?? '', 10) }));

  const save = async (event: Event) => {
    event.preventDefault();
    if (!armed || saving) return;
    setSaving(true);
    setError(null);
    setFields([]);
    try {
      const result = await submit({
        id,
        group_id: group.id,
        kind,
        held_on: heldOn,
        duration_minutes: Number.parseInt(duration, 10),
        format,
        ...(topic.trim() ? { topic: topic.trim() } : {}),
        ...(notes.trim() ? { notes: notes.trim() } : {}),
        ...(feedback.length ? { feedback } : {}),
      });
      onDone(result);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      if (caught instanceof ApiError) setFields(caught.body?.error.fields ?? []);
    } finally {
      setSaving(false);
    }
  };

  const others = rated.map(givenAndFamilyName);
  return (
    <form onSubmit={save} data-testid="meeting-form" aria-label={t('popup.logMeeting')}>
      <h2>
        {t('popup.logMeeting')}: {others.join(', ')}
      </h2>
      <div class="row">
        <div>
          <label for="held-on">{t('meeting.date')}</label>
          <input id="held-on" type="date" value={heldOn} max={today()} required onInput={(e) => setHeldOn(e.currentTarget.value)} />
          {fieldError('held_on')}
        </div>
        <div>
          <label for="duration">{t('meeting.duration')}</label>
          <input
            id="duration"
            type="number"
            min={5}
            max={480}
            step={5}
            value={duration}
            required
            onInput={(e) => setDuration(e.currentTarget.value)}
          />
          {fieldError('duration_minutes')}
        </div>
      </div>
      <div class="row">
        <div>
          <label for="kind">{t('meeting.kind')}</label>
          <select id="kind" data-testid="meeting-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as typeof kind)}>
            {meetingKinds.map((k) => (
              <option value={k} key={k}>
                {t(`meetingKind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="format">{t('meeting.format')}</label>
          <select id="format" value={format} onChange={(e) => setFormat(e.currentTarget.value as typeof format)}>
            {meetingFormats.map((f) => (
              <option value={f} key={f}>
                {t(`meetingFormat.${f}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <label for="topic">{t('meeting.topic')}</label>
      <input id="topic" data-testid="meeting-topic" maxLength={200} value={topic} onInput={(e) => setTopic(e.currentTarget.value)} />
      {fieldError('topic')}
      <label for="notes">{t('meeting.notes')}</label>
      <textarea id="notes" maxLength={4000} value={notes} onInput={(e) => setNotes(e.currentTarget.value)} />
      {rated.length > 0 && (
        <fieldset class="ratings">
          <legend>{t('meeting.feedback')}</legend>
          {rated.map((member) => (
            <div class="rating" key={member.person_id}>
              <label for={`rating-${member.person_id}`}>{givenAndFamilyName(member)}</label>
              <select
                id={`rating-${member.person_id}`}
                data-testid="meeting-rating"
                data-person={member.person_id}
                value={ratings[member.person_id] ?? ''}
                onChange={(e) => setRatings({ ...ratings, [member.person_id]: e.currentTarget.value })}
              >
                <option value="">{t('meeting.noRating')}</option>
                {Array.from({ length: 10 }, (_, i) => String(i + 1)).map((value) => (
                  <option value={value} key={value}>
                    {value}
                  </option>
                ))}
              </select>
            </div>
          ))}
          {fieldError('feedback')}
        </fieldset>
      )}
      {error && (
        <div class="status error" role="alert">
          {error}
        </div>
      )}
      <p>
        <button type="submit" data-testid="meeting-save" disabled={saving || !armed}>
          {saving ? t('meeting.saving') : t('meeting.save')}
        </button>
      </p>
    </form>
  );
}
