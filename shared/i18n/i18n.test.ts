import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { pickLanguage, translate } from './index.ts';
import { ru } from './ru.ts';

describe('strings', () => {
  it('has the same keys in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ru).sort());
  });
  it('fills placeholders', () => {
    expect(translate('ru', 'popup.queueWaiting', { count: 3 })).toBe('Ждут отправки: 3');
    expect(translate('en', 'popup.lastMet', { days: 5 })).toBe('Last met 5 days ago');
  });
  it('prefers Russian, then English, and falls back to Russian', () => {
    expect(pickLanguage(['ru-RU', 'en'])).toBe('ru');
    expect(pickLanguage(['en-GB'])).toBe('en');
    expect(pickLanguage(['de', 'en-US'])).toBe('en');
    expect(pickLanguage(['tt'])).toBe('ru');
  });
});
