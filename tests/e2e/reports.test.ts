// The report page, stages 6–7, the region view and a questionnaire in real Chromium (issue 13): the
// built extension's dashboard against the API on a fresh database with the demo school. Each figure
// on the screen is checked against one computed here from the raw tables; the regional viewer's
// page holds no child's name. Screenshots (1280 px, 360 px and the A4 print) go to
// NASTAVNIK_SCREENSHOTS (default .screenshots/reports).
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUuid } from '../../functions/db/demo-school.ts';
import { buildExtension } from '../../functions/local/build-extension.ts';
import { type LocalServer, startLocalServer } from '../../functions/local/server.ts';
import { type ExtensionBrowser, findChromium, launchWithExtension } from '../support/chromium.ts';
import { freshDatabase, type TestDatabase } from '../support/database.ts';
import { signIn } from '../support/extension-pages.ts';
import { expectedOn, readRaw } from '../support/kpi-recount.ts';

const chromiumPath = findChromium();
const screenshots = process.env.NASTAVNIK_SCREENSHOTS || join(process.cwd(), '.screenshots', 'reports');
const curator = 'a.korolev2@school17.example.ru';
const novikova = 'p.novikova@school17.example.ru';
const viewer = 'region@minobr.example.ru';
const today = new Date().toISOString().slice(0, 10);

describe.skipIf(!chromiumPath)('reports, stages 6–7 and the region in Chromium', () => {
  let dataDir: string;
  let database: TestDatabase;
  let server: LocalServer;
  let browser: ExtensionBrowser;
  let school: string;

  const shoot = async (tab: Page, name: string, fullPage = true) => {
    await mkdir(screenshots, { recursive: true });
    await tab.screenshot({ path: join(screenshots, name), fullPage });
  };
  const dashboard = async (hash: string, width = 1280) => {
    const tab = await browser.context.newPage();
    await tab.setViewportSize({ width, height: 900 });
    await tab.goto(`chrome-extension://${browser.extensionId}/dashboard.html${hash}`);
    return tab;
  };
  const expectedSchool = async () => {
    const raw = await server.db.asService((db) => readRaw(db, school));
    const line = expectedOn(raw, today).find((l) => l.startsWith('organisation')) ?? '';
    const [studentsTotal, studentsInvolved, staffTotal, staffInvolved] = line.split(' ').slice(-4).map(Number);
    return { raw, studentsTotal, studentsInvolved, staffTotal, staffInvolved };
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'nastavnik-e2e-reports-'));
    database = await freshDatabase();
    await database.db.close();
    server = await startLocalServer({ port: 0, dataDir, databaseUrl: database.url });
    school = (await server.db.asService((db) => db.query<{ id: string }>(`select id from public.organisations where kind = 'school'`)))
      .rows[0]?.id as string;
    // A regional viewer of the demo school's region, who may sign in.
    await server.db.asService(async (db) => {
      const authority = demoUuid('authority');
      const person = demoUuid('person/region-viewer');
      const user = demoUuid('user/region-viewer');
      await db.query(
        `insert into public.organisations (id, name, region, kind) select $1, 'Министерство образования', region, 'authority' from public.organisations where id = $2`,
        [authority, school],
      );
      await db.query('insert into auth.users (id, email) values ($1, $2)', [user, viewer]);
      await db.query(
        `insert into public.people (id, organisation_id, kind, last_name, first_name, auth_user_id) values ($1, $2, 'staff', 'Регионова', 'Нина', $3)`,
        [person, authority, user],
      );
      await db.query('insert into public.person_details (person_id, organisation_id, email) values ($1, $2, $3)', [
        person,
        authority,
        viewer,
      ]);
      await db.query(`insert into public.memberships (person_id, organisation_id, role) values ($1, $2, 'region_viewer')`, [
        person,
        authority,
      ]);
    });
    const extensionDir = await buildExtension(server.url, { outDir: '.output/e2e-reports' });
    browser = await launchWithExtension(chromiumPath as string, extensionDir);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (database?.url) await database.dispose();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('the report page shows the school’s shares, each chart with its table, and prints on A4', async () => {
    await signIn(browser, curator);
    const tab = await dashboard('#/reports');
    await tab.getByTestId('table-forms').waitFor({ timeout: 20_000 });
    const expected = await expectedSchool();
    const card = await tab.getByTestId('kpi-students').textContent();
    expect(card).toContain(`${expected.studentsInvolved} из ${expected.studentsTotal}`);
    expect(await tab.getByTestId('kpi-staff').textContent()).toContain(`${expected.staffInvolved} из ${expected.staffTotal}`);
    // By class: one row per class with students, each as the raw tables say.
    const classes = expectedOn(expected.raw, today).filter((l) => l.startsWith('class '));
    const rows = await tab
      .getByTestId('table-classes')
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent ?? '').join('\t')));
    expect(rows).toHaveLength(classes.length);
    for (const line of classes) {
      const [, name, total, involved] = line.split(' ');
      expect(rows.find((r) => r.startsWith(`${name}\t`))).toMatch(new RegExp(`^${name}\\t${total}\\t${involved}\\t`));
    }
    // Two charts, each beside its table.
    expect(await tab.locator('[data-testid^="chart-"] canvas').count()).toBe(2);
    await shoot(tab, 'reports-1280.png');
    await tab.emulateMedia({ media: 'print' });
    expect(await tab.getByTestId('print').isVisible()).toBe(false);
    await shoot(tab, 'reports-print.png');
    const pdf = await tab.pdf({ format: 'A4' }).catch(() => null);
    if (pdf) expect(pdf.length).toBeGreaterThan(1000);
    await tab.emulateMedia({ media: 'screen' });
    await tab.setViewportSize({ width: 360, height: 800 });
    await shoot(tab, 'reports-360.png');
    await tab.close();
  });

  it('stage 6 lists every running group and those without a meeting; stage 7 its letters and monitoring', async () => {
    const tab = await dashboard('#/stage-6');
    await tab.getByTestId('table-work').waitFor({ timeout: 20_000 });
    const groups = await server.db.asService(
      async (db) =>
        (
          await db.query<{ id: string; status: string; started_on: string }>(
            `select id, status, started_on::text as started_on from public.mentoring_groups where organisation_id = $1 and status <> 'draft' and started_on <= $2`,
            [school, today],
          )
        ).rows,
    );
    // No meeting in the demo: an active group is inactive once 14 days have passed since its start.
    const inactive = groups.filter((g) => g.status === 'active' && (Date.parse(today) - Date.parse(g.started_on)) / 86_400_000 > 14).length;
    expect(await tab.locator('[data-testid="table-work"] tbody tr').count()).toBe(groups.length);
    expect(await tab.getByTestId('stage6-summary').textContent()).toContain(String(inactive));
    await shoot(tab, 'stage6-1280.png', false);
    await tab.getByTestId('filter-inactive').check();
    expect(await tab.locator('[data-testid="table-work"] tbody tr').count()).toBe(inactive);
    await tab.close();

    const seven = await dashboard('#/stage-7');
    await seven.getByTestId('table-mentors').waitFor({ timeout: 20_000 });
    await seven.getByTestId('send-quality').click();
    await seven.getByTestId('stage7-status').waitFor();
    expect(await seven.getByTestId('stage7-status').textContent()).toMatch(/Разослано: \d+/);
    await seven.getByTestId('table-quality').waitFor();
    await shoot(seven, 'stage7-1280.png', false);
    await seven.locator('#monitoring-title').scrollIntoViewIfNeeded();
    await seven.locator('section[aria-labelledby="monitoring-title"]').screenshot({ path: join(screenshots, 'stage7-monitoring.png') });
    await seven.close();
  });

  it('a mentor fills in the questionnaire she was sent', async () => {
    await signIn(browser, novikova);
    const tab = await dashboard('');
    await tab.getByTestId('my-questionnaires').waitFor({ timeout: 20_000 });
    await tab.getByRole('button', { name: 'Заполнить' }).first().click();
    const form = tab.locator('form.questionnaire');
    await form.locator('fieldset').first().getByLabel('8 из 10').check();
    await shoot(tab, 'questionnaire-form-1280.png');
    await form.getByTestId('questionnaire-submit').click();
    await tab.getByText('✓ заполнена').first().waitFor({ timeout: 10_000 });
    await shoot(tab, 'questionnaire-sent-1280.png');
    const stored = await server.db.asService(
      async (db) =>
        (await db.query<{ n: number }>('select count(*)::int as n from public.questionnaire_answers where scale_value = 8')).rows[0]?.n,
    );
    expect(stored).toBe(1);
    await tab.close();
  });

  it('the regional viewer sees the region, its municipality and the school — figures only, no names', async () => {
    await signIn(browser, viewer);
    const tab = await dashboard('');
    await tab.getByTestId('table-region').waitFor({ timeout: 20_000 });
    const expected = await expectedSchool();
    const summary = await tab.getByTestId('region-summary').textContent();
    expect(summary).toContain(`${expected.studentsInvolved} из ${expected.studentsTotal}`);
    const text = await tab.locator('body').textContent();
    const names = await server.db.asService(
      async (db) =>
        (
          await db.query<{ last_name: string }>(
            `select distinct last_name from public.people where organisation_id = $1 and kind = 'student'`,
            [school],
          )
        ).rows,
    );
    for (const { last_name } of names) expect(text).not.toContain(last_name);
    await shoot(tab, 'region-1280.png');
    await tab.setViewportSize({ width: 360, height: 800 });
    await shoot(tab, 'region-360.png');
    await tab.close();
  });
});
