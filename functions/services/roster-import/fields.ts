// One cell's text to the value the import stores, or the reason it cannot be. Pure and small, one
// function per kind of value; rows.ts puts them together.
import { normalizeClassName } from '../../../shared/names.ts';
import { excelSerialToIsoDate, parseDate } from './dates.ts';
import type { Sex } from './types.ts';

/** Spaces as one space, no-break and zero-width ones included. */
export function cleanText(text: string): string {
  return text
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** «ИВАНОВ» → «Иванов», «РИМСКИЙ-КОРСАКОВ» → «Римский-Корсаков»; mixed case is left as written. */
export function nameCase(word: string): string {
  // A word without letters of either case (digits, a dash) or of one capital («И») comes out of the
  // lines below as it went in.
  if (word !== word.toLocaleUpperCase('ru')) return word;
  return word
    .toLocaleLowerCase('ru')
    .replace(/(^|[-'’\s])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toLocaleUpperCase('ru'));
}

export type Parsed<T> = { ok: true; value: T } | { ok: false };

export function parseEmail(text: string): Parsed<string> {
  const value = cleanText(text)
    .replace(/^mailto:/i, '')
    .toLowerCase();
  const ok = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:".]+(\.[^\s@<>()[\],;:".]+)+$/u.test(value) && value.length <= 254;
  return ok ? { ok: true, value } : { ok: false };
}

/** Latin letters that look like Cyrillic ones, typed into «7A» by a keyboard left in English. */
const lookalikes: Record<string, string> = {
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
  Y: 'У',
};

/** «7А», «7а», «7-А», «7 "А"», «7A» (Latin), «7а класс» → «7А»; grades 1 to 11 only. */
export function parseClassName(text: string): Parsed<string> {
  const cyrillic = cleanText(text).replace(/[A-Za-z]/g, (letter) => lookalikes[letter.toUpperCase()] ?? letter);
  // A grade with no letter («11», «11 класс»): a school with one class in a grade names it so, and the
  // methodology asks for none (classes.name is free text, its grade 1–11).
  const bare = /^(\d{1,2})(\s*класс)?$/iu.exec(cyrillic)?.[1];
  if (bare) {
    const grade = Number.parseInt(bare, 10);
    return grade >= 1 && grade <= 11 ? { ok: true, value: String(grade) } : { ok: false };
  }
  const normal = normalizeClassName(cyrillic);
  const grade = normal ? Number.parseInt(normal, 10) : 0;
  if (!normal || grade < 1 || grade > 11) return { ok: false };
  return { ok: true, value: `${grade}${normal.slice(String(grade).length).toLocaleUpperCase('ru')}` };
}

/** «Параллель» and «Литера» columns together: «7» (or «7 класс») and «А»; both are needed. */
export function parseGradeAndLetter(grade: string, letter: string): Parsed<string> {
  const number = /\d{1,2}/.exec(grade)?.[0];
  // A «Параллель» column is a grade, not a class: without its «Литера» it names no class.
  if (!number || !cleanText(letter)) return { ok: false };
  return parseClassName(`${number}${cleanText(letter)}`);
}

export function parseSex(text: string): Parsed<Sex> {
  const key = cleanText(text).toLocaleLowerCase('ru').replace(/\.$/, '');
  if (['м', 'муж', 'мужской', 'мальчик', 'm', 'male', 'man', 'boy'].includes(key)) return { ok: true, value: 'm' };
  if (['ж', 'жен', 'женский', 'девочка', 'f', 'female', 'woman', 'girl'].includes(key)) return { ok: true, value: 'f' };
  return { ok: false };
}

/** Russian numbers as +7XXXXXXXXXX («8 (916) 123-45-67», «9161234567»); others as written. */
export function parsePhone(text: string): Parsed<string> {
  const value = cleanText(text);
  const digits = value.replace(/\D/g, '');
  if (digits.length === 11 && (digits[0] === '7' || digits[0] === '8')) return { ok: true, value: `+7${digits.slice(1)}` };
  if (digits.length === 10 && digits[0] === '9') return { ok: true, value: `+7${digits}` };
  if (digits.length >= 5 && /^[+\d\s()./,;-]+$/.test(value)) return { ok: true, value };
  return { ok: false };
}

export interface BirthDate {
  date: string | null;
  /** A year alone has no date, but a date always has a year. */
  year: number;
}

/**
 * A date of birth cell: a date in any of the written forms, an ISO date from a spreadsheet's date
 * cell, an Excel serial number left unformatted, or just a year.
 */
export function parseBirthDate(text: string): Parsed<BirthDate> {
  const value = cleanText(text);
  const year = /^(\d{4})(?:\s*г(?:од)?\.?)?$/u.exec(value)?.[1];
  if (year) return { ok: true, value: { date: null, year: Number(year) } };
  const serial = /^\d{5}(?:\.\d+)?$/.test(value) ? excelSerialToIsoDate(Number(value)) : null;
  const date = serial ?? parseDate(value);
  if (date) return { ok: true, value: { date, year: Number(date.slice(0, 4)) } };
  return { ok: false };
}

/** The year a person could be born in to be at school or work now: 1900 to four years ago. */
export function isPossibleBirthYear(year: number, today: Date): boolean {
  return Number.isInteger(year) && year >= 1900 && year <= today.getUTCFullYear() - 4;
}
