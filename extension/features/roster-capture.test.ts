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
    expect(roster?.rows).toHaveLength(10);
    expect(roster?.className).toBe('10б');
    expect(roster?.rows[0]).toEqual({ last_name: 'Алексеева', first_name: 'Есения', middle_name: null, class_name: '10Б' });
    expect(roster?.rows).toContainEqual({ last_name: 'Петрова', first_name: 'Злата', middle_name: null, class_name: '10Б' });
  });

  it('reads Moodle’s «Имя Фамилия» with the surname in its place, no class', () => {
    const roster = readPageRoster(moodle, page('moodle-participants.html', participants), new URL(participants));
    expect(roster?.className).toBeNull();
    expect(roster?.rows).toContainEqual({ last_name: 'Данилова', first_name: 'Елизавета', middle_name: null, class_name: null });
  });

  it('on a school-added host, reads the page through its family’s adapter', () => {
    const url = 'https://lms.school17.example.ru/moodle/user/index.php?id=42';
    const roster = readPageRoster(anyHost, page('moodle-participants.html', url), new URL(url));
    expect(roster?.rows).toContainEqual(expect.objectContaining({ last_name: 'Волков', first_name: 'Кирилл' }));
  });

  it('offers nothing off a people page, or where names are only found in free text', () => {
    const off = 'https://schools.dnevnik.ru/user/user.aspx?user=1';
    expect(readPageRoster(dnevnikRu, page('dnevnik-ru.html', off), new URL(off))).toBeNull();
    const own = 'https://journal.school17.example.ru/classes/physics';
    expect(readPageRoster(generic, page('generic-journal.html', own), new URL(own))).toBeNull();
    expect(readPageRoster(anyHost, page('generic-journal.html', own), new URL(own))).toBeNull();
  });
});
