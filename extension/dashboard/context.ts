// What every dashboard screen knows: the school it runs and this year's programme (reloadable
// after a screen changes it), and how to go to another screen.
import type { Programme } from '../../shared/api/programmes.ts';
import type { Curator } from '../utils/messages.ts';

export interface DashboardContext {
  school: Curator;
  /** The newest programme of the school; null until stage 1 starts one. */
  programme: Programme | null;
  /** Loads the programme again (after a screen created or changed it). */
  reloadProgramme: () => void;
  /** Opens another screen: `go('stage-5')`, `go('stage-2', 'consent=missing')`. */
  go: (screen: string, sub?: string) => void;
}
