// When the API cannot be reached, the badges cannot come (or are as of before): said once per page,
// quietly — a small note in the page's corner that goes by itself, never a modal — and on the
// toolbar button (the background's badge «!», the popup's line). The note names nobody and holds
// no programme data: it is the same sentence on every page (architecture.md, the host page is untrusted).

import type { OverlayFeature } from '../overlay/engine.ts';
import { pageWord } from '../utils/page-i18n.ts';

/** The note's mark: what it is, never whom it is about. */
export const noticeAttribute = 'data-nastavnik-ui';

const shownForMs = 12_000;

let notice: HTMLElement | null = null;
/** Once per page: after it was shown (and went, or was closed), it does not come back. */
let said = false;

const noticeStyle = {
  all: 'initial',
  position: 'fixed',
  left: '16px',
  bottom: '16px',
  'z-index': '2147483646',
  display: 'flex',
  gap: '8px',
  'align-items': 'center',
  'max-width': 'calc(100vw - 32px)',
  'box-sizing': 'border-box',
  padding: '6px 10px',
  'border-radius': '8px',
  border: '1px solid #e5d3a1',
  background: '#fff8e1',
  color: '#4a3b00',
  font: '400 12px/16px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  'box-shadow': '0 1px 6px rgb(0 0 0 / 0.1)',
};

const closeStyle = {
  all: 'initial',
  cursor: 'pointer',
  color: '#4a3b00',
  font: '600 14px/16px system-ui, sans-serif',
  padding: '0 4px',
};

function pin(element: HTMLElement, styles: Record<string, string>): void {
  for (const [name, value] of Object.entries(styles)) element.style.setProperty(name, value, 'important');
}

function remove(): void {
  notice?.remove();
  notice = null;
}

/** `cached`: the marks on the page are the last known ones (kept from the API's last answer). */
function show(cached: boolean): HTMLElement {
  const note = document.createElement('div');
  note.setAttribute(noticeAttribute, 'notice');
  note.setAttribute('role', 'status');
  pin(note, noticeStyle);
  const text = document.createElement('span');
  text.textContent = pageWord(cached ? 'notice.offlineCached' : 'notice.offline');
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = '×';
  close.setAttribute('aria-label', pageWord('notice.close'));
  pin(close, closeStyle);
  close.addEventListener('click', (event) => {
    event.preventDefault();
    event.stopPropagation();
    remove();
  });
  note.append(text, close);
  document.body.append(note);
  return note;
}

export const offlineNotice: OverlayFeature = {
  id: 'offline-notice',
  init(overlay, signal) {
    signal.addEventListener('abort', remove);
    overlay.ctx.onInvalidated(remove);
  },
  update(state, overlay) {
    if (!state.unreachable) return remove();
    if (said || !state.onPeoplePage) return;
    said = true;
    notice = show(state.people.length > 0);
    overlay.ctx.setTimeout(remove, shownForMs);
  },
};
