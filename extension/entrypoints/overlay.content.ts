import { defineContentScript } from 'wxt/utils/define-content-script';
import { overlayFeatures } from '../features/index.ts';
import { askCachedParticipants, runOverlay, whenParsed } from '../overlay/engine.ts';
import { adapterFor, siteMatches } from '../sites/index.ts';

// Every known site (sites/index.ts lists them; each adapter declares its hosts): the overlay picks
// the adapter by URL.
export default defineContentScript({
  matches: siteMatches(),
  // document_start: the last known participants are asked for while the page still loads; the
  // overlay itself starts once the document is parsed.
  runAt: 'document_start',
  noScriptStartedPostMessage: true,
  main(ctx) {
    const adapter = adapterFor(location.href);
    if (!adapter) return;
    const cached = askCachedParticipants();
    whenParsed(ctx, () => runOverlay(ctx, adapter, overlayFeatures, cached));
  },
});
