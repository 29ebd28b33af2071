// What the background asks a tab's content script (tabs.sendMessage): only the background can send
// these — a page's script cannot reach runtime.onMessage — and each kind has one answerer.
import { browser } from 'wxt/browser';
import type { TabRequest } from './messages.ts';

/** Answers one kind of the background's requests with `answer()`; returns what stops answering. */
export function answerTab(type: TabRequest['type'], answer: (request: TabRequest) => unknown): () => void {
  const listener = (message: unknown, sender: { id?: string; tab?: unknown }, sendResponse: (reply: unknown) => void) => {
    // From the background only: another tab's content script would come with a tab.
    if (sender.id !== browser.runtime.id || sender.tab) return undefined;
    if ((message as TabRequest | null)?.type !== type) return undefined;
    sendResponse(answer(message as TabRequest) ?? null);
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
