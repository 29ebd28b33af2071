// The toolbar button's count where the browser calls it `browserAction` (Manifest V2, the Firefox
// build): the same count and colour as on Chromium's `action`.
import { describe, expect, it, vi } from 'vitest';

await vi.hoisted(() => import('./fake-extension.ts'));

const { fakeBrowser } = await import('wxt/testing/fake-browser');
const { showQueue } = await import('./toolbar.ts');

describe('the toolbar button', () => {
  it('counts the waiting writes on Manifest V2’s browserAction when there is no action (Firefox)', async () => {
    const action = fakeBrowser.action;
    const shown: { text?: string; color?: string; title?: string } = {};
    const browserAction = {
      setBadgeText: async ({ text }: { text: string }) => {
        shown.text = text;
      },
      setBadgeBackgroundColor: async ({ color }: { color: string }) => {
        shown.color = color;
      },
      setTitle: async ({ title }: { title: string }) => {
        shown.title = title;
      },
    };
    Object.assign(fakeBrowser, { action: undefined, browserAction });
    try {
      await showQueue(3, 1);
      expect(shown).toEqual({ text: '4', color: '#b42318', title: expect.stringContaining('3') });
      await showQueue(2, 0);
      expect(shown).toMatchObject({ text: '2', color: '#b54708' });
    } finally {
      Object.assign(fakeBrowser, { action, browserAction: undefined });
    }
  });

  it('uses action where there is one (Chromium)', async () => {
    await showQueue(5, 0);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('5');
    await showQueue(0, 0);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('says how many of the waiting writes are meetings and how many results from the journal', async () => {
    await showQueue(3, 0, 2);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('3');
    const title = await fakeBrowser.action.getTitle({});
    expect(title).toContain('1 meeting waiting to be sent');
    expect(title).toContain('2 journal results waiting to be sent');
    await showQueue(2, 0, 2);
    expect(await fakeBrowser.action.getTitle({})).not.toContain('meeting');
  });
});
