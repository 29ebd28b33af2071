// The dashboard's screens, one entry each: the side menu, the address (`#/<id>`) and the code, which
// loads only when the screen is opened (the home screen paints first). A new screen is a file in
// screens/ and one entry here.
import type { ComponentType } from 'preact';
import type { MessageKey } from '../../shared/i18n/index.ts';
import type { DashboardContext } from './context.ts';

export interface ScreenProps {
  context: DashboardContext;
}

export interface Screen {
  id: string;
  /** The menu's words for it. */
  title: MessageKey;
  /** The methodology's stage it runs (1–7), shown as the menu's number; none for home and reports. */
  stage?: number;
  load: () => Promise<ComponentType<ScreenProps>>;
}

export const screens: Screen[] = [
  { id: 'home', title: 'dashboard.home', load: async () => (await import('./screens/Home.tsx')).Home },
  { id: 'classroom', title: 'classroom.title', load: async () => (await import('./screens/ClassroomSync.tsx')).ClassroomSync },
];

export const homeScreen = 'home';

/** The screen an address names (`#/stage-5?x=1` → stage-5); home for anything unknown. */
export function screenOf(hash: string): Screen {
  const id = hash.replace(/^#\/?/, '').split(/[?/]/)[0] ?? '';
  return screens.find((s) => s.id === id) ?? (screens.find((s) => s.id === homeScreen) as Screen);
}

/** The part of the address after the screen's id (`#/stage-5/pin?x` → `pin?x`), for screens with views of their own. */
export function subPathOf(hash: string): string {
  const rest = hash.replace(/^#\/?/, '');
  const slash = rest.search(/[/?]/);
  return slash < 0 ? '' : rest.slice(slash + (rest[slash] === '/' ? 1 : 0));
}
