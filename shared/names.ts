// Russian ФИО as pages show them: «Иванов Иван Иванович», «Иванов И. И.», «Иван Иванов»,
// «ИВАНОВ И.И.», and Google accounts' Latin spellings («Mariya Karpova», «Lev Ivanov»). Pure
// functions, shared by the overlay (which names on a page are programme participants) and the
// API (roster import).

export interface PersonName {
  last_name: string;
  first_name: string;
  middle_name?: string | null;
}

/** Lower case, ё = е, one kind of dash; what two spellings of one name have in common. */
export function normalizeNamePart(part: string): string {
  return part
    .toLocaleLowerCase('ru')
    .replaceAll('ё', 'е')
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/[^\p{L}-]/gu, '');
}

/** The words of a text as written; initials («И.И.») become one word each. */
export function nameWords(text: string): string[] {
  return text
    .replace(/(\p{L})\.(?=\p{L})/gu, '$1. ')
    .split(/[\s,]/)
    .filter((word) => word.length > 0);
}

/** The words of a displayed name, normalised (see normalizeNamePart), for matching. */
export function nameTokens(display: string): string[] {
  return nameWords(display)
    .map(normalizeNamePart)
    .filter((token) => token.length > 0);
}

/** Which word comes first where nothing else tells: journals print «Фамилия Имя», Moodle, Classroom and Canvas «Имя Фамилия». */
export type NameOrder = 'family-first' | 'given-first';

export interface SplitName {
  last_name: string;
  first_name: string;
  middle_name: string | null;
  /** Only initials besides the surname («Иванов И. И.»): good for finding a person, not for creating one. */
  initialsOnly: boolean;
}

const femalePatronymic = /(вна|чна|кызы|гызы|ovna|evna|ichna)$/u;
const malePatronymic = /(вич|ич|оглы|улы|уулу|ovich|evich)$/u;
/** The second word of a Turkic patronymic («Ахмед оглы», «Рашид кызы»). */
const turkicPatronymicWord = /^(оглы|кызы|улы|уулу|гызы)$/iu;
const initialWord = /^\p{L}\.?$/u;

function isPatronymic(part: string): boolean {
  const normal = normalizeNamePart(part);
  return femalePatronymic.test(normal) || malePatronymic.test(normal);
}

/** «И» or «И.»: one letter, an initial. */
export function isInitial(word: string): boolean {
  return initialWord.test(word);
}

/** Whether a name part has only what names have: letters, hyphens, apostrophes, spaces, an initial's dot. */
export function isPlausibleNamePart(part: string): boolean {
  return /^[\p{L}][\p{L}\p{M}'’ -]*\.?$/u.test(part) && part.length <= 100;
}

/**
 * A name given in two fields, as Google accounts keep it (`family` and `given`): the given field
 * may end with a patronymic («Глеб Николаевич», «Рашид Ахмед оглы»), and an empty given field may
 * leave the whole ФИО in the family one («Иванов Иван Петрович»), which splitName reads.
 */
export function splitFamilyAndGiven(family: string, given: string): Omit<SplitName, 'initialsOnly'> {
  const givenWords = nameWords(given);
  if (givenWords.length === 0) {
    const whole = splitName(family);
    if (whole) return { last_name: whole.last_name, first_name: whole.first_name, middle_name: whole.middle_name };
  }
  const last = nameWords(family).join(' ');
  const lastGiven = givenWords.at(-1) as string;
  const turkic = givenWords.length >= 3 && turkicPatronymicWord.test(lastGiven);
  const patronymicWords = turkic ? 2 : givenWords.length >= 2 && isPatronymic(lastGiven) ? 1 : 0;
  return {
    last_name: last,
    first_name: givenWords.slice(0, givenWords.length - patronymicWords).join(' '),
    middle_name: patronymicWords ? givenWords.slice(-patronymicWords).join(' ') : null,
  };
}

const split = (last: string, first: string, middle: string | null = null): SplitName => ({
  last_name: last,
  first_name: first,
  middle_name: middle,
  initialsOnly: false,
});

/**
 * A person's name as one text — a journal page's «Иванов Иван Иванович», a roster's ФИО cell, a
 * Moodle «Иван Иванов» — as surname, first name and patronymic. The one splitter of the product:
 * - a list's numbering («1. Иванов Иван», «12) …») and a note in brackets («(она/её)») are dropped;
 * - a patronymic decides the order whatever `order` says: «Иванов Иван Иванович» and «Иван
 *   Иванович Иванов» are the same person; a two-word Turkic patronymic («Ахмед оглы») is one part;
 * - with no patronymic, `order` decides (a site says which it prints);
 * - «Иванов И. И.», «Иванов И.И.», «И. И. Иванов»: initials, flagged, dotted;
 * - a hyphenated surname is one word; a surname of two words is read when a patronymic pins the
 *   other parts («Мамин Сибиряк Дмитрий Наркисович»);
 * - letters are kept as written (ё stays ё; comparing is normalizeNamePart's job).
 * null when the text is not two to four parts (after the patronymic is joined); the letters are
 * not checked here (isPlausibleNamePart does that for whoever needs it).
 */
// Stryker disable next-line StringLiteral: any order but 'given-first' reads the family name first, so the default's text changes nothing
export function splitName(text: string, order: NameOrder = 'family-first'): SplitName | null {
  // The numbering's own end: a dot, a bracket or a space (what follows it nameWords drops).
  const words = nameWords(text.replace(/\(.*?\)/gu, ' ').replace(/^\s*№?\s*\d{1,4}[.)\s]/u, ''));
  const initials = words.filter(isInitial);
  if (initials.length > 0 && initials.length <= 2 && initials.length === words.length - 1) {
    const dotted = initials.map((word) => (word.endsWith('.') ? word : `${word}.`));
    const surname = words.find((word) => !isInitial(word)) as string;
    return { ...split(surname, dotted[0] as string, dotted[1] ?? null), initialsOnly: true };
  }
  const parts: string[] = [];
  for (const word of words) {
    if (parts.length > 0 && turkicPatronymicWord.test(word)) parts[parts.length - 1] += ` ${word}`;
    else parts.push(word);
  }
  if (parts.length === 2) {
    const [a, b] = parts as [string, string];
    return order === 'given-first' ? split(b, a) : split(a, b);
  }
  if (parts.length === 3) {
    const [a, b, c] = parts as [string, string, string];
    const patronymicLast = isPatronymic(c);
    const patronymicSecond = isPatronymic(b);
    if (patronymicLast && !patronymicSecond) return split(a, b, c);
    if (patronymicSecond && !patronymicLast) return split(c, a, b);
    return order === 'given-first' ? split(c, a, b) : split(a, b, c);
  }
  if (parts.length === 4) {
    const [a, b, c, d] = parts as [string, string, string, string];
    if (isPatronymic(d) && !isPatronymic(b)) return split(`${a} ${b}`, c, d);
    if (isPatronymic(b) && !isPatronymic(d)) return split(`${c} ${d}`, a, b);
  }
  return null;
}

const cyrillicToLatin: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'i',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
};

/** Spelling variants that Latin renderings of one Russian name differ by, folded to one form. */
function foldLatin(latin: string): string {
  return latin
    .replace(/ph/g, 'f')
    .replace(/x/g, 'ks')
    .replace(/w/g, 'v')
    .replace(/[yj]/g, 'i')
    .replace(/(^|[aeiou])ie/g, '$1e') // Yelena, Gurieva → Elena, Gureva (Е, ье)
    .replace(/io/g, 'e') // Pyotr, Semyon → Petr, Semen (ё = е)
    .replace(/ii+/g, 'i') // Dmitriy, Daniil, Mariya → dmitri, danil, maria
    .replace(/(t[sz]|cz)/g, 'ts')
    .replace(/c(?!h)/g, 'k')
    .replace(/(^|[^kzcs])h/g, '$1kh');
}

/**
 * A name part as a Latin skeleton in which «Кудрявцев», «Kudryavtsev» and «Kudriavtsev» agree:
 * for Google accounts whose names are written in Latin letters (issue 6).
 */
export function latinKey(part: string): string {
  const normal = normalizeNamePart(part);
  const latin = [...normal].map((letter) => cyrillicToLatin[letter] ?? letter).join('');
  return foldLatin(latin.replace(/[^a-z-]/g, ''));
}

const latinLetters = /[a-z]/;

/** Whether a token (as nameTokens gives it) is this name part: in full, or its initial. */
function matchesPart(token: string, part: string | null | undefined, initialAllowed: boolean): boolean {
  if (!part) return false;
  const full = normalizeNamePart(part);
  if (token === full) return true;
  if (latinLetters.test(token)) {
    const key = latinKey(full);
    if (token.length === 1) return initialAllowed && key.startsWith(token);
    return foldLatin(token) === key;
  }
  return initialAllowed && token.length === 1 && full.startsWith(token);
}

/**
 * Whether a displayed name is this person: the surname in full, the first name in full or as an
 * initial, the patronymic (if shown) in full or as an initial, in any order, nothing else. Latin
 * spellings count when they transliterate the same name.
 */
export function isNameOf(display: string, person: PersonName): boolean {
  return tokensAreNameOf(nameTokens(display), person);
}

/** isNameOf for a display already split by nameTokens (the overlay splits each name once). */
export function tokensAreNameOf(tokens: readonly string[], person: PersonName): boolean {
  // Two or three words: one word leaves no first name (found below), four are not one person's name.
  if (tokens.length > 3) return false;
  const lastAt = tokens.findIndex((token) => matchesPart(token, person.last_name, false));
  if (lastAt === -1) return false;
  const rest = tokens.filter((_, i) => i !== lastAt);
  const firstAt = rest.findIndex((token) => matchesPart(token, person.first_name, true));
  if (firstAt === -1) return false;
  const others = rest.filter((_, i) => i !== firstAt);
  return others.every((token) => matchesPart(token, person.middle_name, true));
}

/** The keys under which a surname is looked up: as printed in Cyrillic, and its Latin skeleton. */
export function surnameKeys(surname: string): string[] {
  return [normalizeNamePart(surname), latinKey(surname)];
}

/** The key a token on a page is looked up with (see surnameKeys). */
export function tokenKey(token: string): string {
  return latinLetters.test(token) ? foldLatin(token) : token;
}

/** Everyone among `people` whose name the displayed text is; more than one means ambiguous. */
export function findByName<T extends PersonName>(display: string, people: readonly T[]): T[] {
  return people.filter((person) => isNameOf(display, person));
}

/** «Фамилия Имя Отчество» as the journals print it. */
export function fullName(person: PersonName): string {
  return [person.last_name, person.first_name, person.middle_name].filter(Boolean).join(' ');
}

/** «Фамилия Имя», as a mentor thinks of their mentee. */
export function givenAndFamilyName(person: PersonName): string {
  return `${person.last_name} ${person.first_name}`;
}

/** «Фамилия И. О.», for tight spaces. */
export function shortName(person: PersonName): string {
  const initials = [person.first_name, person.middle_name]
    .filter((part): part is string => Boolean(part))
    .map((part) => `${part[0]}.`)
    .join(' ');
  return `${person.last_name} ${initials}`.trim();
}

/**
 * A school class as journals print it («10Б», «10-Б», «10 б», «10«Б»», «9-В») reduced to one
 * form («10б»); null when the text is not a class.
 */
export function normalizeClassName(text: string): string | null {
  const match = /^\s*(\d{1,2})\s*[-‐‑–—]?\s*[«"]?([а-яё])[»"]?\s*(класс)?\s*$/iu.exec(text);
  if (!match?.[1] || !match[2]) return null;
  return `${Number.parseInt(match[1], 10)}${match[2].toLocaleLowerCase('ru').replace('ё', 'е')}`;
}

/**
 * The class a page heading names («Алгебра — 7А», «2024/2025 учебный год, 7А», «Физика, 9-В»), or
 * null when it names none or several (a journal for several classes tells namesakes apart by nothing).
 */
export function classNameIn(text: string): string | null {
  const found = new Set<string>();
  for (const match of text.matchAll(/(?<![\p{L}\d/])(\d{1,2})\s*[-‐‑–—]?\s*[«"]?([А-ЯЁа-яё])[»"]?(?![\p{L}\d])/gu)) {
    // A number and a letter: always a class to normalizeClassName.
    found.add(normalizeClassName(`${match[1]}${match[2]}`) as string);
  }
  return found.size === 1 ? ([...found][0] ?? null) : null;
}

export type Sex = 'f' | 'm';

const femaleSurname = /(ова|ева|ина|ына|ская|цкая|ая)$/u;
const maleSurname = /(ов|ев|ин|ын|ский|цкий|ый|ий)$/u;

/**
 * A person's sex for the words that agree with it («Наставляемая», «ученица»): the data's own
 * `sex` when it has one, otherwise the patronymic (-вна / -вич: certain), otherwise a Russian
 * surname's ending (Карпова / Карпов); null when neither says (Ким, Дюма, Latin spellings).
 * First names are not used: Никита, Илья and Саша end like girls' names.
 */
export function sexOf(person: PersonName & { sex?: string | null }): Sex | null {
  if (person.sex === 'f' || person.sex === 'm') return person.sex;
  // «Рашид кызы» reads as «рашидкызы»: normalizeNamePart keeps letters only.
  if (person.middle_name) {
    const middle = normalizeNamePart(person.middle_name);
    if (femalePatronymic.test(middle)) return 'f';
    if (malePatronymic.test(middle)) return 'm';
  }
  const last = normalizeNamePart(person.last_name);
  if (!/[а-я]/.test(last) || last.length < 4) return null;
  if (femaleSurname.test(last)) return 'f';
  if (maleSurname.test(last)) return 'm';
  return null;
}
