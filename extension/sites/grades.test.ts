// The journal's grades and attendance for a pupil, read from the fixture pages the adapters are
// tested on. Each expected line below is copied by hand from the fixture's row as it prints it (the
// header's dates, the cells' marks), and the figures are computed here from that copy, not by the
// code under test.
import { describe, expect, it } from 'vitest';
import { fixture } from '../../tests/support/fixture-page.ts';
import { dnevnikRu } from './dnevnik-ru.ts';
import { eduTatar } from './edu-tatar.ts';
import { eljur } from './eljur.ts';
import { gradeReaders, headerDate, journalHeading, journalLessons, journalOutcomes, journalRecord, schoolYearOf } from './grades.ts';
import { mesh } from './mesh.ts';
import { netschool } from './netschool.ts';
import { type NameLookup, peopleIn, type SiteAdapter } from './types.ts';

const noLookup: NameLookup = { mayBeSurname: () => false, matches: () => false };
const today = '2026-12-02';
const wholeYear = { from: '2026-09-01', to: '2027-08-31' };

/** The element the adapter finds a pupil's name in, on a fixture page. */
function nameOn(adapter: SiteAdapter, page: string, name: string, url?: string): Element {
  const document = fixture(page, url);
  const person = peopleIn(adapter.findPeople(document, noLookup)).find((p) => p.name === name);
  if (!person) throw new Error(`${name} is not found on ${page}`);
  return (person.anchor.nodeType === 1 ? person.anchor : person.anchor.parentElement) as Element;
}

/** The figures of a hand-copied line: [date, cell text][] — marks 1–5 (with + or −), «н» for an absence. */
function expected(line: [string, string][]) {
  const grades = line.flatMap(([, cell]) => cell.split('/').flatMap((m) => (/^[1-5][+-]?$/.test(m) ? [Number(m[0])] : [])));
  const absences = line.filter(([, cell]) => cell.toLowerCase() === 'н').length;
  const sum = grades.reduce((a, b) => a + b, 0);
  return {
    grades,
    average: grades.length ? Math.round((sum / grades.length) * 100) / 100 : null,
    lessons: line.length,
    absences,
    attendance: line.length ? Math.round(((line.length - absences) / line.length) * 1000) / 1000 : null,
  };
}

describe('dates in a journal column header', () => {
  it('reads «12.09», «12 сен», a day under a month row, and puts each month in the school year', () => {
    expect(headerDate(['12.09'], 2026)).toBe('2026-09-12');
    expect(headerDate(['12.01'], 2026)).toBe('2027-01-12');
    expect(headerDate(['12 сен'], 2026)).toBe('2026-09-12');
    expect(headerDate(['3 марта'], 2026)).toBe('2027-03-03');
    expect(headerDate(['Май', 'Пн 12'], 2026)).toBe('2027-05-12');
    expect(headerDate(['Ноябрь', '11', 'П'], 2026)).toBe('2026-11-11');
    expect(headerDate(['05.02.2025'], 2026)).toBe('2025-02-05');
    expect(headerDate(['31.02'], 2026)).toBeNull();
    for (const notADate of ['II', 'Ср. балл', '4,50', 'Четв.', 'Пн 12', '']) expect(headerDate([notADate], 2026)).toBeNull();
    expect([schoolYearOf('2026-12-02'), schoolYearOf('2027-03-01'), schoolYearOf('2026-09-01'), schoolYearOf('2026-08-31')]).toEqual([
      2026, 2026, 2026, 2025,
    ]);
  });
});

describe('grades and attendance from a journal row', () => {
  it('Дневник.ру (classic): the dates from the cells’ ids, the year from the heading «2026/2027»', () => {
    const anchor = nameOn(dnevnikRu, 'dnevnik-ru.html', 'Карпова Мария');
    const lessons = journalLessons('dnevnik-ru', anchor, '2030-01-01');
    const line: [string, string][] = [
      ['2026-11-11', '5'],
      ['2026-11-13', ''],
      ['2026-11-18', 'Н'],
      ['2026-11-20', '4'],
    ];
    expect(lessons?.map((l) => l.on)).toEqual(line.map(([on]) => on));
    expect(journalRecord(lessons ?? [], wholeYear)).toEqual({ ...expected(line), outside: 0 });
    expect(journalHeading('dnevnik-ru', anchor.ownerDocument)).toEqual({ subject: 'Физика', period: 'II четверть' });
  });

  it('Сетевой город: names and marks in two tables, a month row over the days', () => {
    const anchor = nameOn(netschool, 'netschool.html', 'Воробьёва Василиса', 'https://sgo.example.ru/app/school/journal/');
    const line: [string, string][] = [
      ['2026-11-11', 'н'],
      ['2026-11-13', '3'],
      ['2026-11-18', ''],
      ['2026-11-20', 'н'],
    ];
    const lessons = journalLessons('netschool', anchor, today);
    expect(lessons?.map((l) => l.on)).toEqual(line.map(([on]) => on));
    expect(journalRecord(lessons ?? [], wholeYear)).toEqual({ ...expected(line), outside: 0 });
    // Another row: the 5th of each table.
    const karpova = journalLessons(
      'netschool',
      nameOn(netschool, 'netschool.html', 'Карпова Мария', 'https://sgo.example.ru/app/school/journal/'),
      today,
    );
    expect(journalRecord(karpova ?? [], wholeYear).grades).toEqual([4, 3, 5]);
    expect(journalHeading('netschool', anchor.ownerDocument)).toEqual({ subject: 'Физика', period: '2 четверть' });
  });

  it('ЭлЖур: the grid of divs, the pupil’s cell in each lesson column', () => {
    const anchor = nameOn(eljur, 'eljur.html', 'Иванов Лев', 'https://school.eljur.ru/journal-app/view.journal/');
    const line: [string, string][] = [
      ['2026-11-12', ''],
      ['2026-11-14', '2'],
      ['2026-11-19', '5'],
    ];
    const lessons = journalLessons('eljur', anchor, today);
    expect(lessons?.map((l) => l.on)).toEqual(line.map(([on]) => on));
    expect(journalRecord(lessons ?? [], wholeYear)).toEqual({ ...expected(line), outside: 0 });
    expect(journalHeading('eljur', anchor.ownerDocument).subject).toBe('Физика');
  });

  it('МЭШ: lesson columns only (not the final mark nor the average)', () => {
    const url = 'https://school.mos.ru/teacher/study-process/journal/grade/123';
    const anchor = nameOn(mesh, 'mesh.html', 'Карпова Мария', url);
    const line: [string, string][] = [
      ['2026-12-02', '2'],
      ['2026-12-04', 'н'],
      ['2026-12-09', ''],
    ];
    const lessons = journalLessons('mesh', anchor, today);
    expect(lessons?.filter((l) => l.on).map((l) => l.on)).toEqual(line.map(([on]) => on));
    // The final mark «5» and the average «4,50» print no date: never counted.
    expect(journalRecord(lessons ?? [], wholeYear)).toEqual({ ...expected(line), outside: 0 });
    expect(journalHeading('mesh', anchor.ownerDocument).subject).toBe('Физика, олимпиадная группа');
  });

  it('edu.tatar.ru: a month row, a day row and a lesson-kind row over the columns', () => {
    const anchor = nameOn(eduTatar, 'edu-tatar.html', 'Карпова Мария Алексеевна', 'https://edu.tatar.ru/school/journal/school_editor?x=1');
    const line: [string, string][] = [
      ['2026-11-11', '5'],
      ['2026-11-14', ''],
      ['2026-11-18', '4'],
      ['2026-11-21', '5'],
    ];
    const lessons = journalLessons('edu-tatar', anchor, today);
    expect(lessons?.filter((l) => l.on).map((l) => l.on)).toEqual(line.map(([on]) => on));
    // «Ср.» (4,67) and «Четв.» (5) are not lessons.
    expect(journalRecord(lessons ?? [], wholeYear)).toEqual({ ...expected(line), outside: 0 });
    expect(journalHeading('edu-tatar', anchor.ownerDocument).subject).toBe('Физика');
  });

  it('the chosen period keeps only the columns whose date falls in it (both ends included)', () => {
    const lessons =
      journalLessons(
        'netschool',
        nameOn(netschool, 'netschool.html', 'Воробьёва Василиса', 'https://sgo.example.ru/app/school/journal/'),
        today,
      ) ?? [];
    // 13 to 18 November: the «3» of the 13th and the empty 18th; the absences of the 11th and the 20th are outside.
    const cut: [string, string][] = [
      ['2026-11-13', '3'],
      ['2026-11-18', ''],
    ];
    expect(journalRecord(lessons, { from: '2026-11-13', to: '2026-11-18' })).toEqual({ ...expected(cut), outside: 2 });
    // МЭШ on 2 December: the lessons of the 4th and the 9th have not happened yet.
    const mesh2 =
      journalLessons(
        'mesh',
        nameOn(mesh, 'mesh.html', 'Карпова Мария', 'https://school.mos.ru/teacher/study-process/journal/grade/1'),
        today,
      ) ?? [];
    expect(journalRecord(mesh2, { from: '2026-09-01', to: today })).toEqual({ ...expected([['2026-12-02', '2']]), outside: 2 });
    expect(journalRecord(lessons, { from: '2026-12-01', to: '2026-12-31' })).toEqual({
      grades: [],
      average: null,
      lessons: 0,
      absences: 0,
      attendance: null,
      outside: 4,
    });
  });

  it('«5/4» is two marks, «4-» and «4+» count as 4 (the reference Дневник.ру page)', () => {
    const anchor = nameOn(dnevnikRu, 'reference/dnevnik-ru.html', 'Белова Анастасия');
    const lessons = journalLessons('dnevnik-ru', anchor, today) ?? [];
    expect(journalRecord(lessons, { from: '2024-09-01', to: '2025-08-31' }).grades).toEqual([4, 5, 5, 5]);
    const egorov = journalLessons('dnevnik-ru', nameOn(dnevnikRu, 'reference/dnevnik-ru.html', 'Егоров Тимофей'), today) ?? [];
    expect(journalRecord(egorov, { from: '2024-09-01', to: '2025-08-31' }).grades).toEqual([4, 4, 3]);
  });

  it('the outcomes a reading gives, and nothing for a name outside a journal row', () => {
    const record = expected([
      ['2026-11-11', '5'],
      ['2026-11-18', 'н'],
    ]);
    expect(journalOutcomes(record, 'after', '2026-12-01', 'Дневник.ру')).toEqual([
      { metric_key: 'grade_average', value_after: 5, measured_after_on: '2026-12-01', source: 'Дневник.ру' },
      { metric_key: 'attendance_share', value_after: 0.5, measured_after_on: '2026-12-01', source: 'Дневник.ру' },
    ]);
    const document = fixture('dnevnik-ru.html');
    const loose = document.createElement('span');
    document.body.append(loose);
    expect(journalLessons('dnevnik-ru', loose, today)).toBeNull();
    expect(journalLessons('moodle', loose, today)).toBeNull();
    expect(Object.keys(gradeReaders).sort()).toEqual(['dnevnik-ru', 'edu-tatar', 'eljur', 'mesh', 'netschool']);
  });
});
