import { en } from './en.ts';
import { type MessageKey, ru } from './ru.ts';

export type { MessageKey };
export type Language = 'ru' | 'en';

const dictionaries: Record<Language, Record<MessageKey, string>> = { ru, en };

/** Russian for Russian-language browsers and by default; English for English ones. */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'ru') return 'ru';
    if (base === 'en') return 'en';
  }
  return 'ru';
}

/** Whether a key built at run time («curator.countOf.» + a catalog key) has a text. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(ru, key);
}

/** A catalog entry as the catalog names it ({key, label_ru, label_en}), in `language`; its key where it has no label. */
export function entryLabel(language: Language, entry: { key: string; label_ru: string; label_en: string }): string {
  return (language === 'en' ? entry.label_en : entry.label_ru) || entry.key;
}

/** The text for `key` with `{name}` placeholders filled in. */
export function translate(language: Language, key: MessageKey, params: Record<string, string | number> = {}): string {
  return dictionaries[language][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Keys whose text depends on a number: `key.one`, `key.few`, `key.many` in every language. */
export type CountedKey = { [K in MessageKey]: K extends `${infer Base}.many` ? Base : never }[MessageKey];
/** Keys with a feminine form `key.f` (the masculine, `key`, is the default). */
export type GenderedKey = { [K in MessageKey]: K extends `${infer Base}.f` ? (Base extends MessageKey ? Base : never) : never }[MessageKey];

export type PluralForm = 'one' | 'few' | 'many';

const pluralRules = new Map<Language, Intl.PluralRules>();

/**
 * The form a noun takes after `count` (Intl.PluralRules): Russian 1, 21 → one («встреча»),
 * 2–4, 22–24 → few («встречи»), 0, 5–20, 11–14 → many («встреч»); English one or many.
 */
export function pluralForm(language: Language, count: number): PluralForm {
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(language);
    pluralRules.set(language, rules);
  }
  const category = rules.select(count);
  return category === 'one' || category === 'few' ? category : 'many';
}

/** The text for a number: «1 пара», «3 пары», «11 пар»; `{count}` is filled in. */
export function translateCount(language: Language, key: CountedKey, count: number, params: Record<string, string | number> = {}): string {
  return translate(language, `${key}.${pluralForm(language, count)}` as MessageKey, { ...params, count });
}

/** The word in the person's gender: «Наставляемая» for a woman or girl, the masculine otherwise (and when unknown). */
export function translateFor(
  language: Language,
  key: GenderedKey,
  sex: 'f' | 'm' | null | undefined,
  params: Record<string, string | number> = {},
): string {
  return translate(language, (sex === 'f' ? `${key}.f` : key) as MessageKey, params);
}
