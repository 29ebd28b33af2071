// A stage's checklist on its own screen, ticked with evidence as in the programme panel (the same
// row), and the step to the next stage once the checklist is complete.

import { useEffect, useState } from 'preact/hooks';
import { checklistItem } from '../../shared/api/programmes.ts';
import { staleCurrent } from '../../shared/errors.ts';
import { ChecklistRow } from '../components/ProgrammePanel.tsx';
import { useAsync } from '../components/use-async.ts';
import { ApiError } from '../utils/api-errors.ts';
import { t } from '../utils/i18n.ts';
import type { ChecklistItem, ChecklistItemPatch } from '../utils/messages.ts';
import { body, client } from './api.ts';
import type { DashboardContext } from './context.ts';
import { ActionStatus, Loaded, useAction } from './parts.tsx';

export function StageChecklist({
  context,
  stage,
  known = {},
}: {
  context: DashboardContext;
  stage: number;
  known?: Record<string, number>;
}) {
  const programme = context.programme;
  const [loaded, reload] = useAsync(
    () => (programme ? body(client.programmes[':id'].checklist.$get({ param: { id: programme.id } })) : Promise.resolve({ items: [] })),
    [programme?.id],
  );
  const [items, setItems] = useState<ChecklistItem[]>([]);
  useEffect(() => {
    if (loaded.status === 'done') setItems(loaded.value.items.filter((item) => item.stage === stage));
  }, [loaded]);
  const advance = useAction();
  if (!programme) return null;
  const replace = (next: ChecklistItem) => setItems((list) => list.map((item) => (item.id === next.id ? next : item)));
  const save = async (item: ChecklistItem, patch: ChecklistItemPatch) => {
    try {
      replace(
        await body(
          client['checklist-items'][':id'].$patch(
            { param: { id: item.id }, json: patch },
            { headers: { 'if-match': `"${item.version}"` } },
          ),
        ),
      );
    } catch (error) {
      const current = error instanceof ApiError ? staleCurrent(error.body, checklistItem) : null;
      if (current) replace(current);
      throw error;
    }
  };
  const done = items.filter((item) => item.done).length;
  const complete = items.length > 0 && done === items.length;
  return (
    <section aria-labelledby={`checklist-${stage}`} class="stage-checklist" data-testid="stage-checklist" data-stage={stage}>
      <h2 id={`checklist-${stage}`}>{t('dashboard.checklist')}</h2>
      <Loaded state={loaded} retry={reload}>
        {() => (
          <>
            <p class="muted" data-testid="stage-checklist-progress">
              {t('dashboard.stageProgress', { done, total: items.length })}
            </p>
            <ul class="checklist">
              {items.map((item) => (
                <ChecklistRow key={item.id} item={item} known={known[item.key]} save={(patch) => save(item, patch)} />
              ))}
            </ul>
            {programme.current_stage === stage && stage < 7 && (
              <p>
                <button
                  type="button"
                  disabled={!complete || advance.busy}
                  data-testid="stage-advance"
                  onClick={() =>
                    void advance.run(
                      async () => {
                        await body(
                          client.programmes[':id'].$patch(
                            { param: { id: programme.id }, json: { current_stage: stage + 1 } },
                            { headers: { 'if-match': `"${programme.version}"` } },
                          ),
                        );
                        context.reloadProgramme();
                      },
                      t('dashboard.advanced', { number: stage + 1 }),
                    )
                  }
                >
                  {t('dashboard.advance', { number: stage + 1 })}
                </button>{' '}
                {!complete && <span class="muted">{t('dashboard.advanceWhenComplete')}</span>}
              </p>
            )}
            <ActionStatus action={advance} testId="stage-advance-status" />
          </>
        )}
      </Loaded>
    </section>
  );
}
