// The background's sender checks: content scripts (beside a host page we do not trust) get the
// badges' data and may ask for a panel; programme data and writes go to extension pages only, and a
// page framed in a web page's tab only while it holds the panel its tab's content script opened.
import { describe, expect, it } from 'vitest';
import type { PanelRequest } from './messages.ts';
import { type PanelTickets, panelTickets, ticketTtlMs } from './panel-tickets.ts';
import { isFramedPage, mayAsk, type Sender, senderKind } from './senders.ts';

const id = 'abcdefghijklmnopabcdefghijklmnop';
const contentScript: Sender = { id, url: 'https://school17.moodlecloud.com/user/index.php?id=42', tab: { id: 7 }, frameId: 0 };
const popup: Sender = { id, url: `chrome-extension://${id}/popup.html`, documentId: 'popup' };
const frame = (documentId: string, tab = 7): Sender => ({
  id,
  url: 'chrome-extension://0f1e2d3c-dynamic-id/pair-panel.html',
  tab: { id: tab },
  frameId: 3,
  documentId,
});

describe('senderKind and mayAsk', () => {
  it('tells content scripts from extension pages by what the browser says of the sender', () => {
    expect(senderKind(contentScript, id)).toBe('content-script');
    expect(senderKind(popup, id)).toBe('extension-page');
    expect(senderKind(frame('a'), id)).toBe('extension-page');
    // Another extension, a sender without a URL, a content script without a tab: nobody.
    expect(senderKind({ ...popup, id: 'another' }, id)).toBeNull();
    expect(senderKind({ id, tab: { id: 1 } }, id)).toBeNull();
    expect(senderKind({ id, url: 'https://example.org/' }, id)).toBeNull();
  });

  it('refuses every write and all programme data to content scripts', () => {
    for (const type of [
      'nastavnik:log-meeting',
      'nastavnik:checklist-item',
      'nastavnik:roster-capture',
      'nastavnik:my-groups',
      'nastavnik:programme',
      'nastavnik:curator',
      'nastavnik:panel',
      'nastavnik:page-roster',
    ] as const) {
      expect(mayAsk(type, 'content-script'), type).toBe(false);
      expect(mayAsk(type, 'extension-page'), type).toBe(true);
    }
    for (const type of ['nastavnik:badge-people', 'nastavnik:runs-programme', 'nastavnik:open-panel'] as const) {
      expect(mayAsk(type, 'content-script'), type).toBe(true);
      expect(mayAsk(type, 'extension-page'), type).toBe(false);
    }
    expect(mayAsk('nastavnik:close-panel', 'content-script')).toBe(true);
  });

  it('knows a framed panel from the popup and the options page', () => {
    expect(isFramedPage(frame('a'))).toBe(true);
    expect(isFramedPage(popup)).toBe(false);
    expect(isFramedPage({ ...popup, tab: { id: 3 }, frameId: 0 })).toBe(false);
  });
});

describe('panel tickets', () => {
  const setup = () => {
    let value: PanelTickets = {};
    let now = 1_000;
    const tickets = panelTickets(
      {
        getValue: async () => value,
        setValue: async (next) => {
          value = next;
        },
      },
      () => now,
    );
    return { tickets, later: (ms: number) => (now += ms) };
  };
  const pair: PanelRequest = { panel: 'pair', personIds: ['00000000-0000-4000-8000-000000000482'] };

  it('gives the panel to the first frame of the tab that asks, and to no other frame after it', async () => {
    const { tickets } = setup();
    expect(await tickets.take(frame('ours'))).toBeNull(); // nothing opened yet
    await tickets.open(7, pair);
    expect(await tickets.take(frame('ours'))).toEqual(pair);
    expect(await tickets.take(frame('ours'))).toEqual(pair); // the same frame asks again
    expect(await tickets.take(frame('the-page-made-this-one'))).toBeNull();
    expect(await tickets.take(frame('elsewhere', 8))).toBeNull(); // another tab
    expect(await tickets.holds(frame('ours'))).toBe(true);
    expect(await tickets.holds(frame('the-page-made-this-one'))).toBe(false);
    expect(await tickets.take(popup)).toBeNull();
  });

  it('lets two frames asking at once take it once', async () => {
    const { tickets } = setup();
    await tickets.open(7, pair);
    const answers = await Promise.all([tickets.take(frame('a')), tickets.take(frame('b'))]);
    expect(answers.filter(Boolean)).toHaveLength(1);
  });

  it('ends with close, with a new panel, and when no frame took it in time', async () => {
    const { tickets, later } = setup();
    await tickets.open(7, pair);
    await tickets.take(frame('ours'));
    await tickets.close(7);
    expect(await tickets.holds(frame('ours'))).toBe(false);
    await tickets.open(7, { panel: 'programme' });
    later(ticketTtlMs + 1);
    expect(await tickets.take(frame('late'))).toBeNull();
  });
});
