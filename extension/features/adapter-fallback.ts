// When the site's adapter finds its page but no names (the site changed its markup, issue 17), the
// overlay reads names in the text instead (sites/fallback.ts). This feature says so: once per page
// and kind to the background, which counts it with the API (site, host, page kind: nobody's name),
// and to the curator's programme panel when its frame asks (its quiet note). Nothing in the page.
import type { OverlayFeature } from '../overlay/engine.ts';
import { ask } from '../utils/ask.ts';
import { answerTab } from '../utils/tab-requests.ts';

/** The pages (path and kind) already reported from this tab. */
const reported = new Set<string>();

export const adapterFallback: OverlayFeature = {
  id: 'adapter-fallback',
  init(overlay, signal) {
    // The programme panel's frame asks (through the background) whether this page fell back.
    signal.addEventListener(
      'abort',
      answerTab('nastavnik:read-fallback', () => overlay.state.fallback),
    );
  },
  update(state) {
    const fallback = state.fallback;
    if (!fallback) return;
    const key = `${location.pathname}|${fallback.site}|${fallback.pageKind}`;
    if (reported.has(key)) return;
    reported.add(key);
    void ask({ type: 'nastavnik:adapter-fallback', report: fallback }).catch((error: unknown) =>
      console.warn('[nastavnik]', error instanceof Error ? error.message : error),
    );
  },
};
