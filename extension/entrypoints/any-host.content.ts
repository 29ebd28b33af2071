import { defineContentScript } from 'wxt/utils/define-content-script';
import { overlayFeatures } from '../features/index.ts';
import { askCachedParticipants, runOverlay, whenParsed } from '../overlay/engine.ts';
import { anyHost } from '../sites/index.ts';

// Registered at runtime (utils/journal-hosts.ts) for the hosts the school added on the options
// page and the browser granted; never in the manifest, so no host is reached without that grant.
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  // document_start: the last known participants are asked for while the page still loads; the
  // overlay itself starts once the document is parsed.
  runAt: 'document_start',
  noScriptStartedPostMessage: true,
  main(ctx) {
    const cached = askCachedParticipants();
    whenParsed(ctx, () => runOverlay(ctx, anyHost, overlayFeatures, cached));
  },
});
