// Class lists from a file (XLSX or CSV an e-journal exports) into the school, with the API's preview
// first: how many rows are new, already known, ambiguous (namesakes, never guessed) or invalid, and
// why; then the import. The people it adds appear in the base's table, «не в базе», to enrol.
import { useState } from 'preact/hooks';
import type { RosterPreview } from '../../shared/api/roster-import.ts';
import { ApiError } from '../utils/api-errors.ts';
import { language, t, tn } from '../utils/i18n.ts';
import { body, client } from './api.ts';
import { ActionStatus, useAction } from './parts.tsx';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function RosterImport({ organisationId, imported }: { organisationId: string; imported: () => void }) {
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [preview, setPreview] = useState<RosterPreview | null>(null);
  const action = useAction();
  const send = (dryRun: boolean) =>
    file &&
    action.run(
      async () => {
        const answer = await body(
          client.organisations[':organisation_id']['roster-import'].$post({
            param: { organisation_id: organisationId },
            json: { file_name: file.name, content_base64: file.base64, dry_run: dryRun },
          }),
        ).catch((error: unknown) => {
          // A file that cannot be read answers 422 with the preview's file errors, not the error shape.
          throw error instanceof ApiError && error.status === 422 && !error.body ? new Error(t('dashboard.import.unreadable')) : error;
        });
        setPreview(answer);
        if (!dryRun) imported();
        return answer;
      },
      dryRun ? undefined : t('dashboard.import.done'),
    );
  return (
    <section aria-labelledby="roster-import-title" data-testid="roster-import-panel">
      <h3 id="roster-import-title">{t('dashboard.import.title')}</h3>
      <p class="muted">{t('dashboard.import.hint')}</p>
      <input
        type="file"
        accept=".xlsx,.csv,.txt"
        aria-label={t('dashboard.import.file')}
        data-testid="roster-file"
        onChange={async (e) => {
          const chosen = e.currentTarget.files?.[0];
          setPreview(null);
          if (!chosen) return setFile(null);
          setFile({ name: chosen.name, base64: toBase64(new Uint8Array(await chosen.arrayBuffer())) });
        }}
      />
      <div class="row">
        <button
          type="button"
          class="secondary"
          disabled={!file || action.busy}
          onClick={() => void send(true)}
          data-testid="roster-preview"
        >
          {t('dashboard.import.check')}
        </button>
        {preview?.dry_run && preview.file_errors.length === 0 && preview.counts.new + preview.counts.known > 0 && (
          <button type="button" disabled={action.busy} onClick={() => void send(false)} data-testid="roster-apply">
            {t('dashboard.import.apply', { count: preview.counts.new + preview.counts.known })}
          </button>
        )}
      </div>
      {preview && (
        <div data-testid="roster-preview-counts">
          {preview.file_errors.map((error) => (
            <p key={error.code} class="status error" role="alert">
              {language === 'en' ? error.message_en : error.message_ru}
            </p>
          ))}
          <p>
            {tn('dashboard.import.rows', preview.counts.rows)}: {t('dashboard.import.counts', preview.counts)}
          </p>
          {preview.invalid.slice(0, 10).map((row) => (
            <p key={row.row.line} class="muted">
              {t('dashboard.import.line', { line: row.row.line })}:{' '}
              {row.errors.map((error) => (language === 'en' ? error.message_en : error.message_ru)).join('; ')}
            </p>
          ))}
          {preview.result && (
            <p class="status">{t('dashboard.import.result', { created: preview.result.created, updated: preview.result.updated })}</p>
          )}
        </div>
      )}
      <ActionStatus action={action} testId="roster-import-status" />
    </section>
  );
}
