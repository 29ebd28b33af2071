// One data row of the table to a RosterRow with its issues, or null for a row that holds no
// person (blank, numbered but empty, a summary line such as Classroom's «Class average»).
import { isInitial, isPlausibleNamePart, nameWords, splitName } from '../../../shared/names.ts';
import {
  cleanText,
  isPossibleBirthYear,
  nameCase,
  parseBirthDate,
  parseClassName,
  parseEmail,
  parseGradeAndLetter,
  parsePhone,
  parseSex,
} from './fields.ts';
import { rowIssue } from './messages.ts';
import type { RosterColumn, RosterField, RosterRow, RowIssue } from './types.ts';

export interface RowContext {
  columns: readonly RosterColumn[];
  /** For rows without a class of their own: the class the title or sheet name gives. */
  classNameFromTitle: string | null;
  today: Date;
}

const summaryLine = /^(итого|всего|средн|class average|average|points|баллы|дата|date|due)/iu;

export function buildRow(line: number, cells: readonly string[], context: RowContext): RosterRow | null {
  const columnOf = (field: RosterField) => context.columns.find((column) => column.field === field);
  const cell = (field: RosterField) => {
    const column = columnOf(field);
    return column ? cleanText(cells[column.index] ?? '') : '';
  };
  const issues: RowIssue[] = [];
  const report = (code: RowIssue['code'], field: RosterField | null, params: Record<string, string | number> = {}) => {
    const column = field ? columnOf(field) : undefined;
    issues.push(rowIssue(line, code, column ? { header: column.header, field: column.field } : null, params));
  };

  const fullName = cell('fullName');
  const emailText = cell('email');
  let last = nameCase(cell('last'));
  let first = nameCase(cell('first'));
  let middle: string | null = nameCase(cell('middle')) || null;
  let initialsOnly = false;
  if (!fullName && !last && !first && !emailText) return null;
  if (!emailText && summaryLine.test(fullName || last || first)) return null;

  let nameField: RosterField = 'last';
  let unreadableName = false;
  if (columnOf('fullName')) {
    // A roster's ФИО cell: the surname first unless a patronymic says otherwise (shared/names.ts).
    const split = splitName(fullName);
    if (split) ({ last_name: last, first_name: first, middle_name: middle, initialsOnly } = split);
    else {
      // One word is a surname without a first name; five words are not one person's name.
      [last = '', first = ''] = nameWords(fullName);
      middle = null;
      unreadableName = first !== '';
    }
    [last, first] = [nameCase(last), nameCase(first)];
    middle = middle === null ? null : nameCase(middle);
    nameField = 'fullName';
  } else if (isInitial(first) && (!middle || isInitial(middle))) {
    initialsOnly = true;
    first = first.endsWith('.') ? first : `${first}.`;
    if (middle && !middle.endsWith('.')) middle = `${middle}.`;
  }
  if (!last) report('missing_last', nameField);
  if (!first) report('missing_first', nameField === 'fullName' ? 'fullName' : 'first');
  if (unreadableName) report('bad_name', 'fullName', { value: fullName });
  else
    for (const [field, part] of [
      ['last', last],
      ['first', first],
      ['middle', middle],
    ] as const) {
      if (part && !isPlausibleNamePart(part)) {
        report('bad_name', nameField === 'fullName' ? 'fullName' : field, { value: part });
        break;
      }
    }
  if (initialsOnly) report('initials_only', nameField === 'fullName' ? 'fullName' : 'first');

  let email: string | null = null;
  if (emailText) {
    const parsed = parseEmail(emailText);
    if (parsed.ok) email = parsed.value;
    else report('bad_email', 'email', { value: emailText });
  }

  let className: string | null = null;
  const classText = cell('className');
  const gradeText = cell('grade');
  const letterText = cell('letter');
  if (classText && !(/^\d{1,2}$/.test(classText) && letterText)) {
    const parsed = parseClassName(classText);
    if (parsed.ok) className = parsed.value;
    else report('bad_class', 'className', { value: classText });
  } else if (gradeText || classText || letterText) {
    const parsed = parseGradeAndLetter(gradeText || classText, letterText);
    if (parsed.ok) className = parsed.value;
    else
      report('bad_class', gradeText ? 'grade' : classText ? 'className' : 'letter', {
        value: `${gradeText || classText} ${letterText}`.trim(),
      });
  } else {
    className = context.classNameFromTitle;
  }

  let birthDate: string | null = null;
  let birthYear: number | null = null;
  const dateText = cell('birthDate');
  if (dateText) {
    const parsed = parseBirthDate(dateText);
    if (!parsed.ok) report('bad_birth_date', 'birthDate', { value: dateText });
    else if (!isPossibleBirthYear(parsed.value.year, context.today)) {
      report('bad_birth_year', 'birthDate', { value: parsed.value.year });
    } else {
      birthDate = parsed.value.date;
      birthYear = parsed.value.year;
    }
  }
  const yearText = cell('birthYear');
  if (yearText) {
    const parsed = parseBirthDate(yearText);
    if (!parsed.ok) report('bad_birth_year', 'birthYear', { value: yearText });
    else if (!isPossibleBirthYear(parsed.value.year, context.today)) report('bad_birth_year', 'birthYear', { value: parsed.value.year });
    else if (birthYear !== null && birthYear !== parsed.value.year) {
      report('birth_year_mismatch', 'birthYear', { year: parsed.value.year, date: birthDate ?? birthYear });
    } else birthYear = parsed.value.year;
  }

  let sex: RosterRow['sex'] = null;
  const sexText = cell('sex');
  if (sexText) {
    const parsed = parseSex(sexText);
    if (parsed.ok) sex = parsed.value;
    else report('bad_sex', 'sex', { value: sexText });
  }

  let phone: string | null = null;
  const phoneText = cell('phone');
  if (phoneText) {
    const parsed = parsePhone(phoneText);
    if (parsed.ok) phone = parsed.value;
    else report('bad_phone', 'phone', { value: phoneText });
  }

  return {
    line,
    last_name: last,
    first_name: first,
    middle_name: middle,
    className,
    email,
    phone,
    birthYear,
    birthDate,
    sex,
    login: cell('login') || null,
    initialsOnly,
    issues,
  };
}
