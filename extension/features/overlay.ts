// Runs the overlay features on one site: fetches what the signed-in person may see (through the
// background), draws, and redraws as the single-page app changes the page. Everything stops with
// the content script's context.
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { type Participant, participantsOf } from '../../shared/participants.ts';
import type { SiteAdapter } from '../sites/types.ts';
import type { Replies, Reply, Request } from '../utils/messages.ts';
import { sessionItem } from '../utils/storage.ts';
import { clearBadges, drawBadges } from './participant-badges.ts';

const refreshEveryMs = 5 * 60_000;

async function loadParticipants(): Promise<Participant[] | null> {
  const request: Request = { type: 'nastavnik:my-groups' };
  const reply = (await browser.runtime.sendMessage(request)) as Reply<Replies['nastavnik:my-groups']>;
  if (!reply.ok) {
    console.warn('[nastavnik]', reply.message);
    return null;
  }
  return reply.value ? participantsOf(reply.value) : [];
}

export function runOverlay(ctx: ContentScriptContext, adapter: SiteAdapter): void {
  let participants: Participant[] = [];
  let scheduled = false;

  const draw = () => {
    scheduled = false;
    if (!adapter.isPeoplePage(new URL(location.href)) || participants.length === 0) {
      clearBadges(document);
      return;
    }
    drawBadges(adapter, document, participants);
  };
  // Mutations come in bursts; one redraw per animation frame is enough.
  const schedule = () => {
    if (scheduled || ctx.isInvalid) return;
    scheduled = true;
    ctx.requestAnimationFrame(draw);
  };
  const refresh = async () => {
    participants = (await loadParticipants()) ?? participants;
    schedule();
  };

  const observer = new MutationObserver((records) => {
    // Our own badges changing the DOM must not wake us again.
    const foreign = records.some(
      (record) =>
        [...record.addedNodes, ...record.removedNodes].some(
          (node) =>
            !(node instanceof HTMLElement && (node.hasAttribute('data-nastavnik-person') || node.hasAttribute('data-nastavnik-ambiguous'))),
        ) || record.type === 'attributes',
    );
    if (foreign) schedule();
  });
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['style', 'hidden'] });
  ctx.onInvalidated(() => observer.disconnect());
  ctx.addEventListener(window, 'wxt:locationchange', schedule);
  ctx.setInterval(() => void refresh(), refreshEveryMs);
  const unwatch = sessionItem.watch(() => void refresh());
  ctx.onInvalidated(unwatch);
  void refresh();
}
