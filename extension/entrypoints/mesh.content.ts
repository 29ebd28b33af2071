import { defineContentScript } from 'wxt/utils/define-content-script';
import { overlayFeatures } from '../features/index.ts';
import { runOverlay } from '../features/overlay.ts';
import { siteMatches } from '../sites/matches.ts';
import { mesh } from '../sites/mesh.ts';

export default defineContentScript({
  matches: [...siteMatches.mesh],
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main(ctx) {
    runOverlay(ctx, mesh, overlayFeatures);
  },
});
