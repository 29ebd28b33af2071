import type { Ref, TargetedEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { staleCurrent } from '../../shared/errors.ts';
import type { MessageKey } from '../../shared/i18n/index.ts';
import { ApiError, OfflineError } from '../utils/api-errors.ts';
import type {
  CatalogStage,
  ChecklistItem,
  ChecklistItemPatch,
  Curator,
  ProgrammeOverview,
  ProgrammeWarning,
} from '../utils/curator-types.ts';
import { language, t } from '../utils/i18n.ts';
import { RosterSection, type RosterSectionProps } from './RosterCapture.tsx';
import { formatDate, refusedStatus, type Status, StatusLine } from './status.tsx';
import { useAsync } from './use-async.ts';
import { useWritesArmed } from './write-guard.tsx';

function stageLabel(stage: CatalogStage | undefined): string {
  if (!stage) return '';
  return language === 'en' ? stage.label_en : stage.label_ru;
}

/** The seven stages; the current one marked, any one opens its checklist. */
function Stepper({
  stages,
  current,
  shown,
  checklist,
  onShow,
}: {
  stages: readonly CatalogStage[];
  current: number;
  shown: number;
  checklist: readonly ChecklistItem[];
  onShow: (stage: number) => void;
}) {
  return (
    <ol class="stages" aria-label={t('curator.stages')} data-testid="programme-stages">
      {stages.map((stage) => {
        const items = checklist.filter((item) => item.stage === stage.number);
        const complete = items.length > 0 && items.every((item) => item.done);
        const state = stage.number === current ? 'current' : complete || stage.number < current ? 'past' : '';
        return (
          <li key={stage.number} class={state} aria-current={stage.number === current ? 'step' : undefined}>
            <button
              type="button"
              class={`stage ${shown === stage.number ? 'shown' : ''}`}
              aria-pressed={shown === stage.number}
              title={stageLabel(stage)}
              data-testid="programme-stage"
              data-stage={stage.number}
              onClick={() => onShow(stage.number)}
            >
              <span aria-hidden="true">{complete ? '✓' : stage.number}</span>
              <span class="sr">
                {t('curator.stageN', { number: stage.number })}: {stageLabel(stage)}
                {stage.number === current ? `, ${t('curator.currentStage')}` : ''}
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}

const evidenceField = { document: 'evidence_url', date: 'evidence_date', count: 'evidence_count', note: 'evidence_note' } as const;

function today(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

const isLink = (text: string) => /^https?:\/\/\S+$/i.test(text);

/** One checklist item: ticked with its evidence, or the evidence form that ticks it. */
function ChecklistRow({ item, save }: { item: ChecklistItem; save: (patch: ChecklistItemPatch) => Promise<void> }) {
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState('');
  const [link, setLink] = useState('');
  const [saving, setSaving] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  // In a panel frame: nothing is saved until the frame has been plainly visible for a moment.
  const armed = useWritesArmed();
  const first = useRef<HTMLElement>(null);
  useEffect(() => {
    if (editing) first.current?.focus();
  }, [editing]);
  const label = language === 'en' ? item.label_en : item.label_ru;
  const inputId = `evidence-${item.id}`;
  const what = t(`curator.evidence.${item.evidence}` as MessageKey).toLocaleLowerCase(language);

  const write = async (patch: ChecklistItemPatch, done: Status) => {
    if (!armed) return;
    setSaving(true);
    setStatus(null);
    try {
      await save(patch);
      setEditing(false);
      setStatus(done);
    } catch (error) {
      setStatus(refusedStatus(error));
    } finally {
      setSaving(false);
    }
  };

  const submit = (event: Event) => {
    event.preventDefault();
    const main = value.trim();
    const extra = link.trim();
    if (!main) return setStatus({ kind: 'warn', text: t('curator.evidenceNeeded', { what }) });
    if ((item.evidence === 'document' && !isLink(main)) || (extra && !isLink(extra))) {
      return setStatus({ kind: 'warn', text: t('curator.badUrl') });
    }
    const patch: ChecklistItemPatch = { done: true };
    if (item.evidence === 'count') patch.evidence_count = Number.parseInt(main, 10);
    else patch[evidenceField[item.evidence]] = main as never;
    if (extra) patch.evidence_url = extra;
    void write(patch, { kind: 'ok', text: t('curator.saved') });
  };

  const valueProps = {
    id: inputId,
    ref: first as Ref<HTMLInputElement>,
    'data-testid': 'evidence-value',
    value,
    onInput: (e: TargetedEvent<HTMLInputElement>) => setValue(e.currentTarget.value),
  };

  const evidence = [
    item.evidence_date && formatDate(item.evidence_date),
    item.evidence_count !== null && t('curator.count', { count: item.evidence_count }),
    item.evidence_note,
  ].filter(Boolean);

  return (
    <li class={`item ${item.done ? 'done' : ''}`} data-testid="checklist-item" data-key={item.key} data-done={item.done}>
      <div class="check">
        <input
          type="checkbox"
          id={`check-${item.id}`}
          // Ticked while its evidence is being given; it stays ticked once saved, and unticks on cancel.
          checked={item.done || editing}
          disabled={saving || (item.done && !armed)}
          aria-expanded={item.done ? undefined : editing}
          data-testid="checklist-check"
          onChange={() => {
            if (item.done) void write({ done: false }, { kind: 'ok', text: t('curator.unticked') });
            else {
              setStatus(null);
              setEditing(!editing);
            }
          }}
        />
        <label for={`check-${item.id}`}>{label}</label>
      </div>
      {item.done && (
        <p class="muted evidence" data-testid="checklist-evidence">
          {item.done_at ? t('curator.doneOn', { date: formatDate(item.done_at) }) : ''}
          {evidence.map((text) => ` · ${text}`)}
          {item.evidence_url && (
            <>
              {' · '}
              <a href={item.evidence_url} target="_blank" rel="noopener noreferrer">
                {t('curator.document')}
              </a>
            </>
          )}
        </p>
      )}
      {editing && !item.done && (
        <form class="evidence-form" onSubmit={submit} data-testid="checklist-form">
          <label for={inputId}>{t(`curator.evidence.${item.evidence}` as MessageKey)}</label>
          {item.evidence === 'note' ? (
            <textarea
              id={inputId}
              ref={first as Ref<HTMLTextAreaElement>}
              data-testid="evidence-value"
              maxLength={2000}
              value={value}
              onInput={(e) => setValue(e.currentTarget.value)}
            />
          ) : item.evidence === 'date' ? (
            <input type="date" max={today()} {...valueProps} />
          ) : item.evidence === 'count' ? (
            <input type="number" inputMode="numeric" min={0} {...valueProps} />
          ) : (
            <input type="url" placeholder="https://" {...valueProps} />
          )}
          {item.evidence !== 'document' && (
            <>
              <label for={`${inputId}-link`}>{t('curator.evidenceLink')}</label>
              <input
                id={`${inputId}-link`}
                type="url"
                placeholder="https://"
                data-testid="evidence-url"
                value={link}
                onInput={(e) => setLink(e.currentTarget.value)}
              />
            </>
          )}
          <div class="actions">
            <button type="submit" disabled={saving || !armed} data-testid="checklist-save">
              {saving ? t('curator.saving') : t('curator.tick')}
            </button>
            <button type="button" class="secondary" disabled={saving} onClick={() => setEditing(false)}>
              {t('curator.cancel')}
            </button>
          </div>
        </form>
      )}
      {saving && !editing && <p class="muted">{t('curator.saving')}</p>}
      <StatusLine status={status} testId="checklist-status" />
    </li>
  );
}

const warningKinds = ['minor_without_consent', 'untrained_mentor', 'no_recent_meeting'] as const;
const shownPerKind = 12;

function Warnings({ warnings, pairName }: { warnings: readonly ProgrammeWarning[]; pairName: (groupId: string) => string | null }) {
  if (warnings.length === 0) return <p class="muted">{t('curator.warningsEmpty')}</p>;
  return (
    <div data-testid="programme-warnings">
      {warningKinds.map((kind) => {
        const list = warnings.filter((warning) => warning.kind === kind);
        if (list.length === 0) return null;
        return (
          <details key={kind} class="warning" data-testid="programme-warning" data-kind={kind}>
            <summary>
              {t(`curator.warning.${kind}`)}: <strong>{list.length}</strong>
            </summary>
            <ul>
              {list.slice(0, shownPerKind).map((warning) => {
                const pair = pairName(warning.group_id);
                const when = warning.last_meeting_on
                  ? t('curator.lastMeeting', { date: formatDate(warning.last_meeting_on) })
                  : t('curator.noMeetingYet');
                const text =
                  kind === 'no_recent_meeting'
                    ? pair
                      ? `${pair}: ${when}`
                      : when
                    : [warning.person_name ?? '', pair ? t('curator.pair', { names: pair }) : ''].filter(Boolean).join(', ');
                return <li key={`${warning.group_id}:${warning.person_id ?? ''}`}>{text}</li>;
              })}
              {list.length > shownPerKind && <li class="muted">{t('curator.more', { count: list.length - shownPerKind })}</li>}
            </ul>
          </details>
        );
      })}
    </div>
  );
}

export interface ProgrammePanelProps {
  curator: Curator;
  load: () => Promise<ProgrammeOverview>;
  saveItem: (item: ChecklistItem, patch: ChecklistItemPatch) => Promise<ChecklistItem>;
  pairName: (groupId: string) => string | null;
  roster: Omit<RosterSectionProps, 'organisationName'>;
  onClose: () => void;
}

/** The curator's drawer: the seven stages, the checklist of the one shown, warnings, and the page's roster. */
export function ProgrammePanel({ curator, load, saveItem, pairName, roster, onClose }: ProgrammePanelProps) {
  const [state, reload] = useAsync(load, [curator.organisationId]);
  const [items, setItems] = useState<ChecklistItem[] | null>(null);
  const [shown, setShown] = useState<number | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  // Escape closes the drawer wherever the focus is in it (Escape on the page: the content script).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);
  useEffect(() => {
    if (state.status === 'done') setItems(state.value.checklist);
  }, [state]);

  const overview = state.status === 'done' ? state.value : null;
  const programme = overview?.programme ?? null;
  const current = programme?.current_stage ?? 1;
  const stageShown = shown ?? current;
  const checklist = items ?? [];
  const stageItems = checklist.filter((item) => item.stage === stageShown);
  const stage = overview?.stages.find((s) => s.number === stageShown);

  const replace = (next: ChecklistItem) => setItems((list) => (list ?? []).map((item) => (item.id === next.id ? next : item)));
  const save = async (item: ChecklistItem, patch: ChecklistItemPatch) => {
    try {
      replace(await saveItem(item, patch));
    } catch (error) {
      // Another curator changed the item meanwhile: show it as it is now, and say why nothing was saved.
      const current = error instanceof ApiError ? staleCurrent(error.body) : null;
      if (current) replace(current as ChecklistItem);
      throw error;
    }
  };

  return (
    <div class="panel" role="dialog" aria-modal="false" aria-labelledby="nastavnik-programme-title" data-testid="programme-panel">
      <header>
        <div>
          <p class="eyebrow">{curator.organisationName}</p>
          <h2 id="nastavnik-programme-title" tabIndex={-1} ref={heading}>
            {programme ? `${programme.name}` : t('curator.title')}
          </h2>
        </div>
        <button
          type="button"
          class="close"
          aria-label={t('panel.close')}
          title={t('panel.close')}
          data-testid="programme-close"
          onClick={onClose}
        >
          ×
        </button>
      </header>
      {state.status === 'loading' && (
        <p class="muted loading" role="status" data-testid="programme-loading">
          <span class="spinner" aria-hidden="true" /> {t('curator.loading')}
        </p>
      )}
      {state.status === 'failed' && (
        <div class="status error" role="alert">
          {state.error instanceof OfflineError ? t('error.network') : state.error.message}{' '}
          <button type="button" class="secondary" onClick={reload}>
            {t('curator.retry')}
          </button>
        </div>
      )}
      {overview && !programme && <p class="muted">{t('curator.noProgramme')}</p>}
      {overview && programme && (
        <>
          <Stepper stages={overview.stages} current={current} shown={stageShown} checklist={checklist} onShow={setShown} />
          <section aria-labelledby="nastavnik-stage-title" data-testid="programme-checklist" data-stage={stageShown}>
            <p class="eyebrow">
              {t('curator.stageOf', { number: stageShown })}
              {stageShown === current ? ` · ${t('curator.currentStage')}` : ''}
            </p>
            <h3 id="nastavnik-stage-title">{stageLabel(stage)}</h3>
            {stageItems.length === 0 ? (
              <p class="muted">{t('curator.checklistEmpty')}</p>
            ) : (
              <>
                <p class="muted">
                  {t('curator.progress', { done: stageItems.filter((item) => item.done).length, total: stageItems.length })}
                </p>
                <ul class="checklist">
                  {stageItems.map((item) => (
                    <ChecklistRow key={item.id} item={item} save={(patch) => save(item, patch)} />
                  ))}
                </ul>
              </>
            )}
          </section>
          <section aria-labelledby="nastavnik-warnings-title">
            <h3 id="nastavnik-warnings-title">{t('curator.warnings')}</h3>
            <Warnings warnings={overview.warnings} pairName={pairName} />
          </section>
        </>
      )}
      <RosterSection {...roster} organisationName={curator.organisationName} />
    </div>
  );
}
