// Which row is the header and what each column is. Exports put title lines above the header
// («Список класса 7А», the school's name, the date), so the header is looked for among the first
// rows: the row naming the most known columns, provided it names the people (a «ФИО» column, or
// «Фамилия» and «Имя»). Names compare without case, punctuation, spaces or a parenthesised note
// («Дата рождения (дд.мм.гггг)»).
import type { RosterColumn, RosterField } from './types.ts';
import { columnLetter } from './xlsx.ts';

/** How many rows from the top may hold the header. */
export const headerSearchRows = 15;

const headerNames: Record<RosterField, readonly string[]> = {
  fullName: [
    'ФИО',
    'Ф.И.О.',
    'Фамилия Имя Отчество',
    'Фамилия, имя, отчество',
    'Фамилия Имя',
    'Фамилия и имя',
    'Ученик',
    'Ученица',
    'Учащийся',
    'Обучающийся',
    'ФИО ученика',
    'ФИО учащегося',
    'ФИО обучающегося',
    'Full name',
    'Name',
    'Student',
    'Student name',
  ],
  last: ['Фамилия', 'Фамилия ученика', 'Фамилия обучающегося', 'Last name', 'Surname', 'Family name'],
  first: ['Имя', 'Имя ученика', 'Имя обучающегося', 'First name', 'Given name'],
  middle: ['Отчество', 'Отчество ученика', 'Отчество обучающегося', 'Middle name', 'Patronymic'],
  className: ['Класс', 'Класс/группа', 'Класс (группа)', 'Наименование класса', 'Class', 'Class name', 'Form'],
  grade: ['Параллель', 'Год обучения', 'Grade'],
  letter: ['Литера', 'Литер', 'Буква', 'Буква класса', 'Литера класса', 'Letter'],
  email: [
    'Email',
    'E-mail',
    'Электронная почта',
    'Адрес электронной почты',
    'Эл. почта',
    'Эл. адрес',
    'Почта',
    'Email Address',
    'E-mail ученика',
    'Email ученика',
    'Электронная почта ученика',
  ],
  phone: [
    'Телефон',
    'Телефон ученика',
    'Мобильный телефон',
    'Моб. телефон',
    'Тел.',
    'Контактный телефон',
    'Phone',
    'Phone number',
    'Mobile',
  ],
  birthDate: ['Дата рождения', 'Дата рожд.', 'Д.р.', 'Date of birth', 'Birth date', 'Birthdate', 'Birthday', 'DOB'],
  birthYear: ['Год рождения', 'Год рожд.', 'Birth year', 'Year of birth'],
  sex: ['Пол', 'Sex', 'Gender'],
  login: ['Логин', 'Login', 'Username', 'User name', 'Имя пользователя'],
};

/** A header as compared: lower case, no parenthesised note, only letters and digits. */
export function headerKey(text: string): string {
  return text
    .replace(/\([^)]*\)|\[[^\]]*\]/g, '')
    .toLocaleLowerCase('ru')
    .replace(/[^\p{L}\d]/gu, '');
}

const fieldByKey = new Map<string, RosterField>();
for (const [field, names] of Object.entries(headerNames) as [RosterField, readonly string[]][]) {
  for (const name of names) fieldByKey.set(headerKey(name), field);
}

/** The field a header names, or null. */
export function fieldOfHeader(text: string): RosterField | null {
  const key = headerKey(text);
  const known = fieldByKey.get(key);
  if (known) return known;
  // «ФИО ребёнка», «ФИО (полностью)», «Фамилия, имя, отчество обучающегося»…
  if (key.startsWith('фио') || key.startsWith('фамилияимяотчество')) return 'fullName';
  return null;
}

export interface HeaderMatch {
  /** Index into the rows given. */
  rowIndex: number;
  columns: RosterColumn[];
}

function namesPeople(fields: ReadonlySet<RosterField>): boolean {
  return fields.has('fullName') || (fields.has('last') && fields.has('first'));
}

/** The columns a row names, the first column winning when two name the same field. */
export function columnsOf(cells: readonly string[]): RosterColumn[] {
  const columns: RosterColumn[] = [];
  const seen = new Set<RosterField>();
  cells.forEach((cell, index) => {
    const field = fieldOfHeader(cell);
    if (!field || seen.has(field)) return;
    seen.add(field);
    columns.push({ field, header: cell.trim(), index, letter: columnLetter(index) });
  });
  // A full-name column beside separate name columns is a display copy: the parts win.
  if (seen.has('last') && seen.has('first')) return columns.filter((column) => column.field !== 'fullName');
  return columns;
}

/** The header among the first rows, or null when none of them names the people. */
export function findHeader(rows: readonly (readonly string[])[]): HeaderMatch | null {
  let best: HeaderMatch | null = null;
  rows.slice(0, headerSearchRows).forEach((cells, rowIndex) => {
    const columns = columnsOf(cells);
    if (!namesPeople(new Set(columns.map((column) => column.field)))) return;
    if (!best || columns.length > best.columns.length) best = { rowIndex, columns };
  });
  return best;
}
