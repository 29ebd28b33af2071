// Hosts the school adds at runtime: the options page asks the browser for the host's permission
// (an optional host permission, so nothing is granted at install), and the background keeps one
// registered content script (any-host) on exactly the hosts that are both listed and granted.
import { browser } from 'wxt/browser';
import { journalHostsItem } from './storage.ts';

export const anyHostScriptId = 'nastavnik-any-host';
const anyHostScriptFile = 'content-scripts/any-host.js';

/**
 * The match pattern for what a person typed: «journal.school17.ru», «https://journal.school17.ru/x»,
 * «http://10.0.0.5:8080/» → `https://journal.school17.ru/*` (the scheme they gave, https by default;
 * a pattern's host covers every port). Null when it is not a web address.
 */
export function hostPattern(input: string): string | null {
  const text = input.trim();
  if (!text || /\s/.test(text)) return null;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z\d+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname.toLowerCase();
  if (!host.includes('.') && host !== 'localhost') return null;
  return `${url.protocol}//${host}/*`;
}

/** The host name in a pattern made by hostPattern. */
export function patternHost(pattern: string): string {
  return /^\w+:\/\/([^/]+)\//.exec(pattern)?.[1] ?? pattern;
}

let syncing: Promise<void> = Promise.resolve();

/** Registers (or updates, or removes) the generic content script; one sync at a time. */
export function syncJournalHostScripts(): Promise<void> {
  syncing = syncing.then(async () => {
    const listed = await journalHostsItem.getValue();
    const granted: string[] = [];
    for (const pattern of listed) if (await browser.permissions.contains({ origins: [pattern] })) granted.push(pattern);
    const existing = await browser.scripting.getRegisteredContentScripts({ ids: [anyHostScriptId] });
    if (granted.length === 0) {
      if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [anyHostScriptId] });
      return;
    }
    const script = {
      id: anyHostScriptId,
      js: [anyHostScriptFile],
      matches: granted,
      runAt: 'document_start' as const,
      persistAcrossSessions: true,
    };
    if (existing.length > 0) await browser.scripting.updateContentScripts([script]);
    else await browser.scripting.registerContentScripts([script]);
  });
  syncing = syncing.catch((error: unknown) => console.warn('[nastavnik] content script registration:', error));
  return syncing;
}
