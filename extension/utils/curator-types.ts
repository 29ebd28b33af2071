// The curator's payloads as the extension sees them: types only, inferred from the API's own zod
// schemas (nothing of zod reaches a content script).
import type { z } from 'zod';
import type { checklistItem, checklistItemPatch, programme, programmeWarning } from '../../shared/api/programmes.ts';

export type { RosterPreview } from '../../shared/api/roster-import.ts';

export type Programme = z.infer<typeof programme>;
export type ChecklistItem = z.infer<typeof checklistItem>;
export type ChecklistItemPatch = z.input<typeof checklistItemPatch>;
export type ProgrammeWarning = z.infer<typeof programmeWarning>;

/** A stage of the methodology as the catalog names it. */
export interface CatalogStage {
  number: number;
  key: string;
  label_ru: string;
  label_en: string;
  description_ru: string;
}

/** The part of GET /catalog the overlay reads. */
export interface Catalog {
  stages: CatalogStage[];
}

/** Who may run the programme from the overlay: a curator or the head, in one school. */
export interface Curator {
  organisationId: string;
  organisationName: string;
}

/** Everything the programme panel shows, fetched in one go by the background. */
export interface ProgrammeOverview {
  /** null: the school has no programme yet (stage 1 starts on the dashboard). */
  programme: Programme | null;
  stages: CatalogStage[];
  checklist: ChecklistItem[];
  warnings: ProgrammeWarning[];
}
