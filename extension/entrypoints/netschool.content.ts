import { defineContentScript } from 'wxt/utils/define-content-script';
import { overlayFeatures } from '../features/index.ts';
import { runOverlay } from '../features/overlay.ts';
import { siteMatches } from '../sites/matches.ts';
import { netschool } from '../sites/netschool.ts';

export default defineContentScript({
  matches: [...siteMatches.netschool],
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main(ctx) {
    runOverlay(ctx, netschool, overlayFeatures);
  },
});
