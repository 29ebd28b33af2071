import { useState } from 'preact/hooks';
import type { GroupSummary } from '../../shared/api/me.ts';
import type { PlannedMeeting, PlannedMeetingCreate } from '../../shared/api/meetings.ts';
import type { meetingFormats } from '../../shared/catalog.ts';
import { today } from '../utils/dates.ts';
import { t } from '../utils/i18n.ts';
import type { SubmitResult } from '../utils/messages.ts';
import { DateField, DurationField, FormatField, KindField, SaveButton, TopicField } from './meeting-fields.tsx';
import { localParts, startsAt } from './plan-writes.ts';
import { useWriteForm } from './use-write-form.tsx';

/**
 * «Запланировать встречу»: the date and time of the pair's next meeting (tomorrow at 15:00 unless
 * it moves a plan), the kind (next in the sequence), length, format and topic; Enter saves.
 * `initial`: a plan to fix (a refused one, sent again with its id); `replaces`: the plan it moves.
 */
export function PlanForm({
  group,
  initial,
  replaces,
  submit,
  onDone,
}: {
  group: GroupSummary;
  initial?: PlannedMeetingCreate;
  replaces?: PlannedMeeting | null;
  submit: (plan: PlannedMeetingCreate) => Promise<SubmitResult>;
  onDone: (result: SubmitResult) => void;
}) {
  const from = initial ?? replaces;
  const start = localParts(from ? new Date(from.starts_at) : new Date(`${today(new Date(Date.now() + 86_400_000))}T15:00`));
  const [date, setDate] = useState(start.date);
  const [time, setTime] = useState(start.time);
  const [kind, setKind] = useState(from?.kind ?? group.next_kind);
  const [duration, setDuration] = useState(String(from?.duration_minutes ?? 45));
  const [format, setFormat] = useState<(typeof meetingFormats)[number]>(from?.format ?? 'in_person');
  const [topic, setTopic] = useState(from?.topic ?? '');
  // One id per form (a fixed plan keeps its own): pressing Save twice, or a retry, is still one plan.
  const [id] = useState(() => initial?.id ?? crypto.randomUUID());
  const { saving, armed, save, fieldError, formError, firstField } = useWriteForm(submit, onDone);

  return (
    <form
      onSubmit={(event) =>
        save(event, () => ({
          id,
          group_id: group.id,
          kind,
          starts_at: startsAt(date, time),
          duration_minutes: Number.parseInt(duration, 10),
          format,
          ...(topic.trim() ? { topic: topic.trim() } : {}),
        }))
      }
      data-testid="plan-form"
      aria-label={t('plan.title')}
    >
      <h2>{t(replaces ? 'plan.replan' : 'plan.title')}</h2>
      <div class="row">
        <DateField
          id="plan-date"
          label="plan.date"
          inputRef={firstField}
          value={date}
          min={today()}
          onInput={setDate}
          error={fieldError('starts_at')}
        />
        <div>
          <label for="plan-time">{t('plan.time')}</label>
          <input id="plan-time" type="time" step={300} value={time} required onInput={(e) => setTime(e.currentTarget.value)} />
        </div>
      </div>
      <div class="row">
        <KindField id="plan-kind" value={kind} onChange={setKind} />
        <DurationField id="plan-duration" value={duration} onInput={setDuration} />
      </div>
      <FormatField id="plan-format" value={format} onChange={setFormat} />
      <TopicField id="plan-topic" value={topic} onInput={setTopic} />
      {formError}
      <SaveButton testId="plan-save" label="plan.save" saving={saving} armed={armed} />
    </form>
  );
}
