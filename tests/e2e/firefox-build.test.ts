// Firefox: `wxt build -b firefox` builds, and its manifest is one Firefox loads — Manifest V2 as
// WXT emits it for Firefox, a background script rather than a service worker, the add-on id, the
// permissions (the sites and the API, optional hosts for a school's own journal), the keyboard
// shortcut, and the panel pages reachable from the journal pages. (The browser suite runs on
// Chromium; this checks what Firefox would be given.)
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExtension } from '../../functions/local/build-extension.ts';

let dir: string;
let root: string;
let manifest: Record<string, unknown> & {
  permissions: string[];
  optional_permissions: string[];
  background: { scripts?: string[]; service_worker?: string };
  commands: Record<string, { suggested_key: { default: string } }>;
  browser_specific_settings: { gecko: { id: string; strict_min_version: string } };
  web_accessible_resources: unknown[];
  content_scripts: { matches: string[]; js: string[] }[];
  browser_action: { default_popup: string };
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nastavnik-firefox-'));
  root = await buildExtension('http://127.0.0.1:8787', { outDir: dir, browser: 'firefox' });
  manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
}, 180_000);
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the Firefox build', () => {
  it('is Manifest V2 with a background script, the add-on id and the keyboard shortcut', () => {
    expect(root.endsWith('firefox-mv2')).toBe(true);
    expect(manifest.manifest_version).toBe(2);
    expect(manifest.background.scripts).toEqual(['background.js']);
    expect(manifest.background.service_worker).toBeUndefined();
    expect(existsSync(join(root, 'background.js'))).toBe(true);
    expect(manifest.browser_specific_settings.gecko).toMatchObject({ id: 'nastavnik@nastavnik.school', strict_min_version: '115.0' });
    expect(manifest.commands._execute_browser_action?.suggested_key.default).toBe('Alt+Shift+N');
    expect(manifest.browser_action.default_popup).toBe('popup.html');
    for (const page of ['popup.html', 'options.html', 'pair-panel.html', 'programme-panel.html', 'icon/128.png']) {
      expect(existsSync(join(root, page)), page).toBe(true);
    }
  });

  it('asks for what the extension uses, and the sites only as content scripts and optional hosts', () => {
    // `identity`: «Подключить Google Classroom» (launchWebAuthFlow in Firefox, issue 11).
    expect([...manifest.permissions].sort()).toEqual(['alarms', 'http://127.0.0.1/*', 'identity', 'notifications', 'scripting', 'storage']);
    expect(manifest.optional_permissions).toEqual(['https://*/*', 'http://*/*']);
    expect(manifest).not.toHaveProperty('host_permissions');
    expect(manifest).not.toHaveProperty('optional_host_permissions');
    const [overlay] = manifest.content_scripts;
    expect(overlay?.matches).toContain('https://classroom.google.com/*');
    expect(overlay?.js).toEqual(['content-scripts/overlay.js']);
  });

  it('lets the journal pages frame the panels (Manifest V2: by name)', () => {
    expect(manifest.web_accessible_resources).toEqual(['pair-panel.html', 'programme-panel.html']);
  });
});
