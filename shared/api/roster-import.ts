// The roster import's HTTP contract as zod schemas: the request the route accepts and the preview
// it answers with, which the extension shows as «новые / уже есть / неоднозначные / ошибки».
import { z } from 'zod';

/** The columns a roster file can have that the import understands. */
export const rosterFields = [
  'fullName',
  'last',
  'first',
  'middle',
  'className',
  'grade',
  'letter',
  'email',
  'phone',
  'birthDate',
  'birthYear',
  'sex',
  'login',
] as const;

/** 5 MB of file as base64, with room for padding. */
const maxBase64Length = Math.ceil((5 * 1024 * 1024) / 3) * 4 + 4;

/** The class the list is for; rows without a class go there. */
const classId = z.uuid().optional();
/** true (the default): only the preview; false: import the new and known rows. */
const dryRun = z.boolean().default(true);
/**
 * The curator's answers for the ambiguous rows of the preview, by line: a new person, one of the
 * candidates, or leave the row out. Ambiguous rows without an answer are left out.
 */
const resolutions = z
  .array(
    z.union([
      z.object({ line: z.int().positive(), action: z.enum(['new', 'skip']) }).strict(),
      z.object({ line: z.int().positive(), action: z.literal('person'), person_id: z.uuid() }).strict(),
    ]),
  )
  .max(5000)
  .default([]);

/** A file the curator chose: CSV or XLSX as an e-journal exported it. */
export const rosterFileImport = z
  .object({
    file_name: z.string().trim().min(1).max(255),
    content_base64: z.string().max(maxBase64Length),
    class_id: classId,
    dry_run: dryRun,
    resolutions,
  })
  .strict();

/** One person of a list read off a page: the name already split (shared/names.ts splitName). */
export const rosterRowInput = z
  .object({
    last_name: z.string().max(100),
    first_name: z.string().max(100),
    middle_name: z.string().max(100).nullable().optional(),
    class_name: z.string().max(50).nullable().optional(),
  })
  .strict();
export type RosterRowInput = z.infer<typeof rosterRowInput>;

/**
 * A list the extension read off a class page (roster capture): the rows themselves, no file. They
 * go through the same checks and plan as a file's rows; line N of the preview is rows[N - 1].
 */
export const rosterRowsImport = z
  .object({
    /** What the preview calls the list («10Б-2026-12-02»). */
    list_name: z.string().trim().min(1).max(255),
    rows: z.array(rosterRowInput).min(1).max(5000),
    class_id: classId,
    dry_run: dryRun,
    resolutions,
  })
  .strict();

export const rosterImportRequest = z.union([rosterFileImport, rosterRowsImport]);
export type RosterImportRequest = z.input<typeof rosterImportRequest>;

const field = z.enum(rosterFields);

export const rosterIssue = z.object({
  line: z.int().positive(),
  column: z.string().nullable(),
  field: field.nullable(),
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  message_ru: z.string(),
  message_en: z.string(),
});
export type RosterIssue = z.infer<typeof rosterIssue>;

export const rosterFileError = z.object({ code: z.string(), message_ru: z.string(), message_en: z.string() });

export const rosterPreviewRow = z.object({
  line: z.int().positive(),
  last_name: z.string(),
  first_name: z.string(),
  middle_name: z.string().nullable(),
  class_name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  birth_year: z.int().nullable(),
  birth_date: z.iso.date().nullable(),
  sex: z.enum(['m', 'f']).nullable(),
  login: z.string().nullable(),
  initials_only: z.boolean(),
  /** Warnings only: a row with errors is in `invalid`, its errors beside it. */
  warnings: z.array(rosterIssue),
});
export type RosterPreviewRow = z.infer<typeof rosterPreviewRow>;

const change = <T extends z.ZodType>(value: T) => z.object({ from: value, to: value });

export const rosterCandidate = z.object({
  person_id: z.string(),
  last_name: z.string(),
  first_name: z.string(),
  middle_name: z.string().nullable(),
  class_name: z.string().nullable(),
});

export const rosterPreview = z.object({
  dry_run: z.boolean(),
  file: z.object({
    name: z.string(),
    /** rows: a list sent as rows (roster capture), not a file. */
    format: z.enum(['csv', 'xlsx', 'html', 'json', 'rows']).nullable(),
    encoding: z.string().nullable(),
    delimiter: z.string().nullable(),
    sheet: z.string().nullable(),
    header_line: z.int().nullable(),
    columns: z.array(z.object({ field, header: z.string(), letter: z.string() })),
    class_from_title: z.string().nullable(),
  }),
  /** The class rows without one were given (from class_id). */
  default_class_name: z.string().nullable(),
  counts: z.object({
    rows: z.int().nonnegative(),
    new: z.int().nonnegative(),
    known: z.int().nonnegative(),
    ambiguous: z.int().nonnegative(),
    invalid: z.int().nonnegative(),
    warnings: z.int().nonnegative(),
  }),
  new: z.array(rosterPreviewRow),
  known: z.array(
    z.object({
      row: rosterPreviewRow,
      person_id: z.string(),
      matched_by: z.enum(['email', 'name']),
      changes: z.object({
        class_name: change(z.string().nullable()).optional(),
        email: change(z.string().nullable()).optional(),
        name: change(z.string()).optional(),
      }),
    }),
  ),
  ambiguous: z.array(
    z.object({
      row: rosterPreviewRow,
      reason: z.enum(['namesakes', 'other_class', 'shared_email']),
      candidates: z.array(rosterCandidate),
    }),
  ),
  invalid: z.array(z.object({ row: rosterPreviewRow, errors: z.array(rosterIssue) })),
  /** Non-empty: the file could not be read, every list above is empty. */
  file_errors: z.array(rosterFileError),
  /** Only when dry_run is false: what the import wrote (filled by the route). */
  result: z
    .object({
      created: z.int().nonnegative(),
      updated: z.int().nonnegative(),
      skipped: z.int().nonnegative(),
      classes_created: z.array(z.string()),
    })
    .optional(),
});
export type RosterPreview = z.infer<typeof rosterPreview>;
