// The dashboard for those who do not run a school's programme: a regional viewer sees the region's
// figures; a mentor or mentee fills in the questionnaires they were sent. Anyone else is told the
// page is the curator's.
import { useAsync } from '../../components/use-async.ts';
import { t } from '../../utils/i18n.ts';
import { body, client } from '../api.ts';
import { Questionnaires } from '../screens/Questionnaires.tsx';
import { RegionView } from '../screens/Region.tsx';
import { Loaded } from './Loaded.tsx';
import './reports.css';

export function Outside() {
  const [me] = useAsync(() => body(client.me.$get()), []);
  return (
    <main class="screen" data-testid="outside">
      <Loaded state={me}>
        {({ people }) => {
          const roles = new Set(people.flatMap((p) => p.roles));
          return (
            <>
              {roles.has('region_viewer') ? <RegionView /> : <p data-testid="not-a-curator">{t('dashboard.notCurator')}</p>}
              {!(roles.size === 1 && roles.has('region_viewer')) && <Questionnaires />}
            </>
          );
        }}
      </Loaded>
    </main>
  );
}
