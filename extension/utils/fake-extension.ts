// For unit tests of the background's modules: WXT's fake browser stands in for `chrome` (wxt/browser
// is `globalThis.chrome` in a browser), and the build's settings are those of a test API. Imported
// from a test's `vi.hoisted`, before the modules under test read either.
import { fakeBrowser } from 'wxt/testing/fake-browser';

Object.assign(globalThis, { chrome: fakeBrowser });
// config.ts reads the build's settings when it loads (import.meta.env in the modules under test).
process.env.WXT_API_URL = 'http://api.test';
process.env.WXT_SUPABASE_URL = '';
process.env.WXT_SUPABASE_ANON_KEY = '';
Object.assign(import.meta.env, { WXT_API_URL: 'http://api.test', WXT_SUPABASE_URL: '', WXT_SUPABASE_ANON_KEY: '' });
