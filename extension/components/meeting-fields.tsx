// The fields a logged meeting and a planned one share: its date, length, kind, format and topic, and
// the save button.
import type { ComponentChildren, Ref } from 'preact';
import { type MeetingKind, meetingFormats, meetingKinds } from '../../shared/catalog.ts';
import type { MessageKey } from '../../shared/i18n/index.ts';
import { t } from '../utils/i18n.ts';

type MeetingFormat = (typeof meetingFormats)[number];

export function DurationField({
  id,
  value,
  onInput,
  error,
}: {
  id: string;
  value: string;
  onInput: (value: string) => void;
  error?: ComponentChildren;
}) {
  return (
    <div>
      <label for={id}>{t('meeting.duration')}</label>
      <input id={id} type="number" min={5} max={480} step={5} value={value} required onInput={(e) => onInput(e.currentTarget.value)} />
      {error}
    </div>
  );
}

export function KindField({
  id,
  value,
  onChange,
  testId,
}: {
  id: string;
  value: MeetingKind;
  onChange: (kind: MeetingKind) => void;
  testId?: string;
}) {
  return (
    <div>
      <label for={id}>{t('meeting.kind')}</label>
      <select id={id} data-testid={testId} value={value} onChange={(e) => onChange(e.currentTarget.value as MeetingKind)}>
        {meetingKinds.map((k) => (
          <option value={k} key={k}>
            {t(`meetingKind.${k}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

export function FormatField({ id, value, onChange }: { id: string; value: MeetingFormat; onChange: (format: MeetingFormat) => void }) {
  return (
    <div>
      <label for={id}>{t('meeting.format')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value as MeetingFormat)}>
        {meetingFormats.map((f) => (
          <option value={f} key={f}>
            {t(`meetingFormat.${f}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The meeting's date, the form's first field: a logged meeting's is today or before, a plan's today or after. */
export function DateField({
  id,
  label,
  value,
  min,
  max,
  inputRef,
  onInput,
  error,
}: {
  id: string;
  label: MessageKey;
  value: string;
  min?: string;
  max?: string;
  inputRef: Ref<HTMLInputElement>;
  onInput: (value: string) => void;
  error?: ComponentChildren;
}) {
  return (
    <div>
      <label for={id}>{t(label)}</label>
      <input
        id={id}
        type="date"
        ref={inputRef}
        value={value}
        min={min}
        max={max}
        required
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      {error}
    </div>
  );
}

export function TopicField({
  id,
  testId,
  value,
  onInput,
  error,
}: {
  id: string;
  testId?: string;
  value: string;
  onInput: (value: string) => void;
  error?: ComponentChildren;
}) {
  return (
    <>
      <label for={id}>{t('meeting.topic')}</label>
      <input id={id} data-testid={testId} maxLength={200} value={value} onInput={(e) => onInput(e.currentTarget.value)} />
      {error}
    </>
  );
}

/** Save: disabled while saving (it says so) and until the form is armed against a double press. */
export function SaveButton({ testId, label, saving, armed }: { testId: string; label: MessageKey; saving: boolean; armed: boolean }) {
  return (
    <p>
      <button type="submit" data-testid={testId} disabled={saving || !armed}>
        {saving ? t('meeting.saving') : t(label)}
      </button>
    </p>
  );
}
