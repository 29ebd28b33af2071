import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { dnevnikRu } from '../sites/dnevnik-ru.ts';
import { generic } from '../sites/generic.ts';
import { anyHost } from '../sites/index.ts';
import { moodle } from '../sites/moodle.ts';
import { readPageRoster } from './roster-capture.ts';

function page(name: string, url: string): Document {
  const { document } = parseHTML(readFileSync(new URL(`../../tests/fixtures/pages/${name}`, import.meta.url), 'utf8'));
  Object.defineProperty(document, 'location', { value: new URL(url) });
  return document;
}

const journal = 'https://schools.dnevnik.ru/journals/journalclassical.aspx?school=1&group=2';
const participants = 'https://school17.moodlecloud.com/user/index.php?id=42';

describe('readPageRoster', () => {
  it('reads a class journal: every pupil, the class from the heading', () => {
    const roster = readPageRoster(dnevnikRu, page('dnevnik-ru-new-pupil.html', journal), new URL(journal));
    expect(roster?.rows).toBe(10);
    expect(roster?.className).toBe('10б');
    expect(roster?.csv.split('\r\n').slice(0, 2)).toEqual(['Фамилия;Имя;Отчество;Класс', 'Алексеева;Есения;;10Б']);
    expect(roster?.csv).toContain('Петрова;Злата;;10Б');
  });

  it('reads Moodle’s «Имя Фамилия» with the surname in its place, no class', () => {
    const roster = readPageRoster(moodle, page('moodle-participants.html', participants), new URL(participants));
    expect(roster?.className).toBeNull();
    expect(roster?.csv).toContain('Данилова;Елизавета;;\r\n');
  });

  it('on a school-added host, reads the page through its family’s adapter', () => {
    const url = 'https://lms.school17.example.ru/moodle/user/index.php?id=42';
    const roster = readPageRoster(anyHost, page('moodle-participants.html', url), new URL(url));
    expect(roster?.csv).toContain('Волков;Кирилл;;');
  });

  it('offers nothing off a people page, or where names are only found in free text', () => {
    const off = 'https://schools.dnevnik.ru/user/user.aspx?user=1';
    expect(readPageRoster(dnevnikRu, page('dnevnik-ru.html', off), new URL(off))).toBeNull();
    const own = 'https://journal.school17.example.ru/classes/physics';
    expect(readPageRoster(generic, page('generic-journal.html', own), new URL(own))).toBeNull();
    expect(readPageRoster(anyHost, page('generic-journal.html', own), new URL(own))).toBeNull();
  });
});
