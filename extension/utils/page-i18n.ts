// The overlay's words inside a journal page, in the browser's language: only shared/i18n/page.ts
// reaches the content script (the full dictionaries, every dashboard screen's text, stay out of it).
import { pickLanguage } from '../../shared/i18n/index.ts';
import { type PageKey, pageEn, pageRu } from '../../shared/i18n/page.ts';

const words: Record<PageKey, string> = pickLanguage(typeof navigator === 'undefined' ? [] : navigator.languages) === 'en' ? pageEn : pageRu;

/** The overlay's text for `key`. */
export function pageWord(key: PageKey): string {
  return words[key];
}

/** A role in the person's gender («Наставляемая» for a girl or woman; the masculine when unknown). */
export function pageRole(role: 'mentor' | 'mentee', sex: 'f' | 'm' | null | undefined): string {
  return words[role === 'mentor' ? 'role.mentor' : sex === 'f' ? 'role.mentee.f' : 'role.mentee'];
}
