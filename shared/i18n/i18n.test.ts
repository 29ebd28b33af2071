import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { pickLanguage, pluralForm, translate, translateCount, translateFor } from './index.ts';
import { ru } from './ru.ts';

describe('strings', () => {
  it('has the same keys in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ru).sort());
  });
  it('fills placeholders', () => {
    expect(translate('ru', 'options.signedInAs', { name: 'Карпова Мария', email: 'm@x' })).toBe('Вы вошли как Карпова Мария (m@x)');
  });
  it('says numbers in their plural form (one / few / many), never «дн.» or «чел.»', () => {
    expect([1, 2, 5, 11, 21, 22, 25, 111, 0].map((n) => pluralForm('ru', n))).toEqual([
      'one',
      'few',
      'many',
      'many',
      'one',
      'few',
      'many',
      'many',
      'many',
    ]);
    expect(translateCount('ru', 'popup.lastMet', 1)).toBe('Последняя встреча 1 день назад');
    expect(translateCount('ru', 'popup.lastMet', 3)).toBe('Последняя встреча 3 дня назад');
    expect(translateCount('ru', 'popup.lastMet', 12)).toBe('Последняя встреча 12 дней назад');
    expect(translateCount('ru', 'popup.queueWaiting', 3)).toBe('3 встречи ждут отправки');
    expect(translateCount('ru', 'curator.warning.never_met', 76)).toBe('76 пар ещё ни разу не встречались');
    expect(translateCount('ru', 'roster.onPageClass', 10, { className: '10Б' })).toBe('На странице 10 человек, класс 10Б.');
    expect(translateCount('en', 'popup.lastMet', 1)).toBe('Last met 1 day ago');
    expect(translateCount('en', 'popup.lastMet', 5)).toBe('Last met 5 days ago');
  });
  it('has every counted text in all three forms and every gendered word in both, in both languages', () => {
    for (const dictionary of [ru, en]) {
      const keys = Object.keys(dictionary);
      for (const key of keys.filter((k) => /\.(one|few|many)$/.test(k))) {
        const base = key.replace(/\.(one|few|many)$/, '');
        for (const form of ['one', 'few', 'many']) expect(keys, `${base}.${form}`).toContain(`${base}.${form}`);
        expect(dictionary[key as keyof typeof ru]).toContain('{count}');
      }
      for (const key of keys.filter((k) => k.endsWith('.f'))) expect(keys).toContain(key.slice(0, -2));
    }
  });
  it('agrees with the person’s gender', () => {
    expect(translateFor('ru', 'role.mentee', 'f')).toBe('Наставляемая');
    expect(translateFor('ru', 'role.mentee', 'm')).toBe('Наставляемый');
    expect(translateFor('ru', 'role.mentee', null)).toBe('Наставляемый');
    expect(translateFor('ru', 'person.student', 'f')).toBe('ученица');
  });
  it('prefers Russian, then English, and falls back to Russian', () => {
    expect(pickLanguage(['ru-RU', 'en'])).toBe('ru');
    expect(pickLanguage(['en-GB'])).toBe('en');
    expect(pickLanguage(['de', 'en-US'])).toBe('en');
    expect(pickLanguage(['tt'])).toBe('ru');
  });
});
