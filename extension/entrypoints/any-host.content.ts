import { defineContentScript } from 'wxt/utils/define-content-script';
import { overlayFeatures } from '../features/index.ts';
import { runOverlay } from '../overlay/engine.ts';
import { anyHost } from '../sites/index.ts';

// Registered at runtime (utils/journal-hosts.ts) for the hosts the school added on the options
// page and the browser granted; never in the manifest, so no host is reached without that grant.
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  runAt: 'document_end',
  noScriptStartedPostMessage: true,
  main(ctx) {
    runOverlay(ctx, anyHost, overlayFeatures);
  },
});
