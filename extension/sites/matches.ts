// Where each site family's content script runs: the only host permissions granted at install
// (besides the API's). Any other host is one the school adds on the options page.
import { meshHosts } from './mesh.ts';
import { netschoolHosts } from './netschool.ts';

export const siteMatches = {
  'google-classroom': ['https://classroom.google.com/*'],
  'dnevnik-ru': ['https://*.dnevnik.ru/*'],
  mesh: meshHosts.map((host) => `https://${host}/*`),
  netschool: netschoolHosts.map((host) => `https://${host}/*`),
  eljur: ['https://*.eljur.ru/*'],
  'edu-tatar': ['https://edu.tatar.ru/*'],
  // Moodle and Canvas run on the school's own host (added on the options page); their clouds are known.
  moodle: ['https://*.moodlecloud.com/*'],
  canvas: ['https://*.instructure.com/*'],
} as const satisfies Record<string, readonly string[]>;

/** Whether a content script already covers this host (adding it on the options page would do nothing). */
export function isSupportedHost(hostname: string): boolean {
  return Object.values(siteMatches)
    .flat()
    .some((pattern) => {
      const host = /^https:\/\/([^/]+)\//.exec(pattern)?.[1] ?? '';
      return host.startsWith('*.') ? hostname === host.slice(2) || hostname.endsWith(host.slice(1)) : hostname === host;
    });
}
