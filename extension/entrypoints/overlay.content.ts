import { defineContentScript } from 'wxt/utils/define-content-script';
import { overlayFeatures } from '../features/index.ts';
import { runOverlay } from '../overlay/engine.ts';
import { adapterFor, siteMatches } from '../sites/index.ts';

// Every known site (sites/index.ts lists them; each adapter declares its hosts): the overlay picks
// the adapter by URL.
export default defineContentScript({
  matches: siteMatches(),
  runAt: 'document_end',
  noScriptStartedPostMessage: true,
  main(ctx) {
    const adapter = adapterFor(location.href);
    if (adapter) runOverlay(ctx, adapter, overlayFeatures);
  },
});
