// Runs the overlay features on one site: fetches what the signed-in person may see (through the
// background, so RLS decides), finds the people on the page once per change, and hands both to
// every feature. A feature is one file (features/index.ts lists them); adding one — the curator's
// programme panel, roster capture — touches nothing here. Everything stops with the content
// script's context.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ParticipantIndex, participantsOf } from '../../shared/participants.ts';
import type { GroupSummary } from '../../shared/schemas.ts';
import { isOurBadge, type NameLookup, type PersonOnPage, type SiteAdapter } from '../sites/types.ts';
import { ask } from '../utils/ask.ts';
import { sessionItem } from '../utils/storage.ts';

/** What every feature sees after each (batched) change of the page or of the data. */
export interface OverlayState {
  adapter: SiteAdapter;
  /** null: nobody is signed in (or the background could not answer yet). */
  groups: readonly GroupSummary[] | null;
  index: ParticipantIndex;
  /** Changes whenever the groups do: features redraw what depends on them. */
  version: number;
  /** Whether this URL is one of the adapter's people pages. */
  onPeoplePage: boolean;
  /** The people the page shows now (empty off people pages or when nobody is signed in). */
  people: readonly PersonOnPage[];
}

/** Requests between features (a badge asks the pair panel to open), kept off the host page's DOM. */
export interface OverlayEvents {
  'open-pair': { personIds: string[]; opener: HTMLElement | null };
}

export interface Overlay {
  ctx: ContentScriptContext;
  readonly state: OverlayState;
  /** Asks the background for the groups again (after a meeting is logged, sign-in changes). */
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

/** Nodes of our own (badges, the panel's shadow host): their changes must not wake us again. */
function isOurs(node: Node): boolean {
  return isOurBadge(node) || (node.nodeType === 1 && (node as Element).localName.startsWith('nastavnik-'));
}

export function runOverlay(ctx: ContentScriptContext, adapter: SiteAdapter, features: readonly OverlayFeature[]): Overlay {
  const bus = new EventTarget();
  let state: OverlayState = {
    adapter,
    groups: null,
    index: new ParticipantIndex([]),
    version: 0,
    onPeoplePage: false,
    people: [],
  };
  // A new lookup with every new index: adapters may remember answers per lookup.
  const lookupFor = (index: ParticipantIndex): NameLookup => ({
    mayBeSurname: (token) => index.hasSurname(token),
    matches: (name) => index.resolve({ name }).kind !== 'none',
  });
  let lookup = lookupFor(state.index);

  let scheduled = false;
  const pass = () => {
    scheduled = false;
    if (ctx.isInvalid) return;
    const onPeoplePage = adapter.isPeoplePage(new URL(location.href));
    const people = onPeoplePage && state.index.size > 0 ? adapter.findPeople(document, lookup) : [];
    state = { ...state, onPeoplePage, people };
    for (const feature of features) {
      try {
        feature.update?.(state, overlay);
      } catch (error) {
        // One broken feature (a site redesign) must not take the others down.
        console.warn(`[nastavnik] ${feature.id}:`, error);
      }
    }
  };
  // Mutations come in bursts; one pass per animation frame is enough, and names that enter the
  // DOM get their badges in the next frame.
  const schedule = () => {
    if (scheduled || ctx.isInvalid) return;
    scheduled = true;
    ctx.requestAnimationFrame(pass);
  };

  let loading: Promise<void> | undefined;
  const refresh = () => {
    loading ??= (async () => {
      try {
        const groups = await ask({ type: 'nastavnik:my-groups' });
        const changed = JSON.stringify(groups) !== JSON.stringify(state.groups);
        if (changed) {
          state = {
            ...state,
            groups,
            index: new ParticipantIndex(groups ? participantsOf(groups) : []),
            version: state.version + 1,
          };
          lookup = lookupFor(state.index);
        }
      } catch (error) {
        // Keep what we had: the page stays as it was, the next refresh tries again.
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
    emit: (type, detail) => bus.dispatchEvent(new CustomEvent(type, { detail })),
    on: (type, listener, signal) =>
      bus.addEventListener(type, (event) => listener((event as CustomEvent<OverlayEvents[typeof type]>).detail), { signal }),
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
  ctx.addEventListener(window, 'wxt:locationchange', schedule);
  ctx.setInterval(() => void refresh(), refreshEveryMs);
  ctx.onInvalidated(sessionItem.watch(() => void refresh()));

  const controller = new AbortController();
  ctx.onInvalidated(() => controller.abort());
  for (const feature of features) feature.init?.(overlay, controller.signal);
  void refresh();
  return overlay;
}
