import { defineContentScript } from 'wxt/utils/define-content-script';
import { overlayFeatures } from '../features/index.ts';
import { runOverlay } from '../features/overlay.ts';
import { canvas } from '../sites/canvas.ts';
import { siteMatches } from '../sites/matches.ts';

export default defineContentScript({
  matches: [...siteMatches.canvas],
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main(ctx) {
    runOverlay(ctx, canvas, overlayFeatures);
  },
});
