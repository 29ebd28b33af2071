// Home: this year's programme at a glance — the seven stages with their checklists' progress (a
// stage is complete only when its whole checklist is), the KPI tiles against the 70% line, and
// «что исправить»: what an inspector would find, each with the action that fixes it one click away.
import type { ChecklistItem, ProgrammeWarning } from '../../../shared/api/programmes.ts';
import type { KpiRow } from '../../../shared/api/reports.ts';
import type { CountedKey } from '../../../shared/i18n/index.ts';
import { stageProgress } from '../../components/ProgrammePanel.tsx';
import { useAsync } from '../../components/use-async.ts';
import { language, t, tn } from '../../utils/i18n.ts';
import { body, client } from '../api.ts';
import type { DashboardContext } from '../context.ts';
import { Loaded } from '../parts.tsx';
import { KpiCards } from '../reports/KpiCards.tsx';
import type { ScreenProps } from '../screens.ts';

export interface Fix {
  kind: 'minor_without_consent' | 'untrained_mentor' | 'stage_without_documents' | 'never_met';
  count: number;
  /** Who or what, the first few. */
  names: string[];
  screen: string;
  sub?: string;
}

/** The compliance list from the programme's warnings and checklist: one line per kind, with its fix. */
export function fixesOf(
  warnings: readonly ProgrammeWarning[],
  checklist: readonly ChecklistItem[],
  currentStage: number,
  stageName: (n: number) => string,
): Fix[] {
  const people = (kind: ProgrammeWarning['kind']) => {
    const seen = new Map<string, string>();
    for (const w of warnings) if (w.kind === kind && w.person_id) seen.set(w.person_id, w.person_name ?? '');
    return [...seen.values()];
  };
  const minors = people('minor_without_consent');
  const untrained = people('untrained_mentor');
  const undocumented = [
    ...new Set(checklist.filter((i) => i.evidence === 'document' && !i.done && i.stage <= currentStage).map((i) => i.stage)),
  ].sort((a, b) => a - b);
  const neverMet = warnings.filter((w) => w.kind === 'no_recent_meeting' && !w.last_meeting_on);
  const fixes: Fix[] = [
    { kind: 'minor_without_consent', count: minors.length, names: minors, screen: 'stage-2', sub: 'consent=missing&status=in_pair' },
    { kind: 'untrained_mentor', count: untrained.length, names: untrained, screen: 'stage-4' },
    {
      kind: 'stage_without_documents',
      count: undocumented.length,
      names: undocumented.map((n) => `${n}. ${stageName(n)}`),
      screen: `stage-${undocumented[0] ?? 1}`,
    },
    { kind: 'never_met', count: neverMet.length, names: [], screen: 'stage-6' },
  ];
  return fixes.filter((fix) => fix.count > 0);
}

function FixList({ fixes, go }: { fixes: Fix[]; go: DashboardContext['go'] }) {
  if (fixes.length === 0)
    return (
      <p class="muted" data-testid="nothing-to-fix">
        {t('dashboard.nothingToFix')}
      </p>
    );
  return (
    <ul class="fixes" data-testid="fix-list">
      {fixes.map((fix) => (
        <li key={fix.kind} data-testid="fix" data-kind={fix.kind} data-count={fix.count}>
          <div>
            <strong>{tn(`dashboard.fix.${fix.kind}` as CountedKey, fix.count)}</strong>
            {fix.names.length > 0 && (
              <p class="muted small">
                {fix.names.slice(0, 5).join(', ')}
                {fix.names.length > 5 ? ` ${t('curator.more', { count: fix.names.length - 5 })}` : ''}
              </p>
            )}
          </div>
          <button type="button" onClick={() => go(fix.screen, fix.sub)} data-testid="fix-action">
            {t(`dashboard.fixAction.${fix.kind}`)}
          </button>
        </li>
      ))}
    </ul>
  );
}

export function Home({ context }: ScreenProps) {
  const { programme, school } = context;
  const [data, reload] = useAsync(async () => {
    const [catalog, kpi] = await Promise.all([
      body(client.catalog.$get()),
      body(client.reports.kpi.$get({ query: { organisation_id: school.organisationId } })).catch(() => null),
    ]);
    if (!programme) return { stages: catalog.stages, checklist: [], warnings: [], kpi };
    const [checklist, warnings] = await Promise.all([
      body(client.programmes[':id'].checklist.$get({ param: { id: programme.id } })),
      body(client.programmes[':id'].warnings.$get({ param: { id: programme.id } })),
    ]);
    return { stages: catalog.stages, checklist: checklist.items, warnings: warnings.items, kpi };
  }, [programme?.id, programme?.version]);

  return (
    <>
      <h1>{programme ? programme.name : t('dashboard.noProgramme')}</h1>
      <Loaded state={data} retry={reload}>
        {({ stages, checklist, warnings, kpi }) => {
          const current = programme?.current_stage ?? 0;
          const progress = stageProgress(stages, current, checklist);
          const stageName = (n: number) => {
            const stage = stages.find((s) => s.number === n);
            return stage ? (language === 'en' ? stage.label_en : stage.label_ru) : '';
          };
          const school: KpiRow | undefined = kpi?.rows.find((row) => row.dimension === 'organisation');
          return (
            <>
              {!programme && (
                <p class="card">
                  {t('dashboard.startHint')}{' '}
                  <button type="button" onClick={() => context.go('stage-1')} data-testid="home-start">
                    {t('dashboard.toStage1')}
                  </button>
                </p>
              )}
              {school && kpi && <KpiCards school={school} target={kpi.target_share} />}
              <div class="columns">
                <section aria-labelledby="stages-title">
                  <h2 id="stages-title">{t('dashboard.stages')}</h2>
                  <ol class="stage-list">
                    {progress.map((stage) => (
                      <li
                        key={stage.number}
                        class={`${stage.complete ? 'complete' : ''} ${stage.current ? 'current' : ''}`}
                        data-testid={`home-stage-${stage.number}`}
                        data-complete={stage.complete}
                      >
                        <span class="stage-number">{stage.complete ? '✓' : stage.number}</span>
                        <a href={`#/stage-${stage.number}`}>{stageName(stage.number)}</a>
                        <span class="muted">
                          {stage.current ? `${t('dashboard.currentStage')} · ` : ''}
                          {t('dashboard.stageProgress', { done: stage.done, total: stage.total })}
                        </span>
                      </li>
                    ))}
                  </ol>
                </section>
                <section aria-labelledby="fix-title">
                  <h2 id="fix-title">{t('dashboard.toFix')}</h2>
                  {programme ? (
                    <FixList fixes={fixesOf(warnings, checklist, current, stageName)} go={context.go} />
                  ) : (
                    <p class="muted">—</p>
                  )}
                </section>
              </div>
            </>
          );
        }}
      </Loaded>
    </>
  );
}
