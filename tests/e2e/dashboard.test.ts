// The curator's workplace in real Chromium (issue 12): the demo curator opens the dashboard, reads
// home (seven stages, the KPI tiles, «что исправить» checked against counts computed from the
// database on its own), then runs a new academic year's programme from nothing to published pairs:
// stage 1 starts it and downloads the school's documents (opened again and read), stage 2 enrols
// mentees from the table with filters and bulk actions and records a guardian's consent (the
// consent form printed), stage 3 enrols mentors, stage 4 records a training session that trains
// them, stage 5 matches, pins, forbids, saves the drafts and publishes them by an order, whose DOCX
// names the pairs. Screenshots of every screen at 1280 and 1024 px (NASTAVNIK_SCREENSHOTS; other widths
// with NASTAVNIK_SCREENSHOT_WIDTHS=1280,1024,360). On a phone the page never scrolls sideways.
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExtension } from '../../functions/local/build-extension.ts';
import { type LocalServer, startLocalServer } from '../../functions/local/server.ts';
import { type ExtensionBrowser, findChromium, launchWithExtension } from '../support/chromium.ts';
import { freshDatabase, type TestDatabase } from '../support/database.ts';
import { docxText } from '../support/docx-text.ts';
import { signIn } from '../support/extension-pages.ts';

const chromiumPath = findChromium();
const screenshots = process.env.NASTAVNIK_SCREENSHOTS;
/** The widths to shoot: the two, or NASTAVNIK_SCREENSHOT_WIDTHS (e.g. «1280,1024,360»). */
const widths = (process.env.NASTAVNIK_SCREENSHOT_WIDTHS ?? '1280,1024')
  .split(',')
  .map((width) => [Number(width), Number(width) < 600 ? 740 : 900] as const);
const curator = 'a.korolev2@school17.example.ru'; // t-0555, the school's curator

describe.skipIf(!chromiumPath)('the curator’s workplace in Chromium: from an empty programme to published pairs', () => {
  let dataDir: string;
  let database: TestDatabase;
  let server: LocalServer;
  let browser: ExtensionBrowser;
  let tab: Page;
  let organisationId = '';

  const sql = <T>(text: string, params: unknown[] = []) => server.db.asService(async (db) => (await db.query<T>(text, params)).rows);
  /** The screen at both widths the issue names, 1280 px first. */
  const shoot = async (name: string) => {
    if (!screenshots) return;
    await mkdir(screenshots, { recursive: true });
    for (const [width, height] of widths) {
      await tab.setViewportSize({ width, height });
      await tab.waitForTimeout(150);
      await tab.screenshot({ path: join(screenshots, `dashboard-${name}-${width}.png`), fullPage: true });
    }
    await tab.setViewportSize({ width: 1280, height: 900 });
  };
  const open = async (screen: string) => {
    await tab.goto(`chrome-extension://${browser.extensionId}/dashboard.html#/${screen}`);
    await tab.getByTestId(`screen-${screen}`).waitFor({ timeout: 15_000 });
    await tab.getByTestId('screen-loading').first().waitFor({ state: 'detached', timeout: 15_000 });
  };
  /** Clicks a download button and reads the DOCX the browser saved. */
  const downloaded = async (testId: string) => {
    const [file] = await Promise.all([tab.waitForEvent('download', { timeout: 20_000 }), tab.getByTestId(testId).click()]);
    const path = await file.path();
    return { name: file.suggestedFilename(), text: docxText(new Uint8Array(await readFile(path))) };
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'nastavnik-e2e-dashboard-'));
    database = await freshDatabase();
    await database.db.close();
    server = await startLocalServer({ port: 0, dataDir, databaseUrl: database.url });
    const extensionDir = await buildExtension(server.url, { outDir: '.output/e2e-dashboard' });
    browser = await launchWithExtension(chromiumPath as string, extensionDir);
    await signIn(browser, curator);
    tab = await browser.context.newPage();
    await tab.setViewportSize({ width: 1280, height: 900 });
    organisationId = (await sql<{ id: string }>("select id from public.organisations where kind = 'school' limit 1"))[0]?.id ?? '';
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (database?.url) await database.dispose();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('home: seven stages, the KPI tiles, and «что исправить» as the database counts it', async () => {
    await open('home');
    await tab.getByTestId('home-stage-7').waitFor();
    expect(await tab.locator('[data-testid^="home-stage-"]').count()).toBe(7);
    await tab.getByTestId('kpi-students').waitFor();
    // The compliance list against counts computed here, from the tables themselves.
    const [counts] = await sql<{ minors: number; untrained: number; never_met: number; undocumented: number }>(
      `with pr as (select id, current_stage from public.programmes order by academic_year desc limit 1),
       active as (select g.* from public.mentoring_groups g join pr on pr.id = g.programme_id where g.status = 'active'),
       members as (select gm.*, a.programme_id from public.group_members gm join active a on a.id = gm.group_id where gm.left_on is null)
       select
         (select count(distinct m.person_id)::int from members m join public.people p on p.id = m.person_id
            left join public.person_details d on d.person_id = p.id
            where app.minor_by(p.kind, d.birth_year) and not app.has_valid_consent(p.id)) as minors,
         (select count(distinct m.person_id)::int from members m where m.role = 'mentor' and not exists (
            select 1 from public.enrolments e where e.person_id = m.person_id and e.programme_id = m.programme_id
              and e.base = 'mentor' and e.training_status = 'trained' and e.left_on is null)) as untrained,
         (select count(*)::int from active a where not exists (select 1 from public.meetings mt where mt.group_id = a.id)
            and a.started_on < current_date - 21) as never_met,
         (select count(distinct i.stage)::int from public.programme_checklist_items i join pr on pr.id = i.programme_id
            join public.catalog_checklist_items t on t.id = i.catalog_item_id
            where t.evidence = 'document' and i.done_at is null and i.stage <= pr.current_stage) as undocumented`,
    );
    const shown = async (kind: string) =>
      Number(
        (await tab
          .locator(`[data-testid="fix"][data-kind="${kind}"]`)
          .getAttribute('data-count')
          .catch(() => '0')) ?? 0,
      );
    const fixes = tab.getByTestId('fix');
    const kinds = await fixes.evaluateAll((items) => items.map((item) => item.getAttribute('data-kind')));
    for (const [kind, count] of [
      ['minor_without_consent', counts?.minors],
      ['untrained_mentor', counts?.untrained],
      ['stage_without_documents', counts?.undocumented],
      ['never_met', counts?.never_met],
    ] as const) {
      expect(kinds.includes(kind) ? await shown(kind) : 0, kind).toBe(count);
    }
    expect(kinds.length).toBeGreaterThan(0);
    await shoot('home');
    // Each fix is one click away: the consent one opens stage 2 filtered to exactly those people.
    const consentFix = tab.locator('[data-testid="fix"][data-kind="minor_without_consent"] [data-testid="fix-action"]');
    if (await consentFix.count()) {
      await consentFix.click();
      await tab.getByTestId('screen-stage-2').waitFor();
      await tab.getByTestId('base-table').waitFor({ timeout: 15_000 });
      expect(await tab.getByTestId('filter-consent').inputValue()).toBe('missing');
    }
  });

  it('stage 1: starts next year’s programme from nothing and downloads the school’s documents', async () => {
    await open('stage-1');
    await tab.locator('details summary').click();
    const start = tab.getByTestId('start-programme');
    expect(await start.getByTestId('programme-year').inputValue()).toMatch(/^\d{4}\/\d{4}$/);
    const year = await start.getByTestId('programme-year').inputValue();
    // A mistake first: the year is refused in words and what was typed stays.
    await start.getByTestId('programme-year').fill('2027/2029');
    await start.getByTestId('programme-name').fill('Наставничество: новый год');
    await start.getByTestId('programme-start').click();
    await expect.poll(() => start.getByTestId('programme-start-status').textContent(), { timeout: 15_000 }).toContain('Не получилось');
    expect(await start.getByTestId('programme-name').inputValue()).toBe('Наставничество: новый год');
    await start.getByTestId('programme-year').fill(year);
    await start.getByTestId('programme-start').click();
    await expect.poll(() => tab.getByTestId('dashboard-school').textContent(), { timeout: 15_000 }).toContain(year);
    await tab.getByTestId('programme-setup').waitFor();
    const [programme] = await sql<{ name: string; forms: string[] }>('select name, forms from public.programmes where academic_year = $1', [
      year,
    ]);
    expect(programme?.name).toBe('Наставничество: новый год');
    expect(programme?.forms).toContain('student_student');

    const [school] = await sql<{ name: string }>('select name from public.organisations where id = $1', [organisationId]);
    const order = await downloaded('document-order_introducing_model');
    expect(order.name).toMatch(/\.docx$/);
    expect(order.text).toContain(school?.name);
    expect(order.text).toContain('Наставничество: новый год');
    expect(order.text).toContain('Королёв Арсений Павлович');
    expect((await downloaded('document-programme_regulation')).text).toContain('ПОЛОЖЕНИЕ');
    expect((await downloaded('document-roadmap')).text).toContain('ДОРОЖНАЯ КАРТА');
    await tab.getByTestId('stage-checklist').waitFor();
    await shoot('stage-1');
  });

  it('stage 1: appoints a teacher as curator by name, cannot remove the last curator, takes the role back', async () => {
    await open('stage-1');
    const card = tab.getByTestId('programme-curators');
    await card.getByTestId('curator').first().waitFor();
    expect(await card.getByTestId('curator').count()).toBe(1);
    // One curator: «Снять» is not offered, and the card says why.
    expect(await card.getByTestId('curator-remove').isDisabled()).toBe(true);
    expect(await card.textContent()).toContain('Последнего куратора снять нельзя');
    await card.getByTestId('curator-search-input').fill('Новикова Полина');
    await card.getByTestId('curator-search-button').click();
    await card.getByTestId('curator-appoint').first().click();
    await expect.poll(() => card.getByTestId('curator').count(), { timeout: 15_000 }).toBe(2);
    expect(await card.getByTestId('curator-status').textContent()).toContain('теперь куратор программы');
    const appointed = await sql<{ last_name: string }>(
      `select p.last_name from public.memberships m join public.people p on p.id = m.person_id
       where m.organisation_id = $1 and m.role = 'curator' order by p.last_name`,
      [organisationId],
    );
    expect(appointed.map((r) => r.last_name)).toEqual(['Королёв', 'Новикова']);
    await shoot('stage-1-curators');
    await card.getByRole('button', { name: /Снять куратора: Новикова/ }).click();
    await expect.poll(() => card.getByTestId('curator').count(), { timeout: 15_000 }).toBe(1);
    const [log] = await sql<{ n: number }>(
      `select count(*)::int as n from public.audit_log where table_name = 'memberships' and organisation_id = $1 and actor_user_id is not null`,
      [organisationId],
    );
    expect(log?.n).toBe(2);
  });

  // Mentees from one class, mentors from the class a grade above: the peer role model pairs them.
  let menteeClass = '';
  let mentorClass = '';
  it('stage 2: enrols a class’s pupils with consent in bulk, records a missing consent and prints the form', async () => {
    const classes = await sql<{ name: string; grade: number; eligible: number }>(
      `select c.name, c.grade, count(*) filter (where public.consent_status(p.id) = 'given' and not exists (
          select 1 from public.group_members gm join public.mentoring_groups g on g.id = gm.group_id
          where gm.person_id = p.id and g.form = 'student_student' and g.status in ('draft', 'active')))::int as eligible
       from public.classes c join public.people p on p.class_id = c.id where p.kind = 'student' group by c.name, c.grade order by c.grade, c.name`,
    );
    const pick = classes.find((c) => c.grade >= 5 && c.eligible >= 3 && classes.some((m) => m.grade === c.grade + 1 && m.eligible >= 3));
    menteeClass = pick?.name ?? '';
    mentorClass = classes.find((m) => m.grade === (pick?.grade ?? 0) + 1 && m.eligible >= 3)?.name ?? '';
    expect(menteeClass).not.toBe('');

    await open('stage-2');
    const table = tab.getByTestId('base-table');
    await table.waitFor();
    // The long list scrolls from the keyboard: Tab reaches it, Page Down moves it.
    const scroller = tab.getByTestId('base-table-scroller');
    await scroller.focus();
    await tab.keyboard.press('PageDown');
    await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    await scroller.evaluate((el) => el.scrollTo(0, 0));
    await tab.getByTestId('filter-class').selectOption(menteeClass);
    await tab.getByTestId('filter-consent').selectOption('given');
    await tab.getByTestId('filter-status').selectOption('not_in_base');
    const rows = Number(await table.getAttribute('data-rows'));
    expect(rows).toBeGreaterThan(2);
    await tab.getByTestId('base-table-select-all').check();
    await tab.getByTestId('bulk-form').selectOption('student_student');
    await tab.getByTestId('bulk-enrol').click();
    await expect.poll(() => tab.getByTestId('base-summary').textContent(), { timeout: 15_000 }).toContain(`В базе ${rows} наставляем`);
    const [enrolled] = await sql<{ n: number }>(
      `select count(*)::int as n from public.enrolments e join public.programmes pr on pr.id = e.programme_id
       where e.base = 'mentee' and pr.academic_year = (select max(academic_year) from public.programmes)`,
    );
    expect(enrolled?.n).toBe(rows);

    // A pupil without consent: found with the filter, their card records it (paper, version 2).
    await tab.getByTestId('filter-class').selectOption('');
    await tab.getByTestId('filter-status').selectOption('all');
    await tab.getByTestId('filter-consent').selectOption('missing');
    await expect.poll(async () => Number(await table.getAttribute('data-rows')), { timeout: 15_000 }).toBeGreaterThan(0);
    const first = table.getByTestId('base-table-row').first();
    const personId = (await first.getAttribute('data-key')) as string;
    await first.getByTestId('base-table-open').click();
    const card = tab.getByTestId('person-card');
    await card.waitFor();
    await card.getByTestId('consent-version').fill('2');
    await card.getByTestId('consent-medium').selectOption('electronic');
    await card.getByTestId('consent-record').click();
    await expect.poll(() => card.getByTestId('consent-status').textContent(), { timeout: 15_000 }).toContain('Согласие записано');
    const consents = await sql<{ given_by: string; document_version: string; medium: string }>(
      'select given_by, document_version, medium from public.consents where person_id = $1',
      [personId],
    );
    expect(consents).toEqual([{ given_by: 'parent', document_version: '2', medium: 'electronic' }]);
    // The table and the card know it at once: the pupil's consent is now «есть».
    await expect.poll(() => card.locator('p.muted').first().textContent(), { timeout: 15_000 }).toContain('Согласие: есть');
    const [status] = await sql<{ status: string }>('select public.consent_status($1) as status', [personId]);
    expect(status?.status).toBe('given');
    const [child] = await sql<{ last_name: string; first_name: string }>('select last_name, first_name from public.people where id = $1', [
      personId,
    ]);
    const form = await downloaded('consent-print');
    expect(form.text).toContain(`${child?.last_name} ${child?.first_name}`);
    expect(form.text).toContain('152-ФЗ');
    await tab.getByTestId('filter-consent').selectOption('');
    await tab.getByTestId('filter-status').selectOption('in_base');
    // A mentee's key request, typed in the card and saved with its version.
    const mentee = table.getByTestId('base-table-row').first();
    const menteeId = (await mentee.getAttribute('data-key')) as string;
    await mentee.getByTestId('base-table-open').click();
    await tab.locator(`[data-testid="person-card"][data-person="${menteeId}"]`).waitFor();
    await tab.getByTestId('key-request').fill('Подтянуть математику к концу четверти');
    await tab.getByTestId('mentee-subjects').fill('математика');
    await tab.getByTestId('enrolment-save').click();
    await expect.poll(() => tab.getByTestId('enrolment-status').textContent(), { timeout: 15_000 }).toContain('Сохранено');
    const [request] = await sql<{ key_request: string; subjects: string[] }>(
      "select key_request, subjects from public.enrolments where person_id = $1 and base = 'mentee' order by entered_on desc limit 1",
      [menteeId],
    );
    expect(request).toEqual({ key_request: 'Подтянуть математику к концу четверти', subjects: ['математика'] });
    await shoot('stage-2');

    // «Пополнить базу», right here: a class list file with its preview, the Classroom sync, a journal page.
    const panel = tab.getByTestId('base-import');
    await panel.locator('summary').click();
    const csv = `Фамилия;Имя;Отчество;Класс\nЗайцева;Алиса;Петровна;${menteeClass}\n`;
    await tab.getByTestId('roster-file').setInputFiles({ name: 'список.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await tab.getByTestId('roster-preview').click();
    await expect.poll(() => tab.getByTestId('roster-preview-counts').textContent(), { timeout: 15_000 }).toContain('новых 1');
    await shoot('stage-2-import-file');
    await tab.getByTestId('roster-apply').click();
    await expect.poll(() => tab.getByTestId('roster-import-status').textContent(), { timeout: 15_000 }).toContain('Список загружен');
    await tab.getByTestId('filter-status').selectOption('not_in_base');
    await tab.getByTestId('filter-q').fill('Зайцева Алиса');
    await expect.poll(async () => Number(await table.getAttribute('data-rows')), { timeout: 15_000 }).toBe(1);
    await tab.getByTestId('import-way-classroom').click();
    await panel.getByTestId('classroom-connect').waitFor({ timeout: 15_000 });
    await shoot('stage-2-import-classroom');
    await tab.getByTestId('import-way-page').click();
    expect(await tab.getByTestId('import-page').textContent()).toContain('Добавить класс в базу');
    await shoot('stage-2-import-page');
    await panel.locator('summary').click();
    await tab.getByTestId('filter-q').fill('');
  });

  it('stage 3: enrols the older class as mentors; 2,000-row tables are virtualised', async () => {
    await open('stage-3');
    const table = tab.getByTestId('base-table');
    await table.waitFor();
    // Only the rows in view are in the page, however long the list.
    const total = Number(await table.getAttribute('data-rows'));
    expect(total).toBeGreaterThan(500);
    expect(await table.getByTestId('base-table-row').count()).toBeLessThan(40);
    await tab.getByTestId('filter-class').selectOption(mentorClass);
    await tab.getByTestId('filter-consent').selectOption('given');
    await tab.getByTestId('base-table-select-all').check();
    await tab.getByTestId('bulk-form').selectOption('student_student');
    await tab.getByTestId('bulk-enrol').click();
    await expect.poll(() => tab.getByTestId('base-summary').textContent(), { timeout: 15_000 }).toMatch(/В базе [1-9]\d* наставник/);
    expect(await tab.getByTestId('bulk-actions').count()).toBe(0); // the selection is done with
    await tab.getByTestId('filter-status').selectOption('in_base');
    await shoot('stage-3');
    // A mentor's card: competencies and capacity; every column of the table still in view at 1024 px.
    await table.getByTestId('base-table-row').first().getByTestId('base-table-open').click();
    await tab.getByTestId('capacity').waitFor();
    await shoot('stage-3-card');
  });

  it('stage 4: a training session whose attendance trains the mentors', async () => {
    await open('stage-4');
    await tab.getByTestId('session-topic').fill('Школа наставника: занятие 1');
    await tab.getByTestId('session-add').click();
    await tab.getByTestId('session').first().waitFor({ timeout: 15_000 });
    await tab.getByTestId('session-open').first().click();
    for (const box of await tab.getByTestId('attendee').all()) await box.check();
    await tab.getByTestId('attendance-save').click();
    await expect
      .poll(async () => tab.locator('[data-testid="training-row"][data-status="trained"]').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    expect(await tab.locator('[data-testid="training-row"]:not([data-status="trained"])').count()).toBe(0);
    await shoot('stage-4');
  });

  it('stage 5: matches with reasons, pins, forbids, reruns keeping the pin, publishes by order; the order names the pairs', async () => {
    await open('stage-5');
    await tab.getByTestId('matching-form').selectOption('student_student');
    await tab.getByTestId('matching-role-model').selectOption('peer_to_peer');
    await tab.getByTestId('matching-run').click();
    const pairs = tab.getByTestId('suggested-pair');
    await pairs.first().waitFor({ timeout: 20_000 });
    expect(await tab.getByTestId('pair-reasons').first().textContent()).toMatch(/класс/);
    const pinned = (await pairs.first().locator('td').nth(1).textContent()) ?? '';
    await pairs.first().getByTestId('pair-pin').click();
    if ((await pairs.count()) > 1) await pairs.nth(1).getByTestId('pair-forbid').click();
    else await tab.getByTestId('matching-run').click();
    await expect.poll(() => tab.locator('[data-testid="suggested-pair"][data-pinned="true"]').count(), { timeout: 20_000 }).toBe(1);
    expect(await tab.locator('[data-testid="suggested-pair"][data-pinned="true"] td').nth(1).textContent()).toBe(pinned);
    // On a phone the suggested pairs scroll inside their card; the page itself never scrolls sideways.
    await tab.setViewportSize({ width: 360, height: 740 });
    expect(await tab.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await tab.setViewportSize({ width: 1280, height: 900 });
    await shoot('stage-5-suggestion');

    // The pin and the forbid belong to the programme, not to the tab: the database has them, a reload
    // shows them, and the next run keeps them without being told.
    // The forbid's write may still be on its way when the pin shows: the database is asked until it has both.
    const forbidden = (await pairs.count()) > 1 ? 1 : 0;
    const kept = async () => {
      const [row] = await sql<{ pinned: number; forbidden: number }>(
        `select count(*) filter (where choice = 'pinned')::int as pinned, count(*) filter (where choice = 'forbidden')::int as forbidden
         from public.matching_choices where form_key = 'student_student' and role_model = 'peer_to_peer'`,
      );
      return row;
    };
    await expect.poll(kept, { timeout: 15_000 }).toEqual({ pinned: 1, forbidden });
    await tab.reload();
    await tab.getByTestId('screen-stage-5').waitFor({ timeout: 15_000 });
    await tab.getByTestId('matching-form').selectOption('student_student');
    await tab.getByTestId('matching-role-model').selectOption('peer_to_peer');
    await expect.poll(() => tab.getByTestId('kept-count').textContent(), { timeout: 15_000 }).toContain('Закреплено: 1');
    await tab.getByTestId('matching-run').click();
    await expect.poll(() => tab.locator('[data-testid="suggested-pair"][data-pinned="true"]').count(), { timeout: 20_000 }).toBe(1);
    expect(await tab.locator('[data-testid="suggested-pair"][data-pinned="true"] td').nth(1).textContent()).toBe(pinned);

    // A kept pin the run cannot honour is named, with why: the pinned mentor has left the base.
    const [pin] = await sql<{ mentor: string; programme: string }>(
      "select mentor_person_id::text as mentor, programme_id::text as programme from public.matching_choices where choice = 'pinned'",
    );
    const leave = (on: string | null) =>
      sql("update public.enrolments set left_on = $3::date where person_id = $1 and programme_id = $2 and base = 'mentor'", [
        pin?.mentor,
        pin?.programme,
        on,
      ]);
    await leave(new Date().toISOString().slice(0, 10));
    await tab.getByTestId('matching-run').click();
    await tab.getByTestId('skipped-pin').waitFor({ timeout: 20_000 });
    expect(await tab.getByTestId('skipped-pin').textContent()).toMatch(/выбыла? из базы наставников/);
    expect(await tab.getByTestId('skipped-pins').textContent()).toContain('1 закреплённая пара не учтена');
    expect(await tab.locator('[data-testid="suggested-pair"][data-pinned="true"]').count()).toBe(0);
    await shoot('stage-5-skipped-pin');
    await leave(null);
    await tab.getByTestId('matching-run').click();
    await expect.poll(() => tab.locator('[data-testid="suggested-pair"][data-pinned="true"]').count(), { timeout: 20_000 }).toBe(1);
    expect(await tab.getByTestId('skipped-pin').count()).toBe(0);

    await tab.getByTestId('save-drafts').click();
    await tab.getByTestId('draft').first().waitFor({ timeout: 20_000 });
    const drafts = await tab.getByTestId('draft').count();
    await tab.getByTestId('order-number').fill('42-н');
    await tab.getByTestId('publish').click();
    await expect.poll(() => tab.getByTestId('publish-status').textContent(), { timeout: 30_000 }).toMatch(/Опубликован/);
    // Every draft published: a refusal would be listed under the status, with its reason.
    expect(await tab.getByTestId('publish-failures').allTextContents()).toEqual([]);
    const published = await sql<{ mentor: string; mentee: string }>(
      `select (select p.last_name || ' ' || p.first_name from public.group_members gm join public.people p on p.id = gm.person_id
                where gm.group_id = g.id and gm.role = 'mentor') as mentor,
              (select p.last_name || ' ' || p.first_name from public.group_members gm join public.people p on p.id = gm.person_id
                where gm.group_id = g.id and gm.role = 'mentee') as mentee
       from public.mentoring_groups g join public.programmes pr on pr.id = g.programme_id
       where g.status = 'active' and g.order_number = '42-н' and pr.academic_year = (select max(academic_year) from public.programmes)`,
    );
    expect(published).toHaveLength(drafts);
    const order = await downloaded('document-pairs_order');
    expect(order.text).toContain('№ 42-н');
    for (const pair of published) {
      expect(order.text).toContain(pair.mentor);
      expect(order.text).toContain(pair.mentee);
    }
    await shoot('stage-5-published');

    // Home now counts the new programme's stages.
    await open('home');
    await tab.getByTestId('home-stage-1').waitFor();
    await shoot('home-new-year');
  });
});
