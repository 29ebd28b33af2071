// The toolbar button says what the person should know without opening anything: how many writes
// wait to be sent (a number), or that the API cannot be reached (a quiet «!», issue 15: badges
// vanished silently). The number wins: it is the thing that must reach 0.
import { browser } from 'wxt/browser';
import { t, tn } from './i18n.ts';

const state = { waiting: 0, refused: 0, unreachable: false };

async function draw(): Promise<void> {
  const { waiting, refused, unreachable } = state;
  const count = waiting + refused;
  try {
    await browser.action.setBadgeText({ text: count > 0 ? String(count) : unreachable ? '!' : '' });
    // Red when something needs the person (a refusal, no server), amber while writes only wait.
    await browser.action.setBadgeBackgroundColor({ color: refused > 0 || (unreachable && count === 0) ? '#b42318' : '#b54708' });
    const says = [
      waiting > 0 ? tn('popup.queueWaiting', waiting) : '',
      refused > 0 ? tn('queue.refusedCount', refused) : '',
      unreachable ? t('error.offlineBadges') : '',
    ].filter(Boolean);
    await browser.action.setTitle({ title: says.length ? `${t('appName')}: ${says.join('; ')}` : t('appName') });
  } catch {
    // No toolbar button here (a fake browser without one): nothing to say it on.
  }
}

export function showReachability(reachable: boolean): Promise<void> {
  if (state.unreachable === !reachable) return Promise.resolve();
  state.unreachable = !reachable;
  return draw();
}

export function showQueue(waiting: number, refused: number): Promise<void> {
  state.waiting = waiting;
  state.refused = refused;
  return draw();
}
