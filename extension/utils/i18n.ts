import { type MessageKey, pickLanguage, translate } from '../../shared/i18n/index.ts';

export const language = pickLanguage(typeof navigator === 'undefined' ? [] : navigator.languages);

/** The interface text for `key` in the browser's language (Russian first). */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return translate(language, key, params);
}

/** A group's role model as the catalog names it, in the person's language. */
export function roleModelLabel(group: { role_model: string; role_model_label_en: string }): string {
  return language === 'en' ? group.role_model_label_en || group.role_model : group.role_model;
}
