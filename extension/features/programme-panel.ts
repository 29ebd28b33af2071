// The curator's programme panel (issue 6): for curators and the head only, a quiet launcher in the
// page's corner opens the drawer (features/drawer.ts) with the programme-panel page in an
// extension-origin frame: the seven stages, the checklist, the warnings and roster capture all live
// there (entrypoints/programme-panel). In the page: the launcher (its words only) and, while that
// panel is open, the reading of the page's own list when the frame asks for it through the background.
import type { Overlay, OverlayFeature } from '../overlay/engine.ts';
import { ask } from '../utils/ask.ts';
import { pageWord } from '../utils/page-i18n.ts';
import { sessionItem } from '../utils/storage.ts';
import { answerTab } from '../utils/tab-requests.ts';
import { openDrawer, openPanel } from './drawer.ts';
import { readPageRoster } from './roster-capture.ts';

let runsProgramme = false;
let launcher: HTMLButtonElement | null = null;

const launcherStyle = {
  all: 'initial',
  position: 'fixed',
  right: '16px',
  bottom: '16px',
  'z-index': '2147483646',
  display: 'inline-block',
  padding: '8px 14px',
  'border-radius': '18px',
  border: '1px solid #b9d4c3',
  background: '#e6f0ea',
  color: '#1e5b3a',
  font: '600 13px/18px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  'box-shadow': '0 2px 10px rgb(0 0 0 / 0.12)',
  cursor: 'pointer',
  'outline-offset': '2px',
};

function launcherFor(overlay: Overlay): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.setAttribute('data-nastavnik-ui', 'launcher');
  button.setAttribute('data-testid', 'programme-launcher');
  button.setAttribute('aria-haspopup', 'dialog');
  button.textContent = pageWord('curator.launcher');
  for (const [name, value] of Object.entries(launcherStyle)) button.style.setProperty(name, value, 'important');
  // Only a real click (or Enter) opens the panel; a click the page makes up is dropped unseen.
  button.addEventListener(
    'click',
    (event) => {
      event.preventDefault();
      event.stopPropagation();
      if (!event.isTrusted) return;
      void openDrawer(overlay.ctx, { panel: 'programme' }, button).catch((error: unknown) =>
        console.warn('[nastavnik]', error instanceof Error ? error.message : error),
      );
    },
    { capture: true },
  );
  button.addEventListener('focus', () => button.style.setProperty('outline', '2px solid #1e6b45', 'important'));
  button.addEventListener('blur', () => button.style.removeProperty('outline'));
  return button;
}

/** Draws the launcher for a curator on a people page; removes it for everyone else. */
function sync(overlay: Overlay): void {
  if (!runsProgramme || !overlay.state.onPeoplePage) {
    launcher?.remove();
    return;
  }
  launcher ??= launcherFor(overlay);
  if (!launcher.isConnected) document.body.append(launcher);
}

export const programmePanel: OverlayFeature = {
  id: 'programme-panel',
  init(overlay, signal) {
    const check = async () => {
      try {
        runsProgramme = await ask({ type: 'nastavnik:runs-programme' });
      } catch (error) {
        // Offline: keep what we knew; the next sign-in change asks again.
        console.warn('[nastavnik]', error instanceof Error ? error.message : error);
      }
      if (!signal.aborted) sync(overlay);
    };
    void check();
    const unwatch = sessionItem.watch(() => void check());
    // The frame asks (through the background) for the list the page shows: read now, while the programme panel is open.
    const stopAnswering = answerTab('nastavnik:read-roster', () =>
      openPanel()?.panel === 'programme' ? readPageRoster(overlay.state.adapter, document, new URL(location.href)) : null,
    );
    signal.addEventListener('abort', () => {
      unwatch();
      stopAnswering();
      launcher?.remove();
    });
  },
  update(_state, overlay) {
    sync(overlay);
  },
};
