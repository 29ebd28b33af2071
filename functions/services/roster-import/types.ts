// What reading a class list gives: people rows as the file has them, each with its own problems,
// and the problems of the file as a whole. Plain data, so the route can send it as JSON.

import { rosterFields } from '../../../shared/api/roster-import.ts';

export { rosterFields };
export type RosterField = (typeof rosterFields)[number];

export interface RosterColumn {
  field: RosterField;
  /** The header as the file prints it («E-mail», «Фамилия Имя Отчество»). */
  header: string;
  /** 0-based column index; `letter` is the spreadsheet's name for it («A», «AB»). */
  index: number;
  letter: string;
}

export type RowIssueCode =
  | 'missing_last'
  | 'missing_first'
  | 'bad_name'
  | 'initials_only'
  | 'bad_email'
  | 'bad_class'
  | 'bad_birth_date'
  | 'bad_birth_year'
  | 'birth_year_mismatch'
  | 'bad_sex'
  | 'bad_phone'
  | 'duplicate_in_file'
  | 'initials_not_found';

export interface RowIssue {
  /** The row's number as a spreadsheet shows it (1-based, title rows and the header counted). */
  line: number;
  /** The header of the column at fault as the file prints it, or null for the row as a whole. */
  column: string | null;
  field: RosterField | null;
  code: RowIssueCode;
  /** An error keeps the row out of the import; a warning is shown and the row goes on. */
  severity: 'error' | 'warning';
  message_ru: string;
  message_en: string;
}

export type FileErrorCode =
  | 'file_too_large'
  | 'empty_file'
  | 'unsupported_format'
  | 'legacy_xls'
  | 'unreadable_xlsx'
  | 'unreadable_file'
  | 'no_header'
  | 'too_many_rows';

export interface FileError {
  code: FileErrorCode;
  message_ru: string;
  message_en: string;
}

export type Sex = 'm' | 'f';

export interface RosterRow {
  line: number;
  last_name: string;
  first_name: string;
  middle_name: string | null;
  /** «7А», «10Б»: digits then one capital Cyrillic letter. */
  className: string | null;
  /** Lower case. */
  email: string | null;
  /** +7XXXXXXXXXX for Russian numbers, otherwise as written. */
  phone: string | null;
  birthYear: number | null;
  /** ISO date (YYYY-MM-DD). */
  birthDate: string | null;
  sex: Sex | null;
  /** The e-journal's login, when the export has one (for people.external_ids). */
  login: string | null;
  /** The name came as «Иванов И. И.»: good for finding a known person, not for creating one. */
  initialsOnly: boolean;
  /** This row's problems (also listed, for all rows together, in ParsedRoster.errors). */
  issues: RowIssue[];
}

/** rows: a list sent as rows (roster capture from a class page), no file. */
export type RosterFormat = 'csv' | 'xlsx' | 'html' | 'json' | 'rows';
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1251';

export interface ParsedRoster {
  /** As uploaded; for messages only (the format is told by the bytes). */
  fileName: string;
  /** null when the file could not be read at all. */
  format: RosterFormat | null;
  /** Text files only (CSV, a web page's table, a JSON list). */
  encoding: TextEncodingName | null;
  delimiter: ';' | ',' | '\t' | null;
  /** XLSX only: the worksheet read. */
  sheetName: string | null;
  headerLine: number | null;
  columns: RosterColumn[];
  /** A class named by the title rows or the sheet name («Список класса 7А»), given to rows without one. */
  classNameFromTitle: string | null;
  rows: RosterRow[];
  /** Every row's issues, in file order. */
  errors: RowIssue[];
  /** Non-empty means nothing in the file can be imported (and rows is empty). */
  fileErrors: FileError[];
}
