import type { CatalogEntry } from '../../shared/api/common.ts';
import {
  type CountedKey,
  entryLabel,
  type GenderedKey,
  type MessageKey,
  pickLanguage,
  translate,
  translateCount,
  translateFor,
} from '../../shared/i18n/index.ts';

export const language = pickLanguage(typeof navigator === 'undefined' ? [] : navigator.languages);

/** The interface text for `key` in the browser's language (Russian first). */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return translate(language, key, params);
}

/** The text for a number, in the right plural form («3 встречи ждут отправки»). */
export function tn(key: CountedKey, count: number, params?: Record<string, string | number>): string {
  return translateCount(language, key, count, params);
}

/** The word in the person's gender («Наставляемая»); the masculine when unknown. */
export function tg(key: GenderedKey, sex: 'f' | 'm' | null | undefined, params?: Record<string, string | number>): string {
  return translateFor(language, key, sex, params);
}

/** A catalog entry (a form, a role model) as the catalog names it, in the person's language. */
export function catalogLabel(entry: CatalogEntry): string {
  return entryLabel(language, entry);
}

/** A number as the person's language writes it: «0,75» and «1 234» in Russian, «0.75» in English. */
export function formatNumber(value: number, maximumFractionDigits = 2): string {
  return value.toLocaleString(language, { maximumFractionDigits });
}
