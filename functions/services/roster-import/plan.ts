// What importing the rows would do to the school's people: who is new, who is already there (found
// by e-mail, then by name within the class), who cannot be told apart from a namesake, and which
// rows cannot be imported. Nothing is guessed: a name that fits several people stays ambiguous
// for the curator to resolve, and the same person twice in the file is an error on the later line.
import { fullName, isNameOf, normalizeNamePart, type PersonName, surnameKeys, tokenKey } from '../../../shared/names.ts';
import { parseClassName } from './fields.ts';
import { rowIssue } from './messages.ts';
import type { RosterRow, RowIssue } from './types.ts';

export interface ExistingPerson {
  id: string;
  last_name: string;
  first_name: string;
  middle_name: string | null;
  className: string | null;
  email: string | null;
}

export interface PlanOptions {
  /** The class rows without one go to (the class the curator imports into); «7А», «7-а»… */
  defaultClassName?: string | null;
}

export interface Change<T> {
  from: T;
  to: T;
}

export interface KnownRow {
  row: RosterRow;
  personId: string;
  matchedBy: 'email' | 'name';
  /** What the file says differently from the school's records (an update the route may offer). */
  changes: { className?: Change<string | null>; email?: Change<string | null>; name?: Change<string> };
}

export type AmbiguityReason =
  /** Several people in the class (or school) have this name. */
  | 'namesakes'
  /** Nobody of this name in the row's class, but someone elsewhere: moved up a year, or a namesake. */
  | 'other_class'
  /** Several people share the row's e-mail. */
  | 'shared_email';

export interface AmbiguousRow {
  row: RosterRow;
  candidates: string[];
  reason: AmbiguityReason;
}

export interface InvalidRow {
  row: RosterRow;
  errors: RowIssue[];
}

export interface RosterPlan {
  new: RosterRow[];
  known: KnownRow[];
  ambiguous: AmbiguousRow[];
  invalid: InvalidRow[];
}

/**
 * A class as the school's records name it: «7-а» is «7А»; a name that is no grade and letter
 * («Кружок») stays as written, so the import finds that very class rather than creating «КРУЖОК».
 */
function classKey(name: string): string {
  const parsed = parseClassName(name);
  return parsed.ok ? parsed.value : name.trim();
}

/** Whether a row's class is the person's: «7-а» is «7А», « кружок » is «Кружок». */
function sameClass(a: string, b: string | null): boolean {
  return b !== null && classKey(a).localeCompare(classKey(b), 'ru', { sensitivity: 'accent' }) === 0;
}

/** Whether the row and the person are one name: either written as the other (initials, no patronymic, Latin). */
function sameName(row: PersonName, person: PersonName): boolean {
  return isNameOf(fullName(row), person) || isNameOf(fullName(person), row);
}

/** The key a row's surname is looked up under (Latin spellings meet their Cyrillic originals). */
function surnameLookupKey(surname: string): string {
  return tokenKey(normalizeNamePart(surname));
}

/** People grouped under every key their surname can be looked up with. */
class SurnameIndex<T extends PersonName> {
  readonly #byKey = new Map<string, T[]>();

  add(person: T): void {
    for (const key of new Set(surnameKeys(person.last_name))) {
      const list = this.#byKey.get(key);
      if (list) list.push(person);
      else this.#byKey.set(key, [person]);
    }
  }

  /** Everyone whose name the row's name is, in either direction. */
  find(row: PersonName): T[] {
    return this.#byKey.get(surnameLookupKey(row.last_name))?.filter((person) => sameName(row, person)) ?? [];
  }
}

function emailKey(email: string | null): string | null {
  return email ? email.trim().toLowerCase() : null;
}

export function planRosterImport(rows: readonly RosterRow[], existing: readonly ExistingPerson[], options: PlanOptions = {}): RosterPlan {
  const plan: RosterPlan = { new: [], known: [], ambiguous: [], invalid: [] };
  const defaultClass = options.defaultClassName ? classKey(options.defaultClassName) : null;

  // Keyed by e-mail; people without one are not kept, so a row without one finds nobody here.
  const byEmail = new Map<string | null, ExistingPerson[]>();
  const byName = new SurnameIndex<ExistingPerson>();
  for (const person of existing) {
    const key = emailKey(person.email);
    if (key) byEmail.set(key, [...(byEmail.get(key) ?? []), person]);
    byName.add(person);
  }

  // Rows already planned, to find the same person twice in the file: the same e-mail, or the same
  // full name in the same class. (Two rows that only might be one person, «Иванов Иван» and «Иванов
  // Иван Петрович», are not flagged here; if both find the same known person, the later one is.)
  // Rows without an e-mail, or with initials only (no name key), are not kept: null finds nothing.
  const earlierByEmail = new Map<string | null, number>();
  const earlierByName = new Map<string | null, number>();
  const claimedBy = new Map<string, number>();
  const nameKey = (row: RosterRow) =>
    row.initialsOnly
      ? null
      : JSON.stringify([...[row.last_name, row.first_name, row.middle_name].map((part) => part && normalizeNamePart(part)), row.className]);

  const duplicateOf = (row: RosterRow): number | null => earlierByEmail.get(emailKey(row.email)) ?? earlierByName.get(nameKey(row)) ?? null;

  const remember = (row: RosterRow) => {
    const email = emailKey(row.email);
    if (email) earlierByEmail.set(email, row.line);
    const name = nameKey(row);
    if (name && !earlierByName.has(name)) earlierByName.set(name, row.line);
  };

  const invalid = (row: RosterRow, errors: RowIssue[]) => plan.invalid.push({ row, errors });
  const duplicate = (row: RosterRow, first: number) => invalid(row, [rowIssue(row.line, 'duplicate_in_file', null, { first })]);

  for (const given of rows) {
    const row: RosterRow = { ...given, className: given.className ? classKey(given.className) : defaultClass };
    const errors = row.issues.filter((issue) => issue.severity === 'error');
    if (errors.length > 0) {
      invalid(row, errors);
      continue;
    }
    const earlier = duplicateOf(row);
    if (earlier !== null) {
      duplicate(row, earlier);
      continue;
    }
    remember(row);

    const known = (person: ExistingPerson, matchedBy: KnownRow['matchedBy']) => {
      const claimed = claimedBy.get(person.id);
      if (claimed !== undefined) return duplicate(row, claimed);
      claimedBy.set(person.id, row.line);
      const changes: KnownRow['changes'] = {};
      if (row.className && !sameClass(row.className, person.className)) changes.className = { from: person.className, to: row.className };
      if (row.email && emailKey(person.email) !== row.email) changes.email = { from: person.email, to: row.email };
      // A person found by name has that name; one found by e-mail may have another.
      if (!sameName(row, person)) changes.name = { from: fullName(person), to: fullName(row) };
      plan.known.push({ row, personId: person.id, matchedBy, changes });
    };

    const email = emailKey(row.email);
    const sameEmail = byEmail.get(email) ?? [];
    if (sameEmail.length > 1) {
      plan.ambiguous.push({ row, candidates: sameEmail.map((person) => person.id), reason: 'shared_email' });
      continue;
    }
    const [emailOwner] = sameEmail;
    if (emailOwner) {
      known(emailOwner, 'email');
      continue;
    }

    let candidates = byName.find(row);
    let reason: AmbiguityReason = 'namesakes';
    // With nobody found, the reason is never read: no candidates make the row new.
    if (row.className) {
      const inClass = candidates.filter((person) => person.className === null || sameClass(person.className, row.className));
      if (inClass.length > 0) candidates = inClass;
      else reason = 'other_class';
    }
    const [only] = candidates;
    if (only && candidates.length === 1 && reason === 'namesakes') known(only, 'name');
    else if (candidates.length > 0) plan.ambiguous.push({ row, candidates: candidates.map((person) => person.id), reason });
    else if (row.initialsOnly) invalid(row, [rowIssue(row.line, 'initials_not_found', null)]);
    else plan.new.push(row);
  }
  return plan;
}
