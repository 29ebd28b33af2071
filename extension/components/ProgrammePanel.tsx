import type { Ref, TargetedEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { checklistItem } from '../../shared/api/programmes.ts';
import { staleCurrent } from '../../shared/errors.ts';
import { isMessageKey, type MessageKey } from '../../shared/i18n/index.ts';
import { ApiError, describeError } from '../utils/api-errors.ts';
import { dashboardUrl } from '../utils/dashboard-link.ts';
import { formatDate, today } from '../utils/dates.ts';
import { language, t, tn } from '../utils/i18n.ts';
import type {
  AdapterFallback,
  CatalogStage,
  ChecklistItem,
  ChecklistItemPatch,
  Curator,
  ProgrammeOverview,
  ProgrammeWarning,
} from '../utils/messages.ts';
import { Drawer } from './Drawer.tsx';
import { RosterSection, type RosterSectionProps } from './RosterCapture.tsx';
import { refusedStatus, type Status, StatusLine } from './status.tsx';
import { useAsync } from './use-async.ts';
import { useWritesArmed } from './write-guard.tsx';

function stageLabel(stage: CatalogStage | undefined): string {
  if (!stage) return '';
  return language === 'en' ? stage.label_en : stage.label_ru;
}

/** Where a stage stands, from its checklist: done only when every item of it is. */
export interface StageProgress {
  number: number;
  done: number;
  total: number;
  complete: boolean;
  current: boolean;
}

export function stageProgress(stages: readonly CatalogStage[], current: number, checklist: readonly ChecklistItem[]): StageProgress[] {
  return stages.map((stage) => {
    const items = checklist.filter((item) => item.stage === stage.number);
    const done = items.filter((item) => item.done).length;
    return {
      number: stage.number,
      done,
      total: items.length,
      complete: items.length > 0 && done === items.length,
      current: stage.number === current,
    };
  });
}

/** The stages before the current one whose checklist is not done: an inspector asks about them first. */
export function unfinishedStages(progress: readonly StageProgress[]): StageProgress[] {
  const current = progress.find((stage) => stage.current)?.number ?? 0;
  return progress.filter((stage) => stage.number < current && !stage.complete && stage.total > 0);
}

function stateOf(stage: StageProgress): 'done' | 'current' | 'started' | 'todo' {
  if (stage.complete) return 'done';
  if (stage.current) return 'current';
  return stage.done > 0 ? 'started' : 'todo';
}

const stateWord = { done: 'stage.done', current: 'stage.current', started: 'stage.inProgress', todo: 'stage.notStarted' } as const;

/**
 * The seven stages with their names and real state (issue 15: a dot drawn «done» over «0 из 7»):
 * ✓ only when the whole checklist is done, the current one marked, others started or not; any one
 * opens its checklist.
 */
function Stepper({
  stages,
  progress,
  shown,
  onShow,
}: {
  stages: readonly CatalogStage[];
  progress: readonly StageProgress[];
  shown: number;
  onShow: (stage: number) => void;
}) {
  const current = progress.find((p) => p.current)?.number ?? null;
  return (
    <ol class="stages" aria-label={t('curator.stages')} data-testid="programme-stages">
      {stages.map((stage) => {
        const where = progress.find((p) => p.number === stage.number) ?? {
          number: stage.number,
          done: 0,
          total: 0,
          complete: false,
          current: false,
        };
        const state = stateOf(where);
        const late = current !== null && stage.number < current && !where.complete;
        return (
          <li
            key={stage.number}
            class={`${state}${where.current ? ' is-current' : ''}${late ? ' late' : ''}`}
            aria-current={where.current ? 'step' : undefined}
            data-state={state}
          >
            <button
              type="button"
              class={`stage ${shown === stage.number ? 'shown' : ''}`}
              aria-pressed={shown === stage.number}
              data-testid="programme-stage"
              data-stage={stage.number}
              onClick={() => onShow(stage.number)}
            >
              <span class="mark" aria-hidden="true">
                {where.complete ? '✓' : stage.number}
              </span>
              <span class="name">
                <span class="sr">{t('curator.stageN', { number: stage.number })}: </span>
                {stageLabel(stage)}
              </span>
              <span class="state" data-testid="programme-stage-state">
                {t(stateWord[state])}
                {where.total > 0 && !where.complete ? ` · ${t('stage.progress', { done: where.done, total: where.total })}` : ''}
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}

const evidenceField = { document: 'evidence_url', date: 'evidence_date', count: 'evidence_count', note: 'evidence_note' } as const;

const isLink = (text: string) => /^https?:\/\/\S+$/i.test(text);

/** One checklist item: ticked with its evidence, or the evidence form that ticks it. */
export function ChecklistRow({
  item,
  save,
  known,
}: {
  item: ChecklistItem;
  save: (patch: ChecklistItemPatch) => Promise<void>;
  /** What the product itself counts for this item (pairs that held the introduction meeting…). */
  known?: number | undefined;
}) {
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(item.evidence === 'count' && known !== undefined ? String(known) : '');
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
  // «Сколько пар провели встречу-знакомство», not «Сколько (число)»: the count says of what.
  const countKey = `curator.countOf.${item.key}`;
  const evidenceLabel =
    item.evidence === 'count' && isMessageKey(countKey) ? t(countKey) : t(`curator.evidence.${item.evidence}` as MessageKey);
  const what = evidenceLabel.toLocaleLowerCase(language);

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
          // Ticked only once the API saved it (issue 15): opening the evidence form ticks nothing.
          checked={item.done}
          disabled={saving || (item.done && !armed)}
          aria-expanded={item.done ? undefined : editing}
          aria-busy={saving}
          data-testid="checklist-check"
          onChange={(event) => {
            // The browser flipped the box: only the saved state may show.
            event.currentTarget.checked = item.done;
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
          <label for={inputId}>{evidenceLabel}</label>
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
            <>
              <input type="number" inputMode="numeric" min={0} {...valueProps} />
              {known !== undefined && (
                <p class="muted hint" data-testid="evidence-known">
                  {t('curator.countKnown', { count: known })}
                </p>
              )}
            </>
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
      {saving && (
        <p class="muted loading" role="status" data-testid="checklist-saving">
          <span class="spinner" aria-hidden="true" /> {t('curator.saving')}
        </p>
      )}
      <StatusLine status={status} testId="checklist-status" />
    </li>
  );
}

/** A pair or group as the warnings name it: «Новикова Полина — Карпова Мария», and how many are in it. */
export interface GroupName {
  names: string;
  members: number;
}

type WarningKind = 'unfinished_stage' | 'minor_without_consent' | 'untrained_mentor' | 'never_met' | 'no_recent_meeting';
const warningKinds: readonly WarningKind[] = [
  'unfinished_stage',
  'minor_without_consent',
  'untrained_mentor',
  'never_met',
  'no_recent_meeting',
];
const shownPerKind = 12;

/** «пара: …» for two people, «группа: …» for three and more. */
function groupLabel(group: GroupName): string {
  return t(group.members > 2 ? 'curator.group' : 'curator.pair', { names: group.names });
}

export function Warnings({
  warnings,
  unfinished,
  stages,
  pairName,
}: {
  warnings: readonly ProgrammeWarning[];
  unfinished: readonly StageProgress[];
  stages: readonly CatalogStage[];
  pairName: (groupId: string) => GroupName | null;
}) {
  if (warnings.length === 0 && unfinished.length === 0) return <p class="muted">{t('curator.warningsEmpty')}</p>;
  // A pair that never met is not «three weeks without a meeting»: two lists (issue 15).
  const kindOf = (warning: ProgrammeWarning): WarningKind =>
    warning.kind === 'no_recent_meeting' && !warning.last_meeting_on ? 'never_met' : (warning.kind as WarningKind);
  const lines = (kind: WarningKind): { key: string; text: string }[] => {
    if (kind === 'unfinished_stage') {
      return unfinished.map((stage) => ({
        key: `stage-${stage.number}`,
        text: t('curator.unfinishedStage', {
          number: stage.number,
          name: stageLabel(stages.find((s) => s.number === stage.number)),
          done: stage.done,
          total: stage.total,
        }),
      }));
    }
    return warnings
      .filter((warning) => kindOf(warning) === kind)
      .map((warning) => {
        const group = pairName(warning.group_id);
        const text =
          kind === 'never_met'
            ? (group?.names ?? t('curator.noMeetingYet'))
            : kind === 'no_recent_meeting'
              ? [group?.names, t('curator.lastMeeting', { date: formatDate(warning.last_meeting_on ?? '') })].filter(Boolean).join(': ')
              : [warning.person_name ?? '', group ? groupLabel(group) : ''].filter(Boolean).join(', ');
        return { key: `${warning.group_id}:${warning.person_id ?? ''}`, text };
      });
  };
  return (
    <div data-testid="programme-warnings">
      {warningKinds.map((kind) => {
        const list = lines(kind);
        if (list.length === 0) return null;
        return (
          <details key={kind} class="warning" data-testid="programme-warning" data-kind={kind}>
            <summary>{tn(`curator.warning.${kind}`, list.length)}</summary>
            <ul>
              {list.slice(0, shownPerKind).map((line) => (
                <li key={line.key}>{line.text}</li>
              ))}
              {list.length > shownPerKind && <li class="muted">{t('curator.more', { count: list.length - shownPerKind })}</li>}
            </ul>
          </details>
        );
      })}
    </div>
  );
}

/** Opens the curator's dashboard on a screen, in a tab of its own. */
function DashboardLink({ screen }: { screen: string }) {
  return (
    <a href={dashboardUrl(screen)} target="_blank" rel="noopener" data-testid="open-dashboard">
      {t('curator.openDashboard')}
    </a>
  );
}

export interface ProgrammePanelProps {
  curator: Curator;
  load: () => Promise<ProgrammeOverview>;
  saveItem: (item: ChecklistItem, patch: ChecklistItemPatch) => Promise<ChecklistItem>;
  pairName: (groupId: string) => GroupName | null;
  /** What the product counts itself, by checklist key (pairs_formed, introduction_meetings…): prefills «Сколько». */
  knownCounts?: Readonly<Record<string, number>>;
  roster: Omit<RosterSectionProps, 'organisationName'>;
  /** Whether the page reads names in the text because its adapter found none (issue 17): a quiet note. */
  readFallback?: () => Promise<AdapterFallback | null>;
  onClose: () => void;
}

/** The curator's drawer: the seven stages, the checklist of the one shown, warnings, and the page's roster. */
export function ProgrammePanel({
  curator,
  load,
  saveItem,
  pairName,
  knownCounts = {},
  roster,
  readFallback = async () => null,
  onClose,
}: ProgrammePanelProps) {
  const [state, reload] = useAsync(load, [curator.organisationId]);
  const [fallback] = useAsync(readFallback, []);
  const [items, setItems] = useState<ChecklistItem[] | null>(null);
  const [shown, setShown] = useState<number | null>(null);
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
  const progress = overview ? stageProgress(overview.stages, current, checklist) : [];

  const replace = (next: ChecklistItem) => setItems((list) => (list ?? []).map((item) => (item.id === next.id ? next : item)));
  const save = async (item: ChecklistItem, patch: ChecklistItemPatch) => {
    try {
      replace(await saveItem(item, patch));
    } catch (error) {
      // Another curator changed the item meanwhile: show it as it is now, and say why nothing was saved.
      const current = error instanceof ApiError ? staleCurrent(error.body, checklistItem) : null;
      if (current) replace(current);
      throw error;
    }
  };

  return (
    <Drawer
      testId="programme-panel"
      eyebrow={curator.organisationName}
      title={{ id: 'nastavnik-programme-title', text: programme ? `${programme.name}` : t('curator.title'), focusKey: '' }}
      closeTestId="programme-close"
      onClose={onClose}
    >
      {fallback.status === 'done' && fallback.value && (
        <p class="muted note" role="note" data-testid="adapter-fallback-note">
          {t('curator.adapterFallback')}
        </p>
      )}
      {state.status === 'loading' && (
        <p class="muted loading" role="status" data-testid="programme-loading">
          <span class="spinner" aria-hidden="true" /> {t('curator.loading')}
        </p>
      )}
      {state.status === 'failed' && (
        <div class="status error" role="alert">
          {describeError(state.error)}{' '}
          <button type="button" class="secondary" onClick={reload}>
            {t('curator.retry')}
          </button>
        </div>
      )}
      {overview && !programme && (
        <p class="muted">
          {t('curator.noProgramme')} <DashboardLink screen="stage-1" />
        </p>
      )}
      {overview && programme && (
        <>
          <Stepper stages={overview.stages} progress={progress} shown={stageShown} onShow={setShown} />
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
                    <ChecklistRow key={item.id} item={item} known={knownCounts[item.key]} save={(patch) => save(item, patch)} />
                  ))}
                </ul>
              </>
            )}
            <p>
              <DashboardLink screen={`stage-${stageShown}`} />
            </p>
          </section>
          <section aria-labelledby="nastavnik-warnings-title">
            <h3 id="nastavnik-warnings-title">{t('curator.warnings')}</h3>
            <Warnings warnings={overview.warnings} unfinished={unfinishedStages(progress)} stages={overview.stages} pairName={pairName} />
          </section>
        </>
      )}
      <RosterSection {...roster} organisationName={curator.organisationName} />
    </Drawer>
  );
}
