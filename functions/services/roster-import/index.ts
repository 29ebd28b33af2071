// Roster import: class lists from e-journals and Google Classroom (CSV, XLSX) to a preview of who
// is new, who is known, who is ambiguous and which rows are wrong. Pure: the route reads the
// school's people and writes the result; see README.md beside this file for the contract.

export {
  type RosterImportRequest,
  type RosterIssue,
  type RosterPreview,
  type RosterPreviewRow,
  type RosterRowInput,
  rosterCandidate,
  rosterFileError,
  rosterImportRequest,
  rosterIssue,
  rosterPreview as rosterPreviewSchema,
  rosterPreviewRow,
  rosterRowInput,
} from '../../../shared/api/roster-import.ts';
export { maxDataRows, maxFileBytes, type ParseOptions, parseRosterFile, parseRosterRows } from './parse.ts';
export {
  type AmbiguityReason,
  type AmbiguousRow,
  type Change,
  type ExistingPerson,
  type InvalidRow,
  type KnownRow,
  type PlanOptions,
  planRosterImport,
  type RosterPlan,
} from './plan.ts';
export { type PreviewOptions, previewRow, rosterPreview } from './preview.ts';
export type {
  FileError,
  FileErrorCode,
  ParsedRoster,
  RosterColumn,
  RosterField,
  RosterFormat,
  RosterRow,
  RowIssue,
  RowIssueCode,
  Sex,
  TextEncodingName,
} from './types.ts';
