// Home: this year's programme at a glance — the seven stages with their checklists' progress (a
// stage is complete only when its whole checklist is) and what to fix before an inspection.
import { useAsync } from '../../components/use-async.ts';
import { describeError } from '../../utils/api-errors.ts';
import { language, t, tn } from '../../utils/i18n.ts';
import { body, client } from '../api.ts';
import type { ScreenProps } from '../screens.ts';

export function Home({ context }: ScreenProps) {
  const { programme } = context;
  const [data] = useAsync(async () => {
    const catalog = await body(client.catalog.$get());
    if (!programme) return { stages: catalog.stages, checklist: [], warnings: [] };
    const [checklist, warnings] = await Promise.all([
      body(client.programmes[':id'].checklist.$get({ param: { id: programme.id } })),
      body(client.programmes[':id'].warnings.$get({ param: { id: programme.id } })),
    ]);
    return { stages: catalog.stages, checklist: checklist.items, warnings: warnings.items };
  }, [programme?.id]);

  if (data.status === 'loading')
    return (
      <p class="muted" role="status" aria-busy="true">
        {t('dashboard.loading')}
      </p>
    );
  if (data.status === 'failed')
    return (
      <p class="status error" role="alert">
        {describeError(data.error)}
      </p>
    );
  const { stages, checklist, warnings } = data.value;
  return (
    <>
      <h1>{programme ? programme.name : t('dashboard.noProgramme')}</h1>
      <section aria-labelledby="stages-title">
        <h2 id="stages-title">{t('dashboard.stages')}</h2>
        <ol class="stage-list">
          {stages.map((stage) => {
            const items = checklist.filter((item) => item.stage === stage.number);
            const done = items.filter((item) => item.done).length;
            const complete = items.length > 0 && done === items.length;
            return (
              <li key={stage.number} class={complete ? 'complete' : ''} data-testid={`home-stage-${stage.number}`}>
                <span class="stage-number">{stage.number}</span>
                <span>{language === 'en' ? stage.label_en : stage.label_ru}</span>
                <span class="muted">{t('dashboard.stageProgress', { done, total: items.length })}</span>
              </li>
            );
          })}
        </ol>
      </section>
      <section aria-labelledby="fix-title">
        <h2 id="fix-title">{t('dashboard.toFix')}</h2>
        {warnings.length === 0 ? (
          <p class="muted">{t('dashboard.nothingToFix')}</p>
        ) : (
          <p data-testid="home-warnings">{tn('dashboard.warnings', warnings.length)}</p>
        )}
      </section>
    </>
  );
}
