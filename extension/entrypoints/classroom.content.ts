import { defineContentScript } from 'wxt/utils/define-content-script';
import { overlayFeatures } from '../features/index.ts';
import { runOverlay } from '../features/overlay.ts';
import { googleClassroom } from '../sites/google-classroom.ts';
import { siteMatches } from '../sites/matches.ts';

export default defineContentScript({
  matches: [...siteMatches['google-classroom']],
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main(ctx) {
    runOverlay(ctx, googleClassroom, overlayFeatures);
  },
});
