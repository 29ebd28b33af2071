// Runs the overlay features on one site: fetches whom the signed-in person may see (through the
// background, so RLS decides; names and roles only, what badges need), finds the people on the page once per change (in slices that leave
// the page its main thread), and hands both to every feature. A feature is one file
// (features/index.ts lists them); adding one — the curator's programme panel, roster capture —
// touches nothing here. Everything stops with the content script's context: a pass in progress too.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sameJson } from '../../shared/canonical-json.ts';
import { ParticipantIndex } from '../../shared/participants.ts';
import { isOurBadge } from '../sites/dom.ts';
import { type AdapterFallback, readPage } from '../sites/fallback.ts';
import type { Finding, NameLookup, PersonOnPage, SiteAdapter } from '../sites/types.ts';
import { OfflineError } from '../utils/api-errors.ts';
import { ask } from '../utils/ask.ts';
import type { BadgePerson } from '../utils/messages.ts';
import { sessionItem } from '../utils/storage.ts';
import { afterYielding, firstBadgeMs, readUntil, sliceMs } from './slices.ts';

/** What every feature sees after each (batched) change of the page or of the data. */
export interface OverlayState {
  adapter: SiteAdapter;
  /** The participants the signed-in person may see; null: nobody is signed in (or no answer yet). */
  participants: readonly BadgePerson[] | null;
  index: ParticipantIndex;
  /** Changes whenever the participants do: features redraw what depends on them. */
  version: number;
  /** Whether this URL is one of the adapter's people pages. */
  onPeoplePage: boolean;
  /** The API could not be reached at the last refresh: the badges shown (if any) are as of before. */
  unreachable: boolean;
  /**
   * The programme participants the page shows now: the people the adapter found whom the index
   * resolves, to one or several (empty off people pages or when nobody is signed in).
   */
  people: readonly PersonOnPage[];
  /**
   * The adapter found its page's list but no name in it (the site changed its markup): the
   * people above were read by name in the page's text instead. Null while the adapter reads.
   */
  fallback: AdapterFallback | null;
}

/** Requests between features (a badge asks the pair panel to open), kept off the host page's DOM. */
export interface OverlayEvents {
  'open-pair': { personIds: string[]; opener: HTMLElement | null };
}

export interface Overlay {
  ctx: ContentScriptContext;
  readonly state: OverlayState;
  /** Asks the background for the participants again (sign-in changes, every few minutes). */
  refresh(): Promise<void>;
  emit<K extends keyof OverlayEvents>(type: K, detail: OverlayEvents[K]): void;
  on<K extends keyof OverlayEvents>(type: K, listener: (detail: OverlayEvents[K]) => void, signal: AbortSignal): void;
}

export interface OverlayFeature {
  /** The file name: `participant-badges`, `pair-panel`. */
  id: string;
  /** Once, at start; every listener it adds stops when `signal` aborts. */
  init?(overlay: Overlay, signal: AbortSignal): void;
  /** After each change: cheap and idempotent (it runs once per animation frame at most). */
  update?(state: OverlayState, overlay: Overlay): void;
}

const refreshEveryMs = 5 * 60_000;

/** A pass over the page in progress: for one URL and one version of the data. */
interface Pass {
  findings: Iterator<Finding>;
  index: ParticipantIndex;
  onPeoplePage: boolean;
  /** The participants found so far (people the index resolves to one or several). */
  people: PersonOnPage[];
  fallback: AdapterFallback | null;
  /** Nothing was drawn when the pass began: what it finds is shown slice by slice (the first badges at once). */
  progressive: boolean;
}

/** Nodes of our own (badges, the launcher, the panel frame): their changes must not wake us again. */
function isOurs(node: Node): boolean {
  return isOurBadge(node);
}

/**
 * Asks for the participants as last known as early as the content script runs (document_start),
 * so that the answer is there when the page's names are: badges at once (issue #14).
 */
export function askCachedParticipants(): Promise<BadgePerson[] | null> {
  return ask({ type: 'nastavnik:badge-people-cached' }).catch(() => null);
}

/** Runs `start` once the document is parsed (at once if it is). */
export function whenParsed(ctx: ContentScriptContext, start: () => void): void {
  if (document.readyState !== 'loading') start();
  else ctx.addEventListener(document, 'DOMContentLoaded', start, { once: true });
}

export function runOverlay(
  ctx: ContentScriptContext,
  adapter: SiteAdapter,
  features: readonly OverlayFeature[],
  cached: Promise<BadgePerson[] | null> = askCachedParticipants(),
): Overlay {
  // The features' requests to each other, in this script's own memory: not a DOM EventTarget and
  // CustomEvent, whose `detail` Firefox keeps out of a content script's reach once it went through
  // the page's CustomEvent (Xray vision): there the badge's click never reached the pair panel.
  const listeners = new Map<keyof OverlayEvents, Set<(detail: never) => void>>();
  let state: OverlayState = {
    adapter,
    participants: null,
    index: new ParticipantIndex([]),
    version: 0,
    onPeoplePage: false,
    unreachable: false,
    people: [],
    fallback: null,
  };
  // A new lookup with every new index: adapters may remember answers per lookup.
  const lookupFor = (index: ParticipantIndex): NameLookup => ({
    mayBeSurname: (token) => index.hasSurname(token),
    matches: (name) => index.resolve({ name }).kind !== 'none',
  });
  let lookup = lookupFor(state.index);

  // One pass over the page at a time, in slices (slices.ts): the first in an animation frame, so
  // that names entering the DOM get their badges in the next frame; where the page is large, the
  // rest in tasks of their own. Features see only whole passes.
  let pass: Pass | null = null;
  /** The page changed while a pass was in progress: another one when it ends. */
  let again = false;
  /** A slice is waiting (a frame or a task): never two. */
  let scheduled = false;
  /** Counts slices run: a slice that was waiting when another one ran (one started at once) is void. */
  let turn = 0;
  const later = (wait: (run: () => void) => void) => {
    scheduled = true;
    const mine = turn;
    wait(() => {
      if (mine === turn) slice();
    });
  };

  const begin = (): Pass => {
    const url = new URL(location.href);
    const onPeoplePage = adapter.isPeoplePage(url);
    // A school-added host hands its page to the family adapter that knows it (or the name reader).
    const reader = adapter.readerFor?.(url) ?? adapter;
    const started: Pass = {
      findings: [][Symbol.iterator](),
      index: state.index,
      onPeoplePage,
      people: [],
      fallback: null,
      progressive: state.people.length === 0,
    };
    if (onPeoplePage && state.index.size > 0) {
      started.findings = readPage(reader, document, lookup, url, (fallback) => {
        started.fallback = fallback;
      });
    }
    return started;
  };
  const finish = (done: Pass) => {
    // Rows the page removed while the pass was paused are not drawn on (the next pass follows).
    const people = done.people.length > 0 ? done.people.filter((person) => person.anchor.isConnected) : done.people;
    state = { ...state, onPeoplePage: done.onPeoplePage, people, fallback: done.fallback };
    for (const feature of features) {
      try {
        feature.update?.(state, overlay);
      } catch (error) {
        // One broken feature (a site redesign) must not take the others down.
        console.warn(`[nastavnik] ${feature.id}:`, error);
      }
    }
  };
  const slice = () => {
    turn += 1;
    scheduled = false;
    if (ctx.isInvalid) return;
    pass ??= begin();
    const current = pass;
    const participant = (person: PersonOnPage) => current.index.resolve(person).kind !== 'none';
    let done: boolean;
    try {
      const start = performance.now();
      // A page with no badges yet reads on until its first participant (within a long task's
      // limit): an adapter that finds a whole table at once must not pause after one pupil who is
      // nobody's mentee, leaving the first badge to wait for the page's next frame.
      const firstBy = current.progressive && current.people.length === 0 ? start + firstBadgeMs : undefined;
      done = readUntil(current.findings, current.people, participant, start + sliceMs, undefined, firstBy);
    } catch (error) {
      // An adapter broken by a site redesign: this pass is lost, the next change tries again.
      pass = null;
      again = false;
      console.warn(`[nastavnik] ${adapter.id}:`, error);
      return;
    }
    if (!done) {
      // A page with no badges yet shows the first ones after the first slice, not after the whole
      // page was read (a thousand names): nothing drawn can flicker away meanwhile.
      if (current.progressive && current.people.length > state.people.length) finish({ ...current, people: [...current.people] });
      const nothingDrawn = current.progressive && current.people.length === 0;
      later((run) => afterYielding(ctx, run, nothingDrawn));
      return;
    }
    pass = null;
    finish(current);
    if (again) {
      again = false;
      schedule();
    }
  };
  // Mutations come in bursts: one pass per animation frame at most, and one at a time (a change
  // during a pass brings one more after it).
  const schedule = () => {
    if (ctx.isInvalid) return;
    if (pass) {
      again = true;
      return;
    }
    if (scheduled) return;
    later((run) => ctx.requestAnimationFrame(run));
  };
  /**
   * Another page (single-page navigation) or other data: the pass in progress is dropped. `now`:
   * the new pass starts in this task rather than in the next animation frame — on a large journal
   * the first frame after the page is parsed waits for the layout of its whole table (0.2–0.5 s).
   */
  const restart = (now = false) => {
    pass?.findings.return?.();
    pass = null;
    again = false;
    if (now && !ctx.isInvalid) slice();
    else schedule();
  };
  ctx.onInvalidated(() => {
    pass?.findings.return?.();
    pass = null;
  });

  /** Takes a list of participants (cached or fresh): redraws only when it differs from what is drawn. */
  const adopt = (participants: BadgePerson[] | null): boolean => {
    // The kept list comes back from extension storage with its keys in another order.
    if (sameJson(participants, state.participants)) return false;
    state = {
      ...state,
      participants,
      index: new ParticipantIndex((participants ?? []).map(({ member, kind }) => ({ member, groups: [], kind }))),
      version: state.version + 1,
    };
    lookup = lookupFor(state.index);
    // Nothing drawn yet (the participants as last known, at the page's start): badges at once.
    restart(state.people.length === 0);
    return true;
  };

  let loading: Promise<void> | undefined;
  let warm = false;
  const refresh = () => {
    loading ??= (async () => {
      try {
        // Badges at once: the participants as last known are drawn before the API answers, and
        // corrected (if anything changed) when it does.
        if (!warm) {
          warm = true;
          const known = await cached;
          if (known && state.participants === null) adopt(known);
        }
        const participants = await ask({ type: 'nastavnik:badge-people' });
        state = { ...state, unreachable: false };
        if (adopt(participants)) return;
      } catch (error) {
        // Keep what we had: the page stays as it was, the next refresh tries again; the offline
        // notice says once, quietly, that marks may be missing (features/offline-notice.ts).
        if (error instanceof OfflineError) state = { ...state, unreachable: true };
        console.warn('[nastavnik]', error instanceof Error ? error.message : error);
      } finally {
        loading = undefined;
      }
      schedule();
    })();
    return loading;
  };

  const overlay: Overlay = {
    ctx,
    get state() {
      return state;
    },
    refresh,
    emit: (type, detail) => {
      for (const listener of [...(listeners.get(type) ?? [])]) listener(detail as never);
    },
    on: (type, listener, signal) => {
      if (signal.aborted) return;
      const all = listeners.get(type) ?? new Set();
      listeners.set(type, all);
      all.add(listener);
      signal.addEventListener('abort', () => all.delete(listener), { once: true });
    },
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type !== 'childList') {
        if (!isOurs(record.target)) return schedule();
        continue;
      }
      for (const node of record.addedNodes) if (!isOurs(node)) return schedule();
      for (const node of record.removedNodes) if (!isOurs(node)) return schedule();
    }
  });
  observer.observe(document.body, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['style', 'hidden', 'aria-hidden', 'selected'],
  });
  ctx.onInvalidated(() => observer.disconnect());
  ctx.addEventListener(window, 'wxt:locationchange', () => restart());
  ctx.setInterval(() => void refresh(), refreshEveryMs);
  ctx.onInvalidated(sessionItem.watch(() => void refresh()));

  const controller = new AbortController();
  ctx.onInvalidated(() => controller.abort());
  for (const feature of features) feature.init?.(overlay, controller.signal);
  void refresh();
  return overlay;
}
