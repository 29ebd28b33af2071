// The curator's programme panel (issue 6): for curators and the head only, a quiet launcher in the
// page's corner opens a drawer with the seven stages, the shown stage's checklist ticked with
// evidence, the warnings that matter before an inspection, and roster capture for the class the
// page lists. One shadow root (WXT's createShadowRootUi) for both: the host page never reflows and
// its styles never reach us. Every read and write goes through the background.
import { createElement, render } from 'preact';
import type { ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { givenAndFamilyName } from '../../shared/names.ts';
import { CuratorCorner } from '../components/ProgrammePanel.tsx';
import pairPanelCss from '../components/pair-panel.css?inline';
import programmeCss from '../components/programme-panel.css?inline';
import surfaceCss from '../components/surface.css?inline';
import { ask } from '../utils/ask.ts';
import type { Curator } from '../utils/curator-types.ts';
import { t } from '../utils/i18n.ts';
import { sessionItem } from '../utils/storage.ts';
import type { Overlay, OverlayFeature } from './overlay.ts';
import { captureRoster, readPageRoster } from './roster-capture.ts';

let curator: Curator | null = null;
let ui: ShadowRootContentScriptUi<void> | undefined;
let creating: Promise<ShadowRootContentScriptUi<void>> | undefined;

/** «Новикова Полина — Карпова Мария» for a group the overlay knows. */
function pairName(overlay: Overlay, groupId: string): string | null {
  const group = overlay.state.groups?.find((g) => g.id === groupId);
  if (!group) return null;
  const mentors = group.members.filter((m) => m.role === 'mentor').map(givenAndFamilyName);
  const mentees = group.members.filter((m) => m.role === 'mentee').map(givenAndFamilyName);
  return `${mentors.join(', ')} — ${mentees.join(', ')}`;
}

function paint(overlay: Overlay, who: Curator): void {
  if (!ui) return;
  const readRoster = () => readPageRoster(overlay.state.adapter, document, new URL(location.href));
  render(
    createElement(CuratorCorner, {
      curator: who,
      load: () => ask({ type: 'nastavnik:programme', organisationId: who.organisationId }),
      saveItem: (id, patch) => ask({ type: 'nastavnik:checklist-item', id, patch }),
      pairName: (groupId) => pairName(overlay, groupId),
      roster: {
        readRoster,
        capture: (options) => {
          // Read again at the click: the page may have changed since the panel drew.
          const now = readRoster();
          if (!now) return Promise.reject(new Error(t('roster.none')));
          return captureRoster(who.organisationId, now, overlay.state.adapter.id, options);
        },
        onImported: () => void overlay.refresh(),
      },
    }),
    ui.uiContainer,
  );
}

function hide(): void {
  if (!ui?.shadowHost.isConnected) return;
  render(null, ui.uiContainer);
  ui.remove();
}

/** Draws the corner for a curator on a people page; removes it for everyone else. */
function sync(overlay: Overlay): void {
  const who = curator;
  if (!who || !overlay.state.onPeoplePage) {
    hide();
    return;
  }
  creating ??= createShadowRootUi(overlay.ctx, {
    name: 'nastavnik-programme',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    css: `${surfaceCss.replaceAll(':root', ':host')}\n${pairPanelCss}\n${programmeCss}`,
    // Keys typed in the panel stay in the panel: a journal's shortcuts must not fire.
    isolateEvents: true,
    onMount: () => undefined,
  });
  void creating.then((created) => {
    ui = created;
    if (curator !== who || !overlay.state.onPeoplePage) return;
    if (!ui.shadowHost.isConnected) ui.mount();
    paint(overlay, who);
  });
}

export const programmePanel: OverlayFeature = {
  id: 'programme-panel',
  init(overlay, signal) {
    const check = async () => {
      try {
        curator = await ask({ type: 'nastavnik:curator' });
      } catch (error) {
        // Offline: keep what we knew; the next sign-in change asks again.
        console.warn('[nastavnik]', error instanceof Error ? error.message : error);
      }
      if (!signal.aborted) sync(overlay);
    };
    void check();
    const unwatch = sessionItem.watch(() => void check());
    signal.addEventListener('abort', () => {
      unwatch();
      hide();
    });
  },
  update(_state, overlay) {
    sync(overlay);
  },
};
