// Every report table leaves as a file: XLSX or CSV (from the API, the same rows as the screen),
// the school's report to the region as DOCX, a Google Sheet in the curator's Drive (their token,
// sent once, never kept), and the page itself printed on A4.
import { useState } from 'preact/hooks';
import { refusedStatus, type Status, StatusLine } from '../../components/status.tsx';
import { t } from '../../utils/i18n.ts';
import { body, client, download } from '../api.ts';

type Table = 'kpi' | 'kpi_monthly' | 'region' | 'work';
export interface ExportParams {
  organisation_id?: string;
  programme_id?: string;
  region?: string;
  date?: string;
  from?: string;
  to?: string;
}

export function ExportBar({ tables, params, programmeId }: { tables: Table[]; params: ExportParams; programmeId?: string | undefined }) {
  const [status, setStatus] = useState<Status | null>(null);
  const [token, setToken] = useState('');
  const run = async (work: () => Promise<string>) => {
    setStatus(null);
    try {
      setStatus({ kind: 'ok', text: await work() });
    } catch (error) {
      setStatus(refusedStatus(error));
    }
  };
  const file = (table: Table, format: 'xlsx' | 'csv') =>
    run(async () => {
      const name = `${table}-${params.date ?? ''}.${format}`;
      await download(client.reports.export.$get({ query: { table, format, ...params } }), name);
      return t('reports.downloaded', { name });
    });
  return (
    <section class="export-bar no-print" aria-labelledby="exports-title">
      <h2 id="exports-title">{t('reports.exports')}</h2>
      <div class="row">
        {tables.map((table) => (
          <span key={table} class="export-group">
            <button type="button" class="secondary" data-testid={`export-${table}-xlsx`} onClick={() => void file(table, 'xlsx')}>
              {t('reports.xlsx')} · {t(`reports.exportName.${table}`)}
            </button>
            <button type="button" class="secondary" data-testid={`export-${table}-csv`} onClick={() => void file(table, 'csv')}>
              {t('reports.csv')} · {t(`reports.exportName.${table}`)}
            </button>
          </span>
        ))}
        {programmeId && (
          <button
            type="button"
            class="secondary"
            data-testid="export-region-report"
            onClick={() =>
              void run(async () => {
                const name = `report-${params.date ?? ''}.docx`;
                await download(
                  client.programmes[':id'].documents['region-report'].$get({ param: { id: programmeId }, query: { date: params.date } }),
                  name,
                );
                return t('reports.downloaded', { name });
              })
            }
          >
            {t('reports.docx')}
          </button>
        )}
        <button type="button" class="secondary" data-testid="print" onClick={() => window.print()}>
          {t('reports.print')}
        </button>
      </div>
      <form
        class="row"
        onSubmit={(event) => {
          event.preventDefault();
          void run(async () => {
            const created = await body(
              client.reports.sheets.$post(
                { json: { title: `${t('appName')} · ${t('reports.kpi')} · ${params.date ?? ''}`, tables, ...params } },
                { headers: { 'x-google-token': token } },
              ),
            );
            setToken('');
            return t('reports.sheetsDone', { url: created.url });
          });
        }}
      >
        <label>
          {t('reports.sheetsToken')}
          <input
            type="password"
            autocomplete="off"
            value={token}
            onInput={(e) => setToken(e.currentTarget.value)}
            data-testid="sheets-token"
          />
        </label>
        <button type="submit" class="secondary" disabled={!token}>
          {t('reports.sheets')}
        </button>
      </form>
      <StatusLine status={status} testId="export-status" />
    </section>
  );
}
