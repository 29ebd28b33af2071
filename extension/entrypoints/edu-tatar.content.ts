import { defineContentScript } from 'wxt/utils/define-content-script';
import { overlayFeatures } from '../features/index.ts';
import { runOverlay } from '../features/overlay.ts';
import { eduTatar } from '../sites/edu-tatar.ts';
import { siteMatches } from '../sites/matches.ts';

export default defineContentScript({
  matches: [...siteMatches['edu-tatar']],
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main(ctx) {
    runOverlay(ctx, eduTatar, overlayFeatures);
  },
});
