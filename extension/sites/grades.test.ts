// The journal's grades and attendance for a pupil, read from the fixture pages the adapters are
// tested on: each figure checked against the row as the fixture writes it.
import { describe, expect, it } from 'vitest';
import { fixture } from '../../tests/support/fixture-page.ts';
import { dnevnikRu } from './dnevnik-ru.ts';
import { journalOutcomes, journalRecordOf } from './grades.ts';
import { type NameLookup, peopleIn } from './types.ts';

const noLookup: NameLookup = { mayBeSurname: () => false, matches: () => false };

describe('grades and attendance from a journal row', () => {
  it('Дневник.ру: the 5 and the 4 of the period, one absence in four lessons', () => {
    const document = fixture('dnevnik-ru.html');
    const pupil = peopleIn(dnevnikRu.findPeople(document, noLookup)).find((p) => p.name === 'Карпова Мария');
    expect(pupil).toBeDefined();
    const record = journalRecordOf(pupil?.anchor as Element);
    expect(record).toEqual({ grades: [5, 4], average: 4.5, lessons: 4, absences: 1, attendance: 0.75 });
    expect(journalOutcomes(record as NonNullable<typeof record>, 'after', '2026-12-01', 'Дневник.ру')).toEqual([
      { metric_key: 'grade_average', value_after: 4.5, measured_after_on: '2026-12-01', source: 'Дневник.ру' },
      { metric_key: 'attendance_share', value_after: 0.75, measured_after_on: '2026-12-01', source: 'Дневник.ру' },
    ]);
  });

  it('a name outside a table row gives nothing, and a row without lessons no shares', () => {
    const document = fixture('dnevnik-ru.html');
    const loose = document.createElement('span');
    document.body.append(loose);
    expect(journalRecordOf(loose)).toBeNull();
    const row = document.createElement('tr');
    row.innerHTML = '<td><a>Иванов Иван</a></td>';
    document.querySelector('table')?.append(row);
    expect(journalRecordOf(row.querySelector('a') as Element)).toEqual({
      grades: [],
      average: null,
      lessons: 0,
      absences: 0,
      attendance: null,
    });
  });
});
