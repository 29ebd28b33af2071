import { defineContentScript } from 'wxt/utils/define-content-script';
import { overlayFeatures } from '../features/index.ts';
import { runOverlay } from '../features/overlay.ts';
import { eljur } from '../sites/eljur.ts';
import { siteMatches } from '../sites/matches.ts';

export default defineContentScript({
  matches: [...siteMatches.eljur],
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main(ctx) {
    runOverlay(ctx, eljur, overlayFeatures);
  },
});
