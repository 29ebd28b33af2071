// «Пополнить базу» on the bases screens (stages 2–3): the three ways people come into the school's
// lists, side by side — a class list file with the import's preview (RosterImport), the Google
// Classroom sync (the same screen as its own menu entry, loaded when chosen), and the capture of a
// class page in an e-journal, which happens on that page (the programme panel) and is explained
// here. Whatever is added shows in the table below as «не в базе», to enrol.
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { useAsync } from '../components/use-async.ts';
import { t } from '../utils/i18n.ts';
import type { DashboardContext } from './context.ts';
import { Loaded } from './parts.tsx';
import { RosterImport } from './RosterImport.tsx';

type Way = 'file' | 'classroom' | 'page';
const ways: Way[] = ['file', 'classroom', 'page'];

function Classroom({ context, imported }: { context: DashboardContext; imported: () => void }) {
  const [screen, retry] = useAsync(() => import('./screens/ClassroomSync.tsx'), []);
  return (
    <Loaded state={screen} retry={retry}>
      {({ ClassroomSync }) => <ClassroomSync context={context} embedded applied={imported} />}
    </Loaded>
  );
}

function PageCapture() {
  return (
    <div data-testid="import-page">
      <ol class="steps">
        <li>{t('dashboard.importWays.page.step1')}</li>
        <li>{t('dashboard.importWays.page.step2', { launcher: t('curator.launcher'), capture: t('roster.capture') })}</li>
        <li>{t('dashboard.importWays.page.step3')}</li>
      </ol>
      <p class="muted">{t('dashboard.importWays.page.ownJournal', { hosts: t('options.hosts') })}</p>
      <button type="button" class="secondary" onClick={() => void browser.runtime.openOptionsPage()} data-testid="import-page-options">
        {t('dashboard.importWays.page.options')}
      </button>
    </div>
  );
}

export function BaseImport({ context, imported }: { context: DashboardContext; imported: () => void }) {
  const [way, setWay] = useState<Way>('file');
  return (
    <details class="card base-import" data-testid="base-import">
      <summary>{t('dashboard.importWays.title')}</summary>
      <div class="import-ways">
        {ways.map((w) => (
          <button
            key={w}
            type="button"
            class={w === way ? '' : 'secondary'}
            aria-pressed={w === way}
            onClick={() => setWay(w)}
            data-testid={`import-way-${w}`}
          >
            {t(`dashboard.importWays.${w}`)}
          </button>
        ))}
      </div>
      {way === 'file' && <RosterImport organisationId={context.school.organisationId} imported={imported} />}
      {way === 'classroom' && <Classroom context={context} imported={imported} />}
      {way === 'page' && <PageCapture />}
    </details>
  );
}
