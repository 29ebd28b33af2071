// The pair panel: a badge's real click opens the drawer (features/drawer.ts) with the pair-panel
// page in an extension-origin frame; the frame shows the pair and logs meetings through the
// background (entrypoints/pair-panel). Nothing of the pair is ever put into the host page.

import type { OverlayFeature } from '../overlay/engine.ts';
import { closeDrawer, openDrawer, openPanel, watchDrawer } from './drawer.ts';

export const pairPanel: OverlayFeature = {
  id: 'pair-panel',
  init(overlay, signal) {
    watchDrawer(overlay.ctx);
    overlay.on(
      'open-pair',
      (detail) => {
        void openDrawer(overlay.ctx, { panel: 'pair', personIds: detail.personIds }, detail.opener).catch((error: unknown) =>
          console.warn('[nastavnik]', error instanceof Error ? error.message : error),
        );
      },
      signal,
    );
  },
  update(state) {
    // Signed out: whatever was open closes.
    if (!state.participants && openPanel()) closeDrawer({ refocus: false, tellBackground: true });
  },
};
