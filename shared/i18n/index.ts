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

/** The text for `key` with `{name}` placeholders filled in. */
export function translate(language: Language, key: MessageKey, params: Record<string, string | number> = {}): string {
  return dictionaries[language][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
