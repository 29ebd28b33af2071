import { defineContentScript } from 'wxt/utils/define-content-script';
import { overlayFeatures } from '../features/index.ts';
import { runOverlay } from '../features/overlay.ts';
import { dnevnikRu } from '../sites/dnevnik-ru.ts';
import { siteMatches } from '../sites/matches.ts';

export default defineContentScript({
  matches: [...siteMatches['dnevnik-ru']],
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main(ctx) {
    runOverlay(ctx, dnevnikRu, overlayFeatures);
  },
});
