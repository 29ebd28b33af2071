// Every overlay feature, in drawing order. One file each; a new one is one more line here.

import type { OverlayFeature } from '../overlay/engine.ts';
import { adapterFallback } from './adapter-fallback.ts';
import { journalGrades } from './journal-grades.ts';
import { offlineNotice } from './offline-notice.ts';
import { pairPanel } from './pair-panel.ts';
import { participantBadges } from './participant-badges.ts';
import { programmePanel } from './programme-panel.ts';

export const overlayFeatures: readonly OverlayFeature[] = [
  participantBadges,
  pairPanel,
  programmePanel,
  offlineNotice,
  adapterFallback,
  journalGrades,
];
