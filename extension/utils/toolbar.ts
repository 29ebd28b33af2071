// The toolbar button says what the person should know without opening anything: how many writes
// wait to be sent (a number), or that the API cannot be reached (a quiet «!», issue 15: badges
// vanished silently). The number wins: it is the thing that must reach 0.
import { browser } from 'wxt/browser';
import { t, tn } from './i18n.ts';

/** `results`: of the waiting writes, the journal's results (the rest are meetings and plans). */
const state = { waiting: 0, results: 0, refused: 0, unreachable: false };

type Button = typeof browser.action;
/**
 * The toolbar button: `action` in Manifest V3 (Chromium), `browserAction` in Manifest V2 (the
 * Firefox build, where `action` does not exist) — the same calls.
 */
export function toolbarButton(): Button | undefined {
  return browser.action ?? (browser as unknown as { browserAction?: Button }).browserAction;
}

async function draw(): Promise<void> {
  const { waiting, results, refused, unreachable } = state;
  const count = waiting + refused;
  const button = toolbarButton();
  // No toolbar button here (a fake browser without one): nothing to say it on.
  if (!button) return;
  try {
    await button.setBadgeText({ text: count > 0 ? String(count) : unreachable ? '!' : '' });
    // Red when something needs the person (a refusal, no server), amber while writes only wait.
    await button.setBadgeBackgroundColor({ color: refused > 0 || (unreachable && count === 0) ? '#b42318' : '#b54708' });
    const says = [
      waiting > results ? tn('popup.queueWaiting', waiting - results) : '',
      results > 0 ? tn('popup.queueResults', results) : '',
      refused > 0 ? tn('queue.refusedCount', refused) : '',
      unreachable ? t('error.offlineBadges') : '',
    ].filter(Boolean);
    await button.setTitle({ title: says.length ? `${t('appName')}: ${says.join('; ')}` : t('appName') });
  } catch (error) {
    console.warn('[nastavnik] toolbar button:', error);
  }
}

export function showReachability(reachable: boolean): Promise<void> {
  if (state.unreachable === !reachable) return Promise.resolve();
  state.unreachable = !reachable;
  return draw();
}

export function showQueue(waiting: number, refused: number, results = 0): Promise<void> {
  state.waiting = waiting;
  state.results = results;
  state.refused = refused;
  return draw();
}
