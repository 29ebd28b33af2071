// The drawer on the right, as an extension page in an iframe (WXT's createIframeUi): the host page
// can neither read nor script a frame of the extension's origin. What the frame shows does not come
// from the page or the frame's URL (the page can read both): the content script tells the
// background which panel this tab opens (runtime messaging, which page scripts cannot reach), and
// the frame asks the background. One drawer at a time; closing it gives the focus back.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createIframeUi, type IframeContentScriptUi } from 'wxt/utils/content-script-ui/iframe';
import { ask } from '../utils/ask.ts';
import type { PanelRequest } from '../utils/messages.ts';
import { pageWord } from '../utils/page-i18n.ts';
import { answerTab } from '../utils/tab-requests.ts';

interface Open {
  ui: IframeContentScriptUi<void>;
  request: PanelRequest;
  opener: HTMLElement | null;
}

let open: Open | null = null;

/** Inline and !important: the page's stylesheets cannot hide, shrink or restyle our frame by accident. */
function pin(element: HTMLElement, styles: Record<string, string>): void {
  for (const [name, value] of Object.entries(styles)) element.style.setProperty(name, value, 'important');
}

const frameStyle = {
  position: 'fixed',
  top: '0',
  right: '0',
  left: 'auto',
  bottom: 'auto',
  width: 'min(400px, 100vw)',
  height: '100vh',
  'max-width': '100vw',
  'max-height': 'none',
  margin: '0',
  padding: '0',
  border: '0',
  display: 'block',
  visibility: 'visible',
  opacity: '1',
  transform: 'none',
  filter: 'none',
  background: '#fff',
  'box-shadow': '-6px 0 24px rgb(0 0 0 / 0.12)',
  'color-scheme': 'light',
  'z-index': '2147483647',
};

/** The panel open in this tab, if any. */
export function openPanel(): PanelRequest | null {
  return open?.request ?? null;
}

/** Takes the frame off the page; the focus goes back to what opened it (a badge, the launcher). */
export function closeDrawer(options: { refocus: boolean; tellBackground: boolean }): void {
  const current = open;
  if (!current) return;
  open = null;
  current.ui.remove();
  if (options.tellBackground) void ask({ type: 'nastavnik:close-panel' }).catch(() => undefined);
  if (options.refocus && current.opener?.isConnected) current.opener.focus();
}

/** Opens a panel for a real click: the background first learns what it shows, then the frame is drawn. */
export async function openDrawer(ctx: ContentScriptContext, request: PanelRequest, opener: HTMLElement | null): Promise<void> {
  closeDrawer({ refocus: false, tellBackground: false });
  await ask({ type: 'nastavnik:open-panel', request });
  if (ctx.isInvalid) return;
  closeDrawer({ refocus: false, tellBackground: false });
  const ui = createIframeUi(ctx, {
    page: request.panel === 'pair' ? '/pair-panel.html' : '/programme-panel.html',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    onMount: (wrapper, iframe) => {
      wrapper.setAttribute('data-nastavnik-ui', 'panel');
      pin(wrapper, { display: 'block', position: 'static', transform: 'none', filter: 'none', opacity: '1', contain: 'none' });
      pin(iframe, frameStyle);
      iframe.title = pageWord(request.panel === 'pair' ? 'panel.title' : 'curator.title');
      // The keyboard follows the drawer: focus moves into the frame once it has loaded.
      iframe.addEventListener('load', () => iframe.focus(), { once: true });
    },
  });
  ui.mount();
  open = { ui, request, opener };
}

/** Escape on the page closes the drawer; the background's word that the frame asked to close does too. */
export function watchDrawer(ctx: ContentScriptContext): void {
  ctx.addEventListener(document, 'keydown', (event) => {
    if (open && event.isTrusted && event.key === 'Escape') closeDrawer({ refocus: true, tellBackground: true });
  });
  // Only the background speaks to us this way (tabs.sendMessage); nothing the page sends arrives here.
  const stopAnswering = answerTab('nastavnik:panel-closed', () => closeDrawer({ refocus: true, tellBackground: false }));
  ctx.onInvalidated(() => {
    stopAnswering();
    closeDrawer({ refocus: false, tellBackground: true });
  });
}
