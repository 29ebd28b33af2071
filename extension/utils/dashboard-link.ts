// Where the curator's dashboard opens from the other surfaces (the programme panel, the popup):
// its page with the screen in the address, `#/stage-2`.
import { browser } from 'wxt/browser';

export function dashboardUrl(screen = 'home', sub?: string): string {
  return `${browser.runtime.getURL('/dashboard.html')}#/${screen}${sub ? `/${sub}` : ''}`;
}
