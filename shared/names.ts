// Russian ФИО as pages show them: «Иванов Иван Иванович», «Иванов И. И.», «Иван Иванов»,
// «ИВАНОВ И.И.». Pure functions, shared by the overlay (which names on a page are programme
// participants) and the API (roster import).

export interface PersonName {
  last: string;
  first: string;
  middle?: string | null;
}

/** Lower case, ё = е, one kind of dash; what two spellings of one name have in common. */
export function normalizeNamePart(part: string): string {
  return part
    .toLocaleLowerCase('ru')
    .replaceAll('ё', 'е')
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/[^\p{L}-]/gu, '');
}

/** The words of a displayed name; initials («И.И.») become one word each. */
export function nameTokens(display: string): string[] {
  return display
    .replace(/(\p{L})\.(?=\p{L})/gu, '$1. ')
    .split(/[\s,]+/)
    .map(normalizeNamePart)
    .filter((token) => token.length > 0);
}

function matchesGivenName(token: string, name: string | null | undefined): boolean {
  if (!name) return false;
  const full = normalizeNamePart(name);
  return token === full || (token.length === 1 && full.startsWith(token));
}

/**
 * Whether a displayed name is this person: the surname in full, the first name in full or as an
 * initial, the patronymic (if shown) in full or as an initial, in any order, nothing else.
 */
export function isNameOf(display: string, person: PersonName): boolean {
  const tokens = nameTokens(display);
  const last = normalizeNamePart(person.last);
  const lastAt = tokens.indexOf(last);
  if (lastAt === -1 || tokens.length < 2 || tokens.length > 3) return false;
  const rest = tokens.filter((_, i) => i !== lastAt);
  const firstAt = rest.findIndex((token) => matchesGivenName(token, person.first));
  if (firstAt === -1) return false;
  const others = rest.filter((_, i) => i !== firstAt);
  return others.every((token) => matchesGivenName(token, person.middle));
}

/** Everyone among `people` whose name the displayed text is; more than one means ambiguous. */
export function findByName<T extends PersonName>(display: string, people: readonly T[]): T[] {
  return people.filter((person) => isNameOf(display, person));
}

/** «Фамилия Имя Отчество» as the journals print it. */
export function fullName(person: PersonName): string {
  return [person.last, person.first, person.middle].filter(Boolean).join(' ');
}

/** «Фамилия Имя», as a mentor thinks of their mentee. */
export function givenAndFamilyName(person: PersonName): string {
  return `${person.last} ${person.first}`;
}

/** «Фамилия И. О.», for tight spaces. */
export function shortName(person: PersonName): string {
  const initials = [person.first, person.middle]
    .filter((part): part is string => Boolean(part))
    .map((part) => `${part[0]}.`)
    .join(' ');
  return `${person.last} ${initials}`.trim();
}
