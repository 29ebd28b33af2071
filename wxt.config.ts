import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// The API the extension talks to. `npm start` builds for the local API; a school's build sets
// WXT_API_URL (and WXT_SUPABASE_URL / WXT_SUPABASE_ANON_KEY for Supabase Auth) before `wxt zip`.
const apiUrl = new URL(process.env.WXT_API_URL ?? 'http://127.0.0.1:8787');

export default defineConfig({
  srcDir: 'extension',
  // WXT resolves publicDir from the project root, not srcDir: keep every extension file in extension/.
  publicDir: 'extension/public',
  outDir: process.env.NASTAVNIK_EXTENSION_OUT ?? '.output',
  // Explicit imports everywhere: a newcomer can follow every name to its file.
  imports: false,
  vite: () => ({
    plugins: [preact()],
    define: {
      'import.meta.env.WXT_API_URL': JSON.stringify(apiUrl.origin),
      'import.meta.env.WXT_SUPABASE_URL': JSON.stringify(process.env.WXT_SUPABASE_URL ?? ''),
      'import.meta.env.WXT_SUPABASE_ANON_KEY': JSON.stringify(process.env.WXT_SUPABASE_ANON_KEY ?? ''),
      'import.meta.env.WXT_GOOGLE_CLIENT_ID': JSON.stringify(process.env.WXT_GOOGLE_CLIENT_ID ?? ''),
    },
  }),
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'ru',
    // `identity`: sign-in through Supabase Auth (Google) and «Подключить Google Classroom» (issue 11).
    // `scripting` registers the generic content script on hosts the school adds at runtime.
    // `notifications` for the reminders (utils/reminders.ts), `alarms` for them and the queue.
    permissions: ['storage', 'alarms', 'scripting', 'notifications', 'identity'],
    // Classroom's read-only scopes for chrome.identity.getAuthToken, where the build names a Google OAuth client.
    ...(process.env.WXT_GOOGLE_CLIENT_ID
      ? {
          oauth2: {
            client_id: process.env.WXT_GOOGLE_CLIENT_ID,
            scopes: [
              'https://www.googleapis.com/auth/classroom.courses.readonly',
              'https://www.googleapis.com/auth/classroom.rosters.readonly',
              'https://www.googleapis.com/auth/classroom.profile.emails',
            ],
          },
        }
      : {}),
    action: { default_title: '__MSG_extName__' },
    // The popup from the keyboard (the person may change it at chrome://extensions/shortcuts or about:addons).
    commands: {
      [manifestVersion === 2 ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+N', mac: 'Alt+Shift+N' },
        description: '__MSG_commandPopup__',
      },
    },
    // Only the API's host; the supported sites come from the content scripts' `matches`.
    // A match pattern without a port matches every port of that host.
    host_permissions: [`${apiUrl.protocol}//${apiUrl.hostname}/*`],
    // Any other e-journal: asked for one host at a time on the options page, never granted at install.
    // (Manifest V2, Firefox's default, lists them among the optional permissions.)
    ...(manifestVersion === 2
      ? { optional_permissions: ['https://*/*', 'http://*/*'] as ['https://*/*', 'http://*/*'] }
      : { optional_host_permissions: ['https://*/*', 'http://*/*'] }),
    // Firefox needs an add-on id for storage and for signing; 115 is the first ESR with storage.session.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'nastavnik@nastavnik.school',
              strict_min_version: '115.0',
              // What goes to the school's own API: the sign-in, people's names (meetings, rosters read off a journal page).
              data_collection_permissions: { required: ['authenticationInfo', 'personallyIdentifyingInfo', 'websiteContent'] },
            },
          },
        }
      : {}),
  }),
  hooks: {
    // The panel pages are framed in journal pages (extension/features/drawer.ts), so they must be web
    // accessible there: on the hosts the content scripts match, and on the hosts a school adds at
    // runtime (any host the optional permissions may grant). use_dynamic_url: reachable only through
    // a URL that changes every browser session, so no other site can find or fingerprint them.
    'build:manifestGenerated': (wxt, manifest) => {
      const resources = ['pair-panel.html', 'programme-panel.html'];
      // Manifest V2 (Firefox's default) lists resources by name only, for every page (its
      // extension URLs already carry a per-installation UUID: no other site can guess them).
      if (wxt.config.manifestVersion === 2) {
        const others = (manifest.web_accessible_resources ?? []).filter((entry): entry is string => typeof entry === 'string');
        manifest.web_accessible_resources = [...new Set([...others, ...resources])] as typeof manifest.web_accessible_resources;
        return;
      }
      const sites: string[] = manifest.content_scripts?.flatMap((script) => script.matches ?? []) ?? [];
      const matches = [...new Set([...sites, ...(manifest.optional_host_permissions ?? [])])];
      const panels = { resources, matches, use_dynamic_url: true };
      const others = (manifest.web_accessible_resources ?? []).filter((entry) => typeof entry !== 'string');
      manifest.web_accessible_resources = [...others, panels];
    },
  },
});
