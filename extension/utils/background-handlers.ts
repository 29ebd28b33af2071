// The background's answers. Every request is checked against its sender first (utils/senders.ts):
// content scripts get the badges' names and roles and may ask for a panel; programme data and
// writes go only to extension pages, and a page framed in a web page's tab only while it holds the
// panel its tab's content script asked for (utils/panel-tickets.ts).
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { meetingCreate, plannedMeetingCreate } from '../../shared/api/meetings.ts';
import { outcomeCreate } from '../../shared/api/monitoring.ts';
import { rosterRowInput } from '../../shared/api/roster-import.ts';
import { participantsOf } from '../../shared/participants.ts';
import { ApiError, api, OfflineError, passOn } from './api.ts';
import { currentSession, getAccessToken, saveLocalSession, signInWithGoogle, signOut } from './auth.ts';
import { syncClassroom } from './google-classroom.ts';
import {
  type AdapterFallback,
  type BadgePerson,
  isRequest,
  type PageGrades,
  type PageRosterData,
  type PanelRequest,
  type ProgrammeOverview,
  type Replies,
  type Reply,
  type TabRequest,
} from './messages.ts';
import { curatorOf, loadMyGroups } from './my-groups.ts';
import { type PanelTickets, panelTickets } from './panel-tickets.ts';
import { discard, flushQueue, queuedItems, submit } from './queue.ts';
import { isFramedPage, mayAsk, type Sender, senderKind } from './senders.ts';
import { badgePeopleCacheItem, reminderKinds, reminderSettingsItem } from './storage.ts';
import { showReachability } from './toolbar.ts';

type AnyReply = Reply<Replies[keyof Replies]>;

function refusal(error: unknown): AnyReply {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ApiError) return { ok: false, status: error.status, message, body: error.body };
  if (error instanceof OfflineError) return { ok: false, status: 0, message, body: null };
  return { ok: false, status: 0, message, body: null, plain: true };
}

function invalid(error: z.ZodError): AnyReply {
  return { ok: false, status: 400, message: error.issues.map((i) => i.message).join('; ') };
}

const uuid = z.uuid();

const panelRequest = z.union([
  z.object({ panel: z.literal('pair'), personIds: z.array(uuid).min(1).max(20) }).strict(),
  z.object({ panel: z.literal('programme') }).strict(),
]);

/** What a content script sends back as the page's roster: strings only, bounded. */
const pageRoster = z.object({
  people: z.array(z.object({ name: z.string().max(300), className: z.string().max(50).nullable() })).max(5000),
  className: z.string().max(50).nullable(),
  rows: z.array(rosterRowInput).max(5000),
  skipped: z.array(z.string().max(300)).max(5000),
  site: z.string().max(50),
});

/** What a content script sends back as a pupil's lessons: dates, marks and absences, two short texts, bounded; nothing else of the page. */
const pageGrades = z.discriminatedUnion('status', [
  z
    .object({
      status: z.literal('read'),
      site: z.string().regex(/^[a-z0-9-]{1,40}$/),
      subject: z.string().max(100).nullable(),
      period: z.string().max(100).nullable(),
      lessons: z
        .array(
          z
            .object({
              on: z.iso.date().nullable(),
              grades: z.array(z.number().int().min(1).max(5)).max(10),
              absent: z.boolean(),
            })
            .strict(),
        )
        .max(1000),
    })
    .strict(),
  z.object({ status: z.literal('unsupported'), sites: z.array(z.string().regex(/^[a-z0-9-]{1,40}$/)).max(50) }).strict(),
  z.object({ status: z.literal('not-found') }).strict(),
]);

/** A journal reading saved as outcomes: the API's own checks, at most a few rows (one reading: two metrics). */
const journalOutcomes = z.array(outcomeCreate).min(1).max(10);

/** An API call from the dashboard: a path of the API's own (no scheme, host or `..`), a bounded body. */
const apiCall = z
  .object({
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
    path: z
      .string()
      .max(4000)
      .regex(/^\/[^/\\]/, 'an API path starts with one /')
      .refine((path) => !path.split(/[?#]/)[0]?.split('/').includes('..'), 'no .. in an API path'),
    body: z.string().max(20_000_000).optional(),
    ifMatch: z.string().max(80).optional(),
  })
  .strict();

/**
 * The panel each tab shows, in session storage: it outlives the service worker's restarts, not the
 * browser's. Defined here, in the background only: a storage item reads its area as soon as it is
 * defined, and content scripts (and Firefox's extension pages) have no `storage.session` — every
 * page would log «"browser.storage.session" is undefined».
 */
export const tickets = panelTickets(storage.defineItem<PanelTickets>('session:panelTickets', { fallback: {}, version: 1 }));

/** A fallback as a content script or a tab says it: two short slugs (the host comes from the browser). */
const adapterFallback = z.object({ site: z.string().regex(/^[a-z0-9-]{1,40}$/), pageKind: z.string().regex(/^[a-z0-9-]{1,40}$/) }).strict();

/** Fallbacks already counted today by this browser (day|site|host|kind): a page that re-renders is one report. */
const fallbacksReported = new Set<string>();

/** Counts a fallback with the API once a day per site, host and page kind; a failure is only logged (nothing waits on it). */
async function reportFallback(report: AdapterFallback, pageUrl: string | undefined): Promise<void> {
  const host = pageUrl ? new URL(pageUrl).hostname : '';
  const key = [new Date().toISOString().slice(0, 10), report.site, host, report.pageKind].join('|');
  if (!host || fallbacksReported.has(key) || !(await getAccessToken())) return;
  try {
    await api.reportAdapterFallback({ site: report.site, host, page_kind: report.pageKind });
    fallbacksReported.add(key);
  } catch (error) {
    console.warn('[nastavnik] adapter fallback not reported:', error instanceof Error ? error.message : error);
  }
}

const refused = (message: string): AnyReply => ({ ok: false, status: 403, message });

/** Asks the content script of a tab's top frame (only the background can: pages cannot reach it). */
function askTab(tabId: number, request: TabRequest): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, request, { frameId: 0 });
}

/** The participants as badges need them: the name to find on the page and the role to draw. */
function badgePeople(groups: Parameters<typeof participantsOf>[0]): BadgePerson[] {
  return participantsOf(groups).map(({ member, groups: theirs, kind }) => ({
    member: { ...member, role: theirs.some((g) => g.role === 'mentor') ? 'mentor' : 'mentee' },
    kind: kind ?? 'unknown',
  }));
}

/** The participants the person may see, fetched, and kept as the last known for the next page (badges at once). */
async function freshBadgePeople(): Promise<BadgePerson[] | null> {
  const session = await currentSession();
  if (!session) return null;
  try {
    const people = badgePeople(await api.visibleGroups());
    void showReachability(true);
    await badgePeopleCacheItem.setValue({ email: session.email, people, fetchedAt: Date.now() });
    return people;
  } catch (error) {
    if (error instanceof OfflineError) void showReachability(false);
    throw error;
  }
}

/** The last known participants, only for the person they were fetched for. */
async function cachedBadgePeople(): Promise<BadgePerson[] | null> {
  const [session, cache] = await Promise.all([currentSession(), badgePeopleCacheItem.getValue()]);
  return session && cache?.email === session.email ? cache.people : null;
}

const reminderSettings = z
  .object({
    muted: z
      .object(Object.fromEntries(reminderKinds.map((kind) => [kind, z.boolean()])) as Record<(typeof reminderKinds)[number], z.ZodBoolean>)
      .strict(),
  })
  .strict();

/** The school's latest programme with its stages, checklist and warnings, in as few round trips as it takes. */
async function programmeOverview(organisationId: string): Promise<ProgrammeOverview> {
  const [programmes, catalog] = await Promise.all([api.programmes(organisationId), api.catalog()]);
  // Newest academic year first (the API's order).
  const programme = programmes.items[0] ?? null;
  if (!programme) return { programme, stages: catalog.stages, checklist: [], warnings: [] };
  const [checklist, warnings] = await Promise.all([api.checklist(programme.id), api.warnings(programme.id)]);
  return { programme, stages: catalog.stages, checklist: checklist.items, warnings: warnings.items };
}

/**
 * What the background answers one of our contexts, after checking what the browser says about the
 * sender. `null` groups mean "nobody is signed in".
 */
export async function answer(message: unknown, sender: Sender): Promise<AnyReply> {
  if (!isRequest(message)) return { ok: false, status: 400, message: 'unknown request' };
  const kind = senderKind(sender, browser.runtime.id);
  if (!kind || !mayAsk(message.type, kind)) return refused(`${message.type} is not answered to this sender`);
  // A panel frame inside a web page's tab: only the frame that took its tab's panel.
  if (kind === 'extension-page' && isFramedPage(sender) && message.type !== 'nastavnik:panel' && !(await tickets.holds(sender))) {
    return refused('this frame holds no panel');
  }
  // The whole API only for the extension's own top-level pages (the dashboard), never for a panel frame.
  if (message.type === 'nastavnik:api' && isFramedPage(sender)) return refused('the API is not answered to a frame');
  const tabId = sender.tab?.id;
  try {
    switch (message.type) {
      case 'nastavnik:badge-people':
        return { ok: true, value: await freshBadgePeople() };
      case 'nastavnik:badge-people-cached':
        return { ok: true, value: await cachedBadgePeople() };
      case 'nastavnik:runs-programme':
        return { ok: true, value: (await curatorOf()) !== null };
      case 'nastavnik:open-panel': {
        const parsed = panelRequest.safeParse(message.request);
        if (!parsed.success) return invalid(parsed.error);
        if (tabId === undefined) return refused('no tab');
        await tickets.open(tabId, parsed.data as PanelRequest);
        return { ok: true, value: null };
      }
      case 'nastavnik:adapter-fallback': {
        const parsed = adapterFallback.safeParse(message.report);
        if (!parsed.success) return invalid(parsed.error);
        // The page's host as the browser says it, never as the page's script might.
        await reportFallback(parsed.data, sender.url);
        return { ok: true, value: null };
      }
      case 'nastavnik:page-fallback': {
        if (tabId === undefined) return { ok: true, value: null };
        const read = await askTab(tabId, { type: 'nastavnik:read-fallback' }).catch(() => null);
        const parsed = adapterFallback.safeParse(read);
        return { ok: true, value: parsed.success ? parsed.data : null };
      }
      case 'nastavnik:close-panel':
        if (tabId === undefined) return { ok: true, value: null };
        await tickets.close(tabId);
        // The frame asked: the content script takes it off the page (and gives the focus back).
        if (kind === 'extension-page') await askTab(tabId, { type: 'nastavnik:panel-closed' }).catch(() => undefined);
        return { ok: true, value: null };
      case 'nastavnik:panel':
        return { ok: true, value: await tickets.take(sender) };
      case 'nastavnik:page-roster': {
        if (tabId === undefined) return { ok: true, value: null };
        const read = await askTab(tabId, { type: 'nastavnik:read-roster' }).catch(() => null);
        if (read === null || read === undefined) return { ok: true, value: null };
        const parsed = pageRoster.safeParse(read);
        return parsed.success ? { ok: true, value: parsed.data as PageRosterData } : invalid(parsed.error);
      }
      case 'nastavnik:page-grades': {
        const personId = uuid.safeParse(message.personId);
        if (!personId.success) return invalid(personId.error);
        if (tabId === undefined) return { ok: true, value: { status: 'not-found' } };
        const read = await askTab(tabId, { type: 'nastavnik:read-grades', personId: personId.data }).catch(() => null);
        // No answer: the page has no overlay (not a journal page, or it is still loading).
        if (read === null || read === undefined) return { ok: true, value: { status: 'not-found' } };
        const parsed = pageGrades.safeParse(read);
        return parsed.success ? { ok: true, value: parsed.data as PageGrades } : invalid(parsed.error);
      }
      case 'nastavnik:save-outcomes': {
        const parsed = journalOutcomes.safeParse(message.outcomes);
        if (!parsed.success) return invalid(parsed.error);
        // Through the queue, as meetings go: kept, sent, and sent again when the network returns
        // (each outcome with its client id; the API upserts on the mentee, metric and subject).
        let queued = false;
        for (const outcome of parsed.data) queued = (await submit({ kind: 'record-outcome', outcome })).status === 'queued' || queued;
        return { ok: true, value: { status: queued ? 'queued' : 'saved' } };
      }
      case 'nastavnik:my-groups':
        if (!(await getAccessToken())) return { ok: true, value: null };
        return { ok: true, value: await api.visibleGroups() };
      case 'nastavnik:log-meeting': {
        // The same checks the API makes, before anything is queued: a queued meeting the API will refuse is lost work.
        const parsed = meetingCreate.safeParse(message.meeting);
        if (!parsed.success) return invalid(parsed.error);
        return { ok: true, value: await submit({ kind: 'log-meeting', meeting: message.meeting }) };
      }
      case 'nastavnik:plan-meeting': {
        const parsed = plannedMeetingCreate.safeParse(message.plan);
        if (!parsed.success) return invalid(parsed.error);
        return { ok: true, value: await submit({ kind: 'plan-meeting', plan: message.plan }) };
      }
      case 'nastavnik:cancel-plan': {
        const ids = z.object({ planId: uuid, groupId: uuid }).safeParse(message);
        if (!ids.success) return invalid(ids.error);
        return { ok: true, value: await submit({ kind: 'cancel-plan', planId: ids.data.planId, groupId: ids.data.groupId }) };
      }
      case 'nastavnik:queue':
        return { ok: true, value: await queuedItems() };
      case 'nastavnik:discard-queued': {
        const id = uuid.safeParse(message.id);
        if (!id.success) return invalid(id.error);
        return { ok: true, value: await discard(id.data) };
      }
      case 'nastavnik:reminder-settings':
        return { ok: true, value: await reminderSettingsItem.getValue() };
      case 'nastavnik:set-reminder-settings': {
        const parsed = reminderSettings.safeParse(message.settings);
        if (!parsed.success) return invalid(parsed.error);
        await reminderSettingsItem.setValue(parsed.data);
        return { ok: true, value: parsed.data };
      }
      case 'nastavnik:popup-groups':
        return { ok: true, value: await loadMyGroups() };
      case 'nastavnik:flush-queue':
        return { ok: true, value: await flushQueue({ force: message.force === true }) };
      case 'nastavnik:api': {
        const parsed = apiCall.safeParse(message.call);
        if (!parsed.success) return invalid(parsed.error);
        return { ok: true, value: await passOn(parsed.data) };
      }
      case 'nastavnik:session':
        return { ok: true, value: await currentSession() };
      case 'nastavnik:check-session':
        // A 401 forgets the session (utils/api.ts): every context then shows the sign-in.
        if (await currentSession()) await api.me();
        return { ok: true, value: null };
      case 'nastavnik:dev-users':
        return { ok: true, value: await api.devUsers() };
      case 'nastavnik:dev-sign-in': {
        const email = z.string().min(1).max(320).safeParse(message.email);
        if (!email.success) return invalid(email.error);
        const session = await api.devToken(email.data);
        await saveLocalSession(session);
        return { ok: true, value: session };
      }
      case 'nastavnik:google-sign-in':
        return { ok: true, value: await signInWithGoogle() };
      case 'nastavnik:sign-out':
        await signOut();
        await badgePeopleCacheItem.setValue(null);
        return { ok: true, value: null };
      case 'nastavnik:curator':
        return { ok: true, value: await curatorOf() };
      case 'nastavnik:programme': {
        const id = uuid.safeParse(message.organisationId);
        if (!id.success) return invalid(id.error);
        return { ok: true, value: await programmeOverview(id.data) };
      }
      // The API validates the bodies and refuses in the person's language; here only the path's id is checked.
      case 'nastavnik:checklist-item': {
        const id = uuid.safeParse(message.id);
        if (!id.success) return invalid(id.error);
        const version = z.string().min(1).max(40).safeParse(message.version);
        if (!version.success) return invalid(version.error);
        return { ok: true, value: await api.updateChecklistItem(id.data, version.data, message.patch) };
      }
      case 'nastavnik:classroom-sync': {
        const id = uuid.safeParse(message.organisationId);
        if (!id.success) return invalid(id.error);
        return { ok: true, value: await syncClassroom(id.data, message.request) };
      }
      case 'nastavnik:roster-capture': {
        const { organisationId, listName, rows, dryRun, resolutions } = message.capture ?? {};
        const id = uuid.safeParse(organisationId);
        if (!id.success) return invalid(id.error);
        return {
          ok: true,
          value: await api.rosterImport(id.data, {
            list_name: listName,
            rows,
            dry_run: dryRun,
            ...(resolutions ? { resolutions } : {}),
          }),
        };
      }
    }
  } catch (error) {
    return refusal(error);
  }
}
