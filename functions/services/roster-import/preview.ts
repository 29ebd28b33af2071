// The parsed file and its plan as the preview JSON the route answers with (shared/api/roster-import.ts).

import type { RosterPreview, RosterPreviewRow } from '../../../shared/api/roster-import.ts';
import type { ExistingPerson, RosterPlan } from './plan.ts';
import type { ParsedRoster, RosterRow } from './types.ts';

export function previewRow(row: RosterRow): RosterPreviewRow {
  return {
    line: row.line,
    last_name: row.last_name,
    first_name: row.first_name,
    middle_name: row.middle_name,
    class_name: row.className,
    email: row.email,
    phone: row.phone,
    birth_year: row.birthYear,
    birth_date: row.birthDate,
    sex: row.sex,
    login: row.login,
    initials_only: row.initialsOnly,
    warnings: row.issues.filter((issue) => issue.severity === 'warning'),
  };
}

export interface PreviewOptions {
  dryRun: boolean;
  defaultClassName?: string | null;
}

export function rosterPreview(
  parsed: ParsedRoster,
  plan: RosterPlan,
  existing: readonly ExistingPerson[],
  options: PreviewOptions,
): RosterPreview {
  const people = new Map(existing.map((person) => [person.id, person]));
  const candidate = (id: string) => {
    // The plan takes its candidates from `existing`: every id is there.
    const person = people.get(id) as ExistingPerson;
    return {
      person_id: id,
      last_name: person.last_name,
      first_name: person.first_name,
      middle_name: person.middle_name,
      class_name: person.className,
    };
  };
  return {
    dry_run: options.dryRun,
    file: {
      name: parsed.fileName,
      format: parsed.format,
      encoding: parsed.encoding,
      delimiter: parsed.delimiter,
      sheet: parsed.sheetName,
      header_line: parsed.headerLine,
      columns: parsed.columns.map(({ field, header, letter }) => ({ field, header, letter })),
      class_from_title: parsed.classNameFromTitle,
    },
    default_class_name: options.defaultClassName ?? null,
    counts: {
      rows: parsed.rows.length,
      new: plan.new.length,
      known: plan.known.length,
      ambiguous: plan.ambiguous.length,
      invalid: plan.invalid.length,
      warnings: parsed.errors.filter((issue) => issue.severity === 'warning').length,
    },
    new: plan.new.map(previewRow),
    known: plan.known.map((entry) => ({
      row: previewRow(entry.row),
      person_id: entry.personId,
      matched_by: entry.matchedBy,
      changes: {
        ...(entry.changes.className ? { class_name: entry.changes.className } : {}),
        ...(entry.changes.email ? { email: entry.changes.email } : {}),
        ...(entry.changes.name ? { name: entry.changes.name } : {}),
      },
    })),
    ambiguous: plan.ambiguous.map((entry) => ({
      row: previewRow(entry.row),
      reason: entry.reason,
      candidates: entry.candidates.map(candidate),
    })),
    invalid: plan.invalid.map((entry) => ({ row: previewRow(entry.row), errors: entry.errors })),
    file_errors: parsed.fileErrors,
  };
}
