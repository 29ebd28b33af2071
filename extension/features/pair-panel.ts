// The pair panel: a drawer on the right in a shadow root (WXT's createShadowRootUi), so the host
// page's styles never reach it and ours never reach the page. Opens when a badge asks; shows the
// pair from the overlay's data and logs a meeting through the background.
import { createElement, render } from 'preact';
import type { ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { Participant } from '../../shared/participants.ts';
import { PairPanel } from '../components/PairPanel.tsx';
import panelCss from '../components/pair-panel.css?inline';
import surfaceCss from '../components/surface.css?inline';
import { ask } from '../utils/ask.ts';
import type { Overlay, OverlayFeature, OverlayState } from './overlay.ts';

interface Open {
  personIds: string[];
  opener: HTMLElement | null;
}

let ui: ShadowRootContentScriptUi<void> | undefined;
let open: Open | null = null;
let creating: Promise<ShadowRootContentScriptUi<void>> | undefined;

function participantsFor(state: OverlayState, ids: readonly string[]): Participant[] {
  return ids.map((id) => state.index.participants.find((p) => p.member.person_id === id)).filter((p): p is Participant => Boolean(p));
}

function paint(overlay: Overlay): void {
  if (!ui || !open) return;
  const current = open;
  const close = () => {
    open = null;
    if (ui) render(null, ui.uiContainer);
    ui?.remove();
    current.opener?.focus();
  };
  render(
    createElement(PairPanel, {
      participants: participantsFor(overlay.state, current.personIds),
      ambiguous: current.personIds.length > 1,
      submit: (meeting) => ask({ type: 'nastavnik:log-meeting', meeting }),
      onLogged: () => void overlay.refresh(),
      onClose: close,
    }),
    ui.uiContainer,
  );
}

async function shadowUi(overlay: Overlay): Promise<ShadowRootContentScriptUi<void>> {
  creating ??= createShadowRootUi(overlay.ctx, {
    name: 'nastavnik-pair-panel',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    // The extension pages' look, with :root read as the shadow host.
    css: `${surfaceCss.replaceAll(':root', ':host')}\n${panelCss}`,
    // Keys typed in the panel stay in the panel: a journal's shortcuts must not fire.
    isolateEvents: true,
    onMount: () => undefined,
  });
  return creating;
}

export const pairPanel: OverlayFeature = {
  id: 'pair-panel',
  init(overlay, signal) {
    overlay.on(
      'open-pair',
      (detail) => {
        open = detail;
        void shadowUi(overlay).then((created) => {
          ui = created;
          if (!ui.shadowHost.isConnected) ui.mount();
          paint(overlay);
        });
      },
      signal,
    );
  },
  update(state, overlay) {
    // New data (a meeting logged, a refresh): the open panel shows it; signed out, it closes.
    if (!open || !ui) return;
    if (!state.groups) {
      open = null;
      render(null, ui.uiContainer);
      ui.remove();
      return;
    }
    paint(overlay);
  },
};
