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
  { id: 'stage-1', title: 'stage1.menu', stage: 1, load: async () => (await import('./screens/Stage1.tsx')).Stage1 },
  { id: 'stage-2', title: 'stage2.menu', stage: 2, load: async () => (await import('./screens/Stage2.tsx')).Stage2 },
  { id: 'stage-3', title: 'stage3.menu', stage: 3, load: async () => (await import('./screens/Stage3.tsx')).Stage3 },
  { id: 'stage-4', title: 'stage4.menu', stage: 4, load: async () => (await import('./screens/Stage4.tsx')).Stage4 },
  { id: 'stage-5', title: 'stage5.menu', stage: 5, load: async () => (await import('./screens/Stage5.tsx')).Stage5 },
  { id: 'stage-6', title: 'stage6.title', stage: 6, load: async () => (await import('./screens/Stage6.tsx')).Stage6 },
  { id: 'stage-7', title: 'stage7.title', stage: 7, load: async () => (await import('./screens/Stage7.tsx')).Stage7 },
  { id: 'reports', title: 'reports.title', load: async () => (await import('./screens/Reports.tsx')).Reports },
  { id: 'region', title: 'region.title', load: async () => (await import('./screens/Region.tsx')).RegionScreen },
  {
    id: 'questionnaires',
    title: 'questionnaire.title',
    load: async () => (await import('./screens/Questionnaires.tsx')).QuestionnairesScreen,
  },
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
