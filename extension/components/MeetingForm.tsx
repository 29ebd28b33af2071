import { useState } from 'preact/hooks';
import type { GroupSummary } from '../../shared/api/me.ts';
import type { MeetingCreate } from '../../shared/api/meetings.ts';
import type { meetingFormats } from '../../shared/catalog.ts';
import { givenAndFamilyName } from '../../shared/names.ts';
import { today } from '../utils/dates.ts';
import { t } from '../utils/i18n.ts';
import type { SubmitResult } from '../utils/messages.ts';
import { DateField, DurationField, FormatField, KindField, SaveButton, TopicField } from './meeting-fields.tsx';
import { useWriteForm } from './use-write-form.tsx';

/**
 * «Записать встречу»: today, 45 minutes, the pair's next step pre-selected; Enter saves. `submit`
 * is the queue itself in the popup, and a message to the background in a content script.
 */
export function MeetingForm({
  group,
  initial,
  submit,
  onDone,
}: {
  group: GroupSummary;
  /** A meeting to fix (one the API refused): its fields, and its id, so that it stays one meeting. */
  initial?: MeetingCreate;
  submit: (meeting: MeetingCreate) => Promise<SubmitResult>;
  onDone: (result: SubmitResult) => void;
}) {
  const [heldOn, setHeldOn] = useState(initial?.held_on ?? today());
  const [duration, setDuration] = useState(String(initial?.duration_minutes ?? 45));
  const [kind, setKind] = useState(initial?.kind ?? group.next_kind);
  const [format, setFormat] = useState<(typeof meetingFormats)[number]>(initial?.format ?? 'in_person');
  const [topic, setTopic] = useState(initial?.topic ?? '');
  const [notes, setNotes] = useState(initial?.notes ?? '');
  // Each participant's 1–10 after the meeting (the methodology's short feedback form); optional.
  const [ratings, setRatings] = useState<Record<string, string>>(
    Object.fromEntries((initial?.feedback ?? []).map((f) => [f.person_id, String(f.rating)])),
  );
  // One id per form: pressing Save twice, or a retry, is still one meeting.
  const [id] = useState(() => initial?.id ?? crypto.randomUUID());
  const { saving, armed, save, fieldError, formError, firstField } = useWriteForm(submit, onDone);

  const rated = group.members.filter((m) => m.role !== group.my_role);
  const feedback = rated
    .filter((m) => ratings[m.person_id])
    .map((m) => ({ person_id: m.person_id, rating: Number.parseInt(ratings[m.person_id] ?? '', 10) }));

  const others = rated.map(givenAndFamilyName);
  return (
    <form
      onSubmit={(event) =>
        save(event, () => ({
          id,
          group_id: group.id,
          kind,
          held_on: heldOn,
          duration_minutes: Number.parseInt(duration, 10),
          format,
          ...(topic.trim() ? { topic: topic.trim() } : {}),
          ...(notes.trim() ? { notes: notes.trim() } : {}),
          ...(feedback.length ? { feedback } : {}),
        }))
      }
      data-testid="meeting-form"
      aria-label={t('popup.logMeeting')}
    >
      <h2>
        {t('popup.logMeeting')}: {others.join(', ')}
      </h2>
      <div class="row">
        <DateField
          id="held-on"
          label="meeting.date"
          inputRef={firstField}
          value={heldOn}
          max={today()}
          onInput={setHeldOn}
          error={fieldError('held_on')}
        />
        <DurationField id="duration" value={duration} onInput={setDuration} error={fieldError('duration_minutes')} />
      </div>
      <div class="row">
        <KindField id="kind" testId="meeting-kind" value={kind} onChange={setKind} />
        <FormatField id="format" value={format} onChange={setFormat} />
      </div>
      <TopicField id="topic" testId="meeting-topic" value={topic} onInput={setTopic} error={fieldError('topic')} />
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
      {formError}
      <SaveButton testId="meeting-save" label="meeting.save" saving={saving} armed={armed} />
    </form>
  );
}
