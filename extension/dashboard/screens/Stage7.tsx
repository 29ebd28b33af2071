// Stage 7, «Завершение наставничества», and monitoring: the final questionnaires sent and collected,
// outcomes, good practices, a thank-you letter for each mentor, closing the programme; monitoring
// stage 1 (quality: questionnaire results, the SWOT) and stage 2 (growth: start against end on each
// scale, evaluated results before and after).
import { useState } from 'preact/hooks';
import type { MonitoringReport } from '../../../shared/api/monitoring.ts';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import { fullName } from '../../../shared/names.ts';
import { refusedStatus, type Status, StatusLine } from '../../components/status.tsx';
import { useAsync } from '../../components/use-async.ts';
import { today } from '../../utils/dates.ts';
import { language, t, tn } from '../../utils/i18n.ts';
import { body, client, download } from '../api.ts';
import { DataTable } from '../reports/DataTable.tsx';
import { Loaded } from '../reports/Loaded.tsx';
import type { ScreenProps } from '../screens.ts';
import '../reports/reports.css';

const swotKeys = ['strengths', 'weaknesses', 'opportunities', 'threats'] as const;

function Swot({ programmeId, swot }: { programmeId: string; swot: MonitoringReport['swot'] }) {
  const [text, setText] = useState(swot);
  const [status, setStatus] = useState<Status | null>(null);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void body(client.programmes[':id'].review.$put({ param: { id: programmeId }, json: text })).then(
          () => setStatus({ kind: 'ok', text: t('monitoring.swot.saved') }),
          (error: unknown) => setStatus(refusedStatus(error)),
        );
      }}
    >
      <h3>{t('monitoring.swot.title')}</h3>
      <div class="kpi-cards">
        {swotKeys.map((key) => (
          <label key={key}>
            {t(`monitoring.swot.${key}`)}
            <textarea
              rows={3}
              value={text[key] ?? ''}
              onInput={(e) => setText({ ...text, [key]: e.currentTarget.value || null })}
              data-testid={`swot-${key}`}
            />
          </label>
        ))}
      </div>
      <button type="submit" class="secondary">
        {t('monitoring.swot.save')}
      </button>
      <StatusLine status={status} testId="swot-status" />
    </form>
  );
}

function Monitoring({ report }: { report: MonitoringReport }) {
  const text = (row: { text_ru: string; text_en: string }) => (language === 'en' ? row.text_en : row.text_ru);
  const scales = report.quality.filter((q) => q.kind !== 'open');
  return (
    <section aria-labelledby="monitoring-title">
      <h2 id="monitoring-title">{t('monitoring.title')}</h2>
      <h3>{t('monitoring.quality')}</h3>
      {scales.every((q) => q.answers === 0) && <p class="muted">{t('monitoring.noAnswers')}</p>}
      <DataTable
        testId="table-quality"
        captionHidden
        caption={t('monitoring.quality')}
        columns={[t('monitoring.col.audience'), t('monitoring.col.item'), t('monitoring.col.answers'), t('monitoring.col.average')]}
        numeric={[2, 3]}
        rows={scales.map((q) => ({
          key: `${q.questionnaire_key}/${q.item_key}`,
          cells: [
            t(`role.${q.audience}`),
            text(q),
            q.answers,
            q.kind === 'scale' ? q.average : q.choices.map((c) => `${c.value}: ${c.count}`).join('; '),
          ],
        }))}
      />
      <h3>{t('monitoring.growth')}</h3>
      <DataTable
        testId="table-growth"
        captionHidden
        caption={t('monitoring.growth')}
        columns={[
          t('monitoring.col.audience'),
          t('monitoring.col.item'),
          t('monitoring.col.people'),
          t('monitoring.col.start'),
          t('monitoring.col.end'),
        ]}
        numeric={[2, 3, 4]}
        rows={report.growth.map((g) => ({
          key: `${g.audience}/${g.item_key}`,
          cells: [t(`role.${g.audience}`), text(g), g.people, g.start_average, g.end_average],
        }))}
      />
      <DataTable
        testId="table-outcomes"
        caption={t('monitoring.outcomes')}
        columns={[t('monitoring.col.metric'), t('monitoring.col.participants'), t('monitoring.col.before'), t('monitoring.col.after')]}
        numeric={[1, 2, 3]}
        rows={report.outcomes.map((o) => ({
          key: o.metric_key,
          cells: [metricLabel(o.metric_key), o.people, o.before_average, o.after_average],
        }))}
      />
      <Swot programmeId={report.programme_id} swot={report.swot} />
    </section>
  );
}

/** A metric's name in words where the product knows it (the journal's, issue 13); the key otherwise. */
const journalMetrics: readonly string[] = ['grade_average', 'attendance_share'];
function metricLabel(key: string): string {
  return journalMetrics.includes(key) ? t(`grades.metric.${key}` as MessageKey) : key;
}

export function Stage7({ context }: ScreenProps) {
  const programme = context.programme;
  const [status, setStatus] = useState<Status | null>(null);
  const [closeOn, setCloseOn] = useState(today());
  const [data, reload] = useAsync(async () => {
    if (!programme) return null;
    const id = programme.id;
    const [completion, monitoring] = await Promise.all([
      body(client.programmes[':id'].completion.$get({ param: { id } })),
      body(client.programmes[':id'].monitoring.$get({ param: { id } })),
    ]);
    return { completion, monitoring };
  }, [programme?.id]);
  if (!programme) return <p class="muted">{t('dashboard.noProgramme')}</p>;
  const act = (work: () => Promise<string>) =>
    void work().then(
      (text) => {
        setStatus({ kind: 'ok', text });
        reload();
      },
      (error: unknown) => setStatus(refusedStatus(error)),
    );
  return (
    <>
      <h1>{t('stage7.title')}</h1>
      <StatusLine status={status} testId="stage7-status" />
      <Loaded state={data}>
        {(value) => {
          if (!value) return null;
          const { completion, monitoring } = value;
          return (
            <>
              <section aria-labelledby="final-title">
                <h2 id="final-title">{t('stage7.questionnaires')}</h2>
                <DataTable
                  testId="table-questionnaires"
                  captionHidden
                  caption={t('stage7.questionnaires')}
                  columns={[t('questionnaire.title'), t('stage7.col.sent'), t('stage7.col.collected')]}
                  numeric={[1, 2]}
                  rows={completion.questionnaires.map((q) => ({
                    key: q.key,
                    cells: [language === 'en' ? q.title_en : q.title_ru, q.sent, q.collected],
                  }))}
                />
                <div class="row no-print">
                  {(['growth_start', 'growth_end', 'quality'] as const).map((purpose) => (
                    <button
                      key={purpose}
                      type="button"
                      class="secondary"
                      data-testid={`send-${purpose}`}
                      onClick={() =>
                        act(async () => {
                          const sent = await body(
                            client.programmes[':id']['questionnaire-requests'].$post({ param: { id: programme.id }, json: { purpose } }),
                          );
                          return t('stage7.sentNow', sent);
                        })
                      }
                    >
                      {t('stage7.send')}: {t(`stage7.purpose.${purpose}`)}
                    </button>
                  ))}
                </div>
              </section>
              <section aria-labelledby="summary-title">
                <h2 id="summary-title">{t('stage7.summary')}</h2>
                <ul data-testid="stage7-summary">
                  <li>{t('stage7.groupsCompleted', { completed: completion.groups_completed, running: completion.groups_running })}</li>
                  <li>{t('stage7.outcomes', { count: completion.outcomes })}</li>
                  <li>{t('stage7.goodPractices', { count: completion.good_practices })}</li>
                </ul>
              </section>
              <section aria-labelledby="letters-title">
                <h2 id="letters-title">{t('stage7.letters')}</h2>
                <DataTable
                  testId="table-mentors"
                  captionHidden
                  caption={t('stage7.letters')}
                  columns={[t('reports.col.mentors'), t('reports.col.mentees'), t('reports.col.meetings'), '']}
                  numeric={[1, 2]}
                  rows={completion.mentors.map((m) => ({
                    key: m.person_id,
                    cells: [
                      fullName(m),
                      m.mentees,
                      m.meetings,
                      <button
                        key="letter"
                        type="button"
                        class="secondary"
                        onClick={() =>
                          act(async () => {
                            const name = `${fullName(m)}.docx`;
                            await download(
                              client.programmes[':id'].documents['thank-you'].$get({
                                param: { id: programme.id },
                                query: { person_id: m.person_id },
                              }),
                              name,
                            );
                            return t('reports.downloaded', { name });
                          })
                        }
                      >
                        {t('stage7.letterFor')}
                      </button>,
                    ],
                  }))}
                />
                <p class="muted">{tn('stage6.groupsCount', completion.groups_running + completion.groups_completed)}</p>
              </section>
              <Monitoring report={monitoring} />
              <section aria-labelledby="close-title" class="no-print">
                <h2 id="close-title">{t('stage7.close')}</h2>
                {completion.closed_on ? (
                  <p data-testid="closed-on">{t('stage7.closedOn', { date: completion.closed_on })}</p>
                ) : (
                  <form
                    class="row"
                    onSubmit={(event) => {
                      event.preventDefault();
                      act(async () => {
                        await body(client.programmes[':id'].review.$put({ param: { id: programme.id }, json: { closed_on: closeOn } }));
                        return t('stage7.closedOn', { date: closeOn });
                      });
                    }}
                  >
                    <label>
                      {t('stage7.closeDate')}
                      <input type="date" value={closeOn} max={today()} onChange={(e) => setCloseOn(e.currentTarget.value)} />
                    </label>
                    <button type="submit">{t('stage7.close')}</button>
                  </form>
                )}
              </section>
            </>
          );
        }}
      </Loaded>
    </>
  );
}
