// The fields a logged meeting and a planned one share: its length, kind and format.
import type { ComponentChildren } from 'preact';
import { type MeetingKind, meetingFormats, meetingKinds } from '../../shared/catalog.ts';
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
