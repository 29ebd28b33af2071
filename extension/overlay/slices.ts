// A pass over the page in slices: the overlay reads what an adapter finds for a few milliseconds,
// gives the page its main thread back (input, a frame), and goes on in a task of its own, so that
// a page of a thousand names never sees a long task of ours.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { checkpoint, type Finding, type PersonOnPage } from '../sites/types.ts';

/** How long one slice may hold the main thread (ms); a long task starts at 50. */
export const sliceMs = 8;
/** How long a page's first slice may read on to find its first participant (ms): below a long task. */
export const firstBadgeMs = 40;

/**
 * Reads `findings` into `people` (those `keep` accepts) until they end (true) or the clock passes
 * `deadline` (false: call again with a later deadline to go on). The clock is read at every value
 * the adapter yields, a person or a checkpoint. With `firstBy` (a later time), the clock is held
 * to `firstBy` instead until this call keeps someone.
 */
export function readUntil(
  findings: Iterator<Finding>,
  people: PersonOnPage[],
  keep: (person: PersonOnPage) => boolean,
  deadline: number,
  now: () => number = () => performance.now(),
  firstBy = deadline,
): boolean {
  const before = people.length;
  for (;;) {
    const next = findings.next();
    if (next.done) return true;
    if (next.value !== checkpoint && keep(next.value)) people.push(next.value);
    if (now() >= (people.length > before ? deadline : firstBy)) return false;
  }
}

/**
 * Runs `callback` in a task of its own, after the page has had the thread (input, a frame when one
 * is due), and never once the content script's context is gone. Not requestIdleCallback: on a busy
 * page it would hold each slice back until an idle moment or its timeout, and badges would come late.
 * `urgent`: ahead of the page's other tasks (nothing is drawn yet, and the first badge waits for it).
 */
export function afterYielding(ctx: ContentScriptContext, callback: () => void, urgent = false): void {
  if (typeof scheduler !== 'undefined') {
    scheduler.postTask(callback, { priority: urgent ? 'user-blocking' : 'user-visible', signal: ctx.signal }).catch((error: unknown) => {
      // Cancelled with the context: no error of ours.
      if (!ctx.signal.aborted) throw error;
    });
  } else ctx.setTimeout(callback, 0);
}
