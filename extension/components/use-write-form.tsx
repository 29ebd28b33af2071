import { useEffect, useRef, useState } from 'preact/hooks';
import type { FieldError } from '../../shared/errors.ts';
import { ApiError } from '../utils/api-errors.ts';
import { language } from '../utils/i18n.ts';
import type { SubmitResult } from '../utils/messages.ts';
import { useWritesArmed } from './write-guard.tsx';

/**
 * What the meeting and plan forms share: one save at a time, only while the frame is armed, the
 * API's refusal shown at the form and beside each field it names.
 */
export function useWriteForm<T>(submit: (payload: T) => Promise<SubmitResult>, onDone: (result: SubmitResult) => void) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<FieldError[]>([]);
  // In a panel frame: nothing is saved until the frame has been plainly visible for a moment.
  const armed = useWritesArmed();
  // The form opens on the person's request: its first field takes the keyboard.
  const firstField = useRef<HTMLInputElement>(null);
  useEffect(() => firstField.current?.focus(), []);

  const save = async (event: Event, payload: () => T) => {
    event.preventDefault();
    if (!armed || saving) return;
    setSaving(true);
    setError(null);
    setFields([]);
    try {
      onDone(await submit(payload()));
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      if (caught instanceof ApiError) setFields(caught.body?.error.fields ?? []);
    } finally {
      setSaving(false);
    }
  };

  const fieldError = (path: string) => {
    const found = fields.find((f) => f.path === path);
    return found ? <div class="field-error">{language === 'ru' ? found.message : found.message_en}</div> : null;
  };

  const formError = error && (
    <div class="status error" role="alert">
      {error}
    </div>
  );

  return { saving, armed, save, fieldError, formError, firstField };
}
