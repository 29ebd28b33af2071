import { type MessageKey, pickLanguage, translate } from '../../shared/i18n/index.ts';

export const language = pickLanguage(typeof navigator === 'undefined' ? [] : navigator.languages);

/** The interface text for `key` in the browser's language (Russian first). */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return translate(language, key, params);
}
