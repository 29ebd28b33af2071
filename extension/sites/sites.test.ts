// Every adapter against every other's URLs, and every selector against the fixture pages it must
// match (our pages with demo people, and the structure references they were built from). A
// selector that breaks is found here, not by a teacher.
import { describe, expect, it } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { ParticipantIndex } from '../../shared/participants.ts';
import { fixture } from '../../tests/support/fixture-page.ts';
import { canvas } from './canvas.ts';
import { dnevnikRu } from './dnevnik-ru.ts';
import { eduTatar } from './edu-tatar.ts';
import { eljur } from './eljur.ts';
import { type AdapterFallback, readPage } from './fallback.ts';
import { generic } from './generic.ts';
import { googleClassroom } from './google-classroom.ts';
import { adapterFor, anyHost, isSupportedHost, siteAdapters } from './index.ts';
import { mesh } from './mesh.ts';
import { moodle } from './moodle.ts';
import { netschool } from './netschool.ts';
import { type NameLookup, peopleIn, type SiteAdapter } from './types.ts';

const noLookup: NameLookup = { mayBeSurname: () => false, matches: () => false };

describe('page detection', () => {
  it.each(siteAdapters.map((adapter) => [adapter.id, adapter] as const))(
    '%s is true for its own pages and false for every other',
    (_, adapter) => {
      for (const example of adapter.examples) expect(adapter.isPeoplePage(new URL(example)), example).toBe(true);
      for (const counter of adapter.counterExamples) expect(adapter.isPeoplePage(new URL(counter)), counter).toBe(false);
      for (const other of siteAdapters.filter((a) => a !== adapter)) {
        for (const example of other.examples) expect(adapter.isPeoplePage(new URL(example)), `${other.id}: ${example}`).toBe(false);
      }
    },
  );
  it('knows the supported hosts (adding them on the options page is pointless)', () => {
    for (const host of [
      'classroom.google.com',
      'schools.dnevnik.ru',
      'school.mos.ru',
      'authedu.mosreg.ru',
      'gym5.eljur.ru',
      'edu.tatar.ru',
    ])
      expect(isSupportedHost(host), host).toBe(true);
    for (const host of ['journal.school17.example.ru', 'eljur.ru.evil.example', 'notdnevnik.ru'])
      expect(isSupportedHost(host), host).toBe(false);
  });

  it('picks the adapter by the hosts it declares: each example on a known host goes to its own adapter, and nobody else claims it', () => {
    for (const adapter of siteAdapters) {
      expect(adapter.matches.length, adapter.id).toBeGreaterThan(0);
      for (const example of adapter.examples) {
        const claimedBy = siteAdapters.filter((other) => other.matches.some((pattern) => new MatchPattern(pattern).includes(example)));
        // Moodle's and Canvas's examples include schools' own hosts: those are added on the options page.
        if (claimedBy.length > 0)
          expect(
            claimedBy.map((other) => other.id),
            example,
          ).toEqual([adapter.id]);
        if (claimedBy.length > 0) expect(adapterFor(example)?.id, example).toBe(adapter.id);
      }
    }
    expect(adapterFor('https://journal.school17.example.ru/teacher/study-process/journal/grade/1')).toBeNull();
    expect(adapterFor('https://classroom.google.com.evil.example/u/0/r/x/sort-name')).toBeNull();
  });
});

/** [adapter, fixture, URL, names the adapter must find, in page order] */
const pages: [SiteAdapter, string, string, string[]][] = [
  [
    googleClassroom,
    'google-classroom-people.html',
    'https://classroom.google.com/u/0/r/NjQ2NTQ3MjY1NjQy/sort-name',
    ['Лев Иванов', 'Анна Карпова', 'Мария Карпова', 'Даниил Кудрявцев', 'Константин Сорокин', 'Дарина Степанова', 'Василиса Воробьёва'],
  ],
  [
    dnevnikRu,
    'dnevnik-ru.html',
    'https://schools.dnevnik.ru/journals/journalclassical.aspx?school=1',
    [
      'Алексеева Есения',
      'Воробьёва Василиса',
      'Гаврилова Дарья',
      'Гаврилова Елена',
      'Карпова Анна',
      'Карпова Мария',
      'Кудрявцев Даниил',
      'Сорокин Константин',
      'Степанова Дарина',
    ],
  ],
  [
    mesh,
    'mesh.html',
    'https://school.mos.ru/teacher/study-process/journal/grade/1',
    [
      'Воробьёва Василиса',
      'Иванов Евгений',
      'Иванов Лев',
      'Карпова Анна',
      'Карпова Мария',
      'Кудрявцев Даниил',
      'Кудрявцев Никита',
      'Степанова Дарина',
    ],
  ],
  [
    netschool,
    'netschool.html',
    'https://deti.obr03.ru/app/school/journal/',
    [
      'Абрамов Александр',
      'Воробьёва Василиса',
      'Иванов Лев',
      'Исаева Елена',
      'Карпова Мария',
      'Новиков Даниил',
      'Сорокин Роман',
      'Чернышёва Варвара',
    ],
  ],
  [
    eljur,
    'eljur.html',
    'https://school17.eljur.ru/journal-app/view.journal/',
    [
      'Абрамов Тимур',
      'Герасимов Андрей',
      'Зайцев Павел',
      'Иванов Лев',
      'Карпов Александр',
      'Киселёва Варвара',
      'Медведева Ксения',
      'Яковлев Сергей',
    ],
  ],
  [
    eduTatar,
    'edu-tatar.html',
    'https://edu.tatar.ru/school/journal/school_editor?term=2',
    [
      'Гаврилова Дарья Артёмовна',
      'Карпова Анна Олеговна',
      'Карпова Мария Алексеевна',
      'Карпова Мария Игоревна',
      'Марков Никита Михайлович',
      'Новиков Даниил Семёнович',
      'Степанова Юлия Никитична',
      'Чернышёва Варвара Михайловна',
    ],
  ],
  [
    moodle,
    'moodle-participants.html',
    'https://school17.moodlecloud.com/user/index.php?id=42',
    [
      'Амина Алексеева',
      'Кирилл Волков',
      'Елизавета Данилова',
      'Матвей Денисов',
      'Михаил Кудрявцев',
      'Полина Новикова',
      'Софья Тихонова',
      'Даниил Кудрявцев',
    ],
  ],
  [
    moodle,
    'moodle-grader.html',
    'https://school17.moodlecloud.com/grade/report/grader/index.php?id=77',
    ['Василиса Воробьёва', 'Лев Иванов', 'Анна Карпова', 'Мария Карпова', 'Даниил Кудрявцев', 'Константин Сорокин', 'Дарина Степанова'],
  ],
  // Canvas's three generations of the People page show the same course.
  ...['canvas-people.html', 'canvas-people-react.html', 'canvas-people-modern.html'].map(
    (file): [SiteAdapter, string, string, string[]] => [
      canvas,
      file,
      'https://school17.instructure.com/courses/910/users',
      ['Лев Иванов', 'Анна Карпова', 'Мария Карпова', 'Мария Карпова', 'Даниил Кудрявцев', 'Роман Сорокин', 'Дарина Степанова'],
    ],
  ),
];

describe('selectors on our fixture pages', () => {
  it.each(pages)('%s finds every pupil in %s', (adapter, file, url, names) => {
    const document = fixture(file, url);
    const people = peopleIn(adapter.findPeople(document, noLookup));
    expect(people.map((p) => p.name)).toEqual(names);
    // The badge goes after a node that belongs to the person's row and prints their name.
    for (const person of people) expect(person.anchor.textContent?.replace(/\s+/g, ' ')).toContain(person.name.split(' ')[0]);
  });

  it('reads the class each journal is for', () => {
    const classOf = (adapter: SiteAdapter, file: string) => peopleIn(adapter.findPeople(fixture(file), noLookup))[0]?.className;
    expect(classOf(dnevnikRu, 'dnevnik-ru.html')).toBe('10б');
    expect(classOf(mesh, 'mesh.html')).toBeNull(); // a group journal for several classes
    expect(classOf(netschool, 'netschool.html')).toBe('10б');
    expect(classOf(eljur, 'eljur.html')).toBe('8б');
    expect(classOf(eduTatar, 'edu-tatar.html')).toBe('10б');
    // МЭШ's heading, NetSchool's attendance filter (PCLID), and each row's section in Canvas's three generations.
    expect(classOf(mesh, 'reference/mesh-school-mos.html')).toBe('9в');
    const attendance = fixture('reference/netschool-sgo.html', 'https://deti.obr03.ru/app/school/journal/attendance/');
    attendance.querySelector('select[name="PCLID_IUP"]')?.setAttribute('name', 'PCLID');
    expect(peopleIn(netschool.findPeople(attendance, noLookup))[0]?.className).toBe('6в');
    for (const file of ['canvas-people.html', 'canvas-people-react.html', 'canvas-people-modern.html']) {
      const classes = peopleIn(canvas.findPeople(fixture(file), noLookup)).map((p) => p.className);
      expect(classes, file).toEqual(['8б', '10б', '10б', '9б', '10а', '10б', '10б']);
    }
  });

  it('gives МЭШ rows the pupil id of their mark cells, and Canvas rows their user id in every generation', () => {
    const [vera] = peopleIn(mesh.findPeople(fixture('reference/mesh-school-mos.html'), noLookup));
    expect(vera).toMatchObject({ name: 'Абрамова Вера Игоревна', externalId: { system: 'mesh', id: '30011' } });
    for (const file of ['canvas-people.html', 'canvas-people-react.html', 'canvas-people-modern.html']) {
      expect(peopleIn(canvas.findPeople(fixture(file), noLookup))[0]?.externalId, file).toEqual({ system: 'canvas', id: '5001' });
    }
  });

  it('takes the whole name from МЭШ’s title where the text is shortened, and keeps a row whose cell prints a number', () => {
    const people = peopleIn(mesh.findPeople(fixture('mesh.html'), noLookup));
    expect(people.find((p) => p.name === 'Карпова Мария')?.anchor.textContent).toBe('Карпова М.');
  });

  it('strips NetSchool’s «1. » numbering and whatever is not a name', () => {
    const document = fixture('netschool.html');
    expect(peopleIn(netschool.findPeople(document, noLookup))[0]?.anchor.textContent).toBe('1. Абрамов Александр');
    document.body.innerHTML = `<div id="journal-container"><table class="journal-student"><tr class="journal-row"><td class="student-name">
      <span>  12)  Иванов   Лев (н/а) 4,5 </span></td></tr></table></div>`;
    expect(peopleIn(netschool.findPeople(document, noLookup)).map((p) => p.name)).toEqual(['Иванов Лев']);
  });

  it('reads ЭлЖур’s row label from the text where name="" holds no name, and never its column title', () => {
    const document = fixture('eljur.html', 'https://school17.eljur.ru/journal-app/view.journal/');
    document.body.innerHTML = `<div xls="hcolumn"><div class="cell" name="Фамилия, имя"><div>Фамилия, имя</div></div>
      <div class="cell" name="31044"><div class="cell-data"> 1. Иванов  Лев </div></div></div>`;
    expect(peopleIn(eljur.findPeople(document, noLookup)).map((p) => p.name)).toEqual(['Иванов Лев']);
  });

  it('reads a Moodle 3.x grader whose fixed column (tr#fixed_user_{id}) is a table of its own', () => {
    const document = fixture('moodle-grader.html', 'https://school17.moodlecloud.com/grade/report/grader/index.php?id=77');
    document.body.innerHTML = `<div class="left_scroller"><table id="fixed_column"><tbody><tr id="fixed_user_5" class="r0">
      <th class="header user c0" scope="row"><a href="https://school17.moodlecloud.com/user/view.php?id=5&amp;course=77">Лев Иванов</a></th>
      </tr></tbody></table></div>`;
    expect(peopleIn(moodle.findPeople(document, noLookup))).toMatchObject([
      { name: 'Лев Иванов', externalId: { system: 'moodle', id: '5' } },
    ]);
  });

  it('gives Classroom rows their Google user id', () => {
    const [first] = peopleIn(googleClassroom.findPeople(fixture('google-classroom-people.html'), noLookup));
    expect(first?.externalId).toEqual({ system: 'google', id: '112000000000000000396' });
  });
});

/** [adapter, reference fixture, how many people the selectors must find] */
const references: [SiteAdapter, string, number][] = [
  [googleClassroom, 'google-classroom-people.html', 8],
  [dnevnikRu, 'dnevnik-ru.html', 8],
  [mesh, 'mesh-school-mos.html', 8],
  [netschool, 'netschool-sgo.html', 8],
  [eljur, 'eljur.html', 8],
  [eduTatar, 'edu-tatar.html', 8],
  [moodle, 'moodle-participants.html', 8],
  [moodle, 'moodle-grader.html', 8],
  [canvas, 'canvas-people.html', 8],
];

describe('selectors on the structure references', () => {
  it.each(references)('%s finds %s’s pupils', (adapter, file, count) => {
    const people = peopleIn(adapter.findPeople(fixture(`reference/${file}`), noLookup));
    expect(people).toHaveLength(count);
    for (const person of people) expect(person.name).toMatch(/^\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+( \p{Lu}\p{Ll}+)?$/u);
  });
});

describe('names in free text (a host the school added)', () => {
  const index = new ParticipantIndex([
    {
      member: {
        person_id: 'a',
        role: 'mentee',
        last_name: 'Иванов',
        first_name: 'Лев',
        middle_name: 'Львович',
        class_name: '8Б',
        google_user_id: null,
        kind: 'student',
        sex: null,
      },
      groups: [],
    },
    {
      member: {
        person_id: 'b',
        role: 'mentee',
        last_name: 'Карпова',
        first_name: 'Мария',
        middle_name: 'Алексеевна',
        class_name: '10Б',
        google_user_id: null,
        kind: 'student',
        sex: null,
      },
      groups: [],
    },
    {
      member: {
        person_id: 'c',
        role: 'mentee',
        last_name: 'Кудрявцев',
        first_name: 'Даниил',
        middle_name: 'Маркович',
        class_name: '10А',
        google_user_id: null,
        kind: 'student',
        sex: null,
      },
      groups: [],
    },
  ]);
  const lookup: NameLookup = { mayBeSurname: (t) => index.hasSurname(t), matches: (n) => index.resolve({ name: n }).kind !== 'none' };

  it('finds each spelling once, and nothing hidden or in scripts', () => {
    const people = peopleIn(generic.findPeople(fixture('generic-journal.html'), lookup));
    expect(people.map((p) => p.name)).toEqual(['иванов лев львович', 'карпова м а', 'кудрявцев д м']);
  });
  it('uses the family adapter when a school-added host serves a known app', () => {
    const document = fixture('mesh.html', 'https://myschool.example-region.ru/teacher/study-process/journal/grade/5');
    expect(peopleIn(anyHost.findPeople(document, lookup))).toHaveLength(8);
    expect(
      peopleIn(anyHost.findPeople(fixture('mesh.html', 'https://myschool.example-region.ru/other'), lookup)).map((p) => p.name),
    ).toEqual(['иванов лев', 'карпова м', 'кудрявцев даниил']);
  });
});

describe('a site that changed its markup: the adapter finds its page but no names (issue 17)', () => {
  const index = new ParticipantIndex(
    [
      ['a', 'Иванов', 'Лев', '10Б'],
      ['b', 'Карпова', 'Мария', '10Б'],
      ['c', 'Кудрявцев', 'Даниил', '10Б'],
    ].map(([person_id = '', last = '', first = '', class_name = '']) => ({
      member: {
        person_id,
        role: 'mentee',
        last_name: last,
        first_name: first,
        middle_name: null,
        class_name,
        google_user_id: null,
        kind: 'student',
        sex: null,
      },
      groups: [],
    })),
  );
  const lookup: NameLookup = { mayBeSurname: (t) => index.hasSurname(t), matches: (n) => index.resolve({ name: n }).kind !== 'none' };
  const read = (adapter: SiteAdapter, file: string, url: string) => {
    const reports: AdapterFallback[] = [];
    const people = peopleIn(readPage(adapter, fixture(file, url), lookup, new URL(url), (report) => reports.push(report)));
    return { names: people.map((p) => p.name), reports };
  };

  /** [adapter, fixture, URL, the page kind reported] */
  const broken: [SiteAdapter, string, string, string][] = [
    [netschool, 'fallback/netschool.html', 'https://deti.obr03.ru/app/school/journal/', 'journal'],
    [eljur, 'fallback/eljur.html', 'https://edu.rk.gov.ru/journal-app/view.journal/', 'journal'],
    [mesh, 'fallback/mesh.html', 'https://ms-edu.tatar.ru/teacher/study-process/journal/grade/5', 'journal'],
    [dnevnikRu, 'fallback/dnevnik-ru.html', 'https://schools.dnevnik.ru/journals/journalclassical.aspx?school=1', 'journal'],
    [canvas, 'fallback/canvas.html', 'https://school17.instructure.com/courses/910/users', 'people'],
    [googleClassroom, 'fallback/google-classroom.html', 'https://classroom.google.com/r/NjQ2NTQ3MjY1NjQy/sort-name', 'people'],
    [moodle, 'fallback/moodle.html', 'https://school17.moodlecloud.com/user/index.php?id=42', 'participants'],
    [eduTatar, 'fallback/edu-tatar.html', 'https://edu.tatar.ru/school/journal/school_editor?term=2', 'journal'],
  ];

  it.each(broken)('%s: reads the names in the text and reports the page (%s)', (adapter, file, url, pageKind) => {
    expect(peopleIn(adapter.findPeople(fixture(file, url), lookup))).toEqual([]);
    const { names, reports } = read(adapter, file, url);
    expect(names).toHaveLength(3);
    expect(reports).toEqual([{ site: adapter.id, pageKind }]);
  });

  it('every site with a list of its own is covered by a fallback fixture', () => {
    const covered = new Set(broken.map(([adapter]) => adapter.id));
    for (const adapter of siteAdapters.filter((a) => a.listsEveryone)) expect(covered.has(adapter.id), adapter.id).toBe(true);
  });

  it('reads as usual and reports nothing where the adapter finds names, or where its list is not there yet', () => {
    expect(read(mesh, 'mesh.html', 'https://school.mos.ru/teacher/study-process/journal/grade/1').reports).toEqual([]);
    // A journal page still loading (no table yet): names in the text, but no report.
    const url = 'https://school.mos.ru/teacher/study-process/journal/grade/1';
    const loading = fixture('fallback/mesh.html', url);
    loading.querySelector('table')?.replaceWith(...(loading.querySelector('table')?.querySelectorAll('span') ?? []));
    const reports: AdapterFallback[] = [];
    const names = peopleIn(readPage(mesh, loading, lookup, new URL(url), (report) => reports.push(report))).map((p) => p.name);
    expect({ names, reports }).toEqual({ names: ['иванов лев', 'карпова мария', 'кудрявцев даниил'], reports: [] });
  });

  it('reads Дневник.ру’s /v2/ journal and Classroom’s Grades by name, with no report (no markup is known there)', () => {
    const v2 = read(dnevnikRu, 'dnevnik-ru-v2.html', 'https://schools.kundelik.kz/v2/journals/journal?group=1');
    expect(v2).toEqual({ names: ['карпова мария', 'кудрявцев даниил'], reports: [] });
    // The names read in the text keep the class the page names: a namesake in another class stays someone else.
    const url = 'https://schools.kundelik.kz/v2/journals/journal?group=1';
    const classes = peopleIn(readPage(dnevnikRu, fixture('dnevnik-ru-v2.html', url), lookup, new URL(url), () => undefined)).map(
      (p) => p.className,
    );
    expect(classes).toEqual(['10б', '10б']);
    const grades = 'https://classroom.google.com/c/NjQ2NTQ3MjY1NjQy/gb/sort-name';
    expect(read(googleClassroom, 'google-classroom-grades.html', grades).reports).toEqual([]);
    expect(peopleIn(googleClassroom.findPeople(fixture('google-classroom-grades.html', grades), lookup)).map((p) => p.name)).toEqual([
      'lev ivanov',
      'mariya karpova',
      'daniil kudryavtsev',
    ]);
  });
});
