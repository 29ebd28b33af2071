// Who sent a message to the background, told from what the browser itself says about the sender
// (never from the message). Pure, so that the rules are tested without a browser.
import { type Request, requestAccess } from './messages.ts';

/** The parts of runtime.MessageSender the checks read. */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
  documentId?: string;
}

export type SenderKind = 'content-script' | 'extension-page';

/**
 * A content script (it runs in a web page's tab, so its URL is the page's), one of our extension
 * pages (popup, options, the panel frames: a chrome-extension: URL), or null for anyone else
 * (another extension; web pages cannot message us at all without externally_connectable).
 */
export function senderKind(sender: Sender, extensionId: string): SenderKind | null {
  if (sender.id !== extensionId || !sender.url) return null;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return null;
  }
  // Our pages, at the extension's id or (frames loaded through use_dynamic_url) its per-session id.
  if (url.protocol === 'chrome-extension:' || url.protocol === 'moz-extension:') return 'extension-page';
  if (sender.tab?.id === undefined) return null;
  return url.protocol === 'https:' || url.protocol === 'http:' ? 'content-script' : null;
}

/** Whether a sender of this kind may send this request at all (requestAccess in messages.ts). */
export function mayAsk(type: Request['type'], kind: SenderKind): boolean {
  const access = requestAccess[type];
  return access === 'both' || access === kind;
}

/** An extension page framed inside a web page's tab (a panel frame), rather than the popup or a page of its own. */
export function isFramedPage(sender: Sender): boolean {
  return sender.tab?.id !== undefined && (sender.frameId ?? 0) !== 0;
}
