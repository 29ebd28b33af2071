import { useState } from 'preact/hooks';
import { fullName } from '../../shared/names.ts';
import { language, t, tn } from '../utils/i18n.ts';
import type { PageRosterData, RosterCapture, RosterPreview } from '../utils/messages.ts';
import { refusedStatus, type Status, StatusLine } from './status.tsx';
import { useAsync } from './use-async.ts';
import { useWritesArmed } from './write-guard.tsx';

type Resolutions = NonNullable<RosterCapture['resolutions']>;

export interface RosterSectionProps {
  /** The list the page shows now (null when it has none), read by the content script while the drawer is open. */
  readRoster: () => Promise<PageRosterData | null>;
  /** Sends a roster to the import: a preview, or the import of exactly the roster that was previewed. */
  capture: (roster: PageRosterData, options: { dryRun: boolean; resolutions?: Resolutions }) => Promise<RosterPreview>;
  onImported: () => void;
  organisationName: string;
}

type Row = RosterPreview['new'][number];

function rowName(row: Row): string {
  return fullName(row);
}

function withClass(name: string, className: string | null): string {
  return className ? `${name}, ${className}` : name;
}

/** «Добавить 1 нового», «Добавить 3 новых», «Добавить 21 нового». */
function importLabel(count: number): string {
  return tn('roster.import', count);
}

function message(item: { message_ru: string; message_en: string }): string {
  return language === 'en' ? item.message_en : item.message_ru;
}

function Preview({
  preview,
  choices,
  choose,
}: {
  preview: RosterPreview;
  choices: Record<number, string>;
  choose: (line: number, value: string) => void;
}) {
  const { counts } = preview;
  return (
    <div data-testid="roster-preview">
      <p class="counts" data-testid="roster-counts">
        {t('roster.counts', { new: counts.new, known: counts.known, ambiguous: counts.ambiguous, invalid: counts.invalid })}
      </p>
      {preview.file_errors.map((error) => (
        <p key={error.code} class="status error">
          {message(error)}
        </p>
      ))}
      <h4>{t('roster.new')}</h4>
      {preview.new.length === 0 ? (
        <p class="muted">{t('roster.newEmpty')}</p>
      ) : (
        <ul class="names" data-testid="roster-new">
          {preview.new.map((row) => (
            <li key={row.line}>{withClass(rowName(row), row.class_name)}</li>
          ))}
        </ul>
      )}
      {preview.ambiguous.length > 0 && (
        <>
          <h4>{t('roster.ambiguous')}</h4>
          <ul class="names" data-testid="roster-ambiguous">
            {preview.ambiguous.map(({ row, reason, candidates }) => (
              <li key={row.line}>
                <label for={`who-${row.line}`}>
                  {withClass(rowName(row), row.class_name)} — {t(`roster.reason.${reason}`)}
                </label>
                <select
                  id={`who-${row.line}`}
                  aria-label={t('roster.choose', { name: rowName(row) })}
                  value={choices[row.line] ?? 'skip'}
                  onChange={(event) => choose(row.line, event.currentTarget.value)}
                >
                  <option value="skip">{t('roster.skip')}</option>
                  {candidates.map((candidate) => (
                    <option key={candidate.person_id} value={candidate.person_id}>
                      {withClass(fullName(candidate), candidate.class_name)}
                    </option>
                  ))}
                  <option value="new">{t('roster.asNew')}</option>
                </select>
              </li>
            ))}
          </ul>
        </>
      )}
      {preview.invalid.length > 0 && (
        <>
          <h4>{t('roster.invalid')}</h4>
          <ul class="names" data-testid="roster-invalid">
            {preview.invalid.map(({ row, errors }) => (
              <li key={row.line}>
                {t('roster.line', { line: row.line })}: {errors.map(message).join('; ')}
              </li>
            ))}
          </ul>
        </>
      )}
      <details>
        <summary>
          {t('roster.known')}: {preview.known.length}
        </summary>
        <ul class="names" data-testid="roster-known">
          {preview.known.map(({ row, changes, person_id }) => (
            <li key={row.line} data-person-id={person_id}>
              {withClass(rowName(row), row.class_name)}
              {changes.class_name && (
                <span class="muted">
                  {' '}
                  ({t('roster.classChange', { from: changes.class_name.from ?? '—', to: changes.class_name.to ?? '—' })})
                </span>
              )}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}

/** «Добавить класс в базу»: the page's list compared with the school's people, then the new ones added. */
export function RosterSection({ readRoster, capture, onImported }: RosterSectionProps) {
  const [loaded] = useAsync(readRoster, []);
  /** The list as last read at a click (it replaces what was read when the drawer opened). */
  const [latest, setLatest] = useState<PageRosterData | null>(null);
  const [busy, setBusy] = useState<'checking' | 'importing' | null>(null);
  // The preview and the very list it was made from: the import sends that list, whatever the page shows by then.
  const [previewed, setPreviewed] = useState<{ roster: PageRosterData; preview: RosterPreview } | null>(null);
  const [choices, setChoices] = useState<Record<number, string>>({});
  const [status, setStatus] = useState<Status | null>(null);
  // In a panel frame: nothing is imported until the frame has been plainly visible for a moment.
  const armed = useWritesArmed();
  const preview = previewed?.preview ?? null;
  const roster = previewed?.roster ?? latest ?? (loaded.status === 'done' ? loaded.value : null);
  const setPreview = (next: null) => setPreviewed(next);

  const check = async () => {
    setBusy('checking');
    setStatus(null);
    try {
      // Read again at the click: the page may have changed since the panel drew.
      const now = await readRoster();
      setLatest(now);
      if (!now) throw new Error(t('roster.none'));
      setPreviewed({ roster: now, preview: await capture(now, { dryRun: true }) });
      setChoices({});
    } catch (error) {
      setStatus(refusedStatus(error));
    } finally {
      setBusy(null);
    }
  };

  const resolutions: Resolutions = Object.entries(choices)
    .filter(([, value]) => value !== 'skip')
    .map(([line, value]) =>
      value === 'new'
        ? { line: Number(line), action: 'new' as const }
        : { line: Number(line), action: 'person' as const, person_id: value },
    );
  const adding = (preview?.counts.new ?? 0) + resolutions.filter((r) => r.action === 'new').length;
  const moving = preview?.known.filter((known) => known.changes.class_name).length ?? 0;

  const importNow = async () => {
    if (!previewed || !armed) return;
    setBusy('importing');
    setStatus(null);
    try {
      const done = await capture(previewed.roster, { dryRun: false, resolutions });
      const result = done.result;
      const text = result
        ? [
            t('roster.result', { created: result.created, updated: result.updated, skipped: result.skipped }),
            result.classes_created.length > 0 ? t('roster.classesCreated', { names: result.classes_created.join(', ') }) : '',
          ]
            .filter(Boolean)
            .join(' ')
        : done.file_errors.map(message).join(' ');
      setStatus({ kind: result ? 'ok' : 'error', text });
      if (result) {
        setPreview(null);
        onImported();
      }
    } catch (error) {
      setStatus(refusedStatus(error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section class="roster" aria-labelledby="nastavnik-roster-title" data-testid="roster-capture">
      <h3 id="nastavnik-roster-title">{t('roster.title')}</h3>
      {loaded.status === 'loading' && !roster ? (
        <p class="muted loading" role="status">
          <span class="spinner" aria-hidden="true" /> {t('curator.loading')}
        </p>
      ) : !roster ? (
        <p class="muted">{t('roster.none')}</p>
      ) : (
        <>
          <p class="muted">
            {roster.className
              ? tn('roster.onPageClass', roster.rows.length, { className: roster.className.toLocaleUpperCase('ru') })
              : `${tn('roster.onPage', roster.rows.length)} ${t('roster.noClass')}`}
          </p>
          {roster.skipped.length > 0 && <p class="muted">{t('roster.unreadable', { names: roster.skipped.join(', ') })}</p>}
          {busy === 'checking' && (
            <p class="muted loading" role="status">
              <span class="spinner" aria-hidden="true" /> {t('roster.checking')}
            </p>
          )}
          {preview && <Preview preview={preview} choices={choices} choose={(line, value) => setChoices({ ...choices, [line]: value })} />}
          <StatusLine status={status} testId="roster-status" />
          <div class="actions">
            {preview ? (
              <>
                {moving > 0 && <p class="muted">{tn('roster.alsoUpdates', moving)}</p>}
                <button
                  type="button"
                  data-testid="roster-import"
                  disabled={!armed || busy !== null || (adding === 0 && moving === 0 && resolutions.length === 0)}
                  onClick={importNow}
                >
                  {busy === 'importing'
                    ? t('roster.importing')
                    : adding > 0
                      ? importLabel(adding)
                      : moving > 0 || resolutions.length > 0
                        ? t('roster.update')
                        : t('roster.nothingToAdd')}
                </button>
                <button type="button" class="secondary" disabled={busy !== null} onClick={() => setPreview(null)}>
                  {t('roster.close')}
                </button>
              </>
            ) : (
              <button type="button" data-testid="roster-check" disabled={busy !== null} onClick={check}>
                {status?.kind === 'ok' ? t('roster.again') : t('roster.capture')}
              </button>
            )}
          </div>
        </>
      )}
    </section>
  );
}
