// Reading a pass over the page in slices: paused after any value and resumed, a pass finds exactly
// what it finds read at once, and a large page gives the overlay places to pause often.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { GroupMember } from '../../shared/api/me.ts';
import { ParticipantIndex } from '../../shared/participants.ts';
import { generic } from '../sites/generic.ts';
import { moodle } from '../sites/moodle.ts';
import { checkpoint, type Finding, type NameLookup, type PersonOnPage, peopleIn } from '../sites/types.ts';
import { readUntil } from './slices.ts';

const member = (person_id: string, last_name: string, first_name: string): GroupMember => ({
  person_id,
  role: 'mentee',
  last_name,
  first_name,
  middle_name: null,
  class_name: null,
  google_user_id: null,
  kind: 'student',
  sex: null,
});
const index = new ParticipantIndex(
  [member('s-0396', 'Иванов', 'Лев'), member('s-0460', 'Кудрявцев', 'Даниил'), member('s-0482', 'Карпова', 'Мария')].map((m) => ({
    member: m,
    groups: [],
  })),
);
const lookup: NameLookup = { mayBeSurname: (t) => index.hasSurname(t), matches: (n) => index.resolve({ name: n }).kind !== 'none' };
const participant = (person: PersonOnPage) => index.resolve(person).kind !== 'none';

/** A Moodle participants table of `count` rows, the three mentees among them; their names also in a hidden block and a script. */
function thousand(count = 1000): Document {
  const others = ['Сорокин Константин', 'Степанова Дарина', 'Воробьёва Василиса', 'Денисов Матвей'];
  const rows = Array.from({ length: count }, (_, i) => {
    const name = i === 250 ? 'Лев Иванов' : i === 500 ? 'Даниил Кудрявцев' : i === 750 ? 'Мария Карпова' : (others[i % 4] as string);
    return `<tr><td><input type="checkbox"></td><th class="cell c1" scope="row"><a href="/user/view.php?id=${i}&amp;course=42">${name}</a></th><td>u${i}@school17.example.ru</td><td>Студент</td></tr>`;
  }).join('\n');
  const { document } = parseHTML(`<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"></head><body>
<table id="participants"><tbody id="rows">${rows}</tbody></table>
<div style="display:none">Карпова Мария</div><script>window.roster = ['Иванов Лев'];</script></body></html>`);
  return document as unknown as Document;
}

/** Reads a pass paused after every single value, as the overlay would on a very slow machine; how many slices it took. */
function readPausedEverywhere(findings: Iterable<Finding>): { people: PersonOnPage[]; slices: number } {
  const iterator = findings[Symbol.iterator]();
  const people: PersonOnPage[] = [];
  let slices = 1;
  while (!readUntil(iterator, people, participant, 0, () => 1)) slices += 1;
  return { people, slices };
}

describe('a pass in slices', () => {
  it('the generic finder, paused after every value, finds the same people as read at once, nothing hidden or in scripts', () => {
    const document = thousand();
    const atOnce = peopleIn(generic.findPeople(document, lookup)).filter(participant);
    const { people, slices } = readPausedEverywhere(generic.findPeople(document, lookup));
    expect(people.map((p) => p.name)).toEqual(['лев иванов', 'даниил кудрявцев', 'мария карпова']);
    expect(people).toEqual(atOnce);
    // Somewhere to pause every few text nodes, though only three of thousands hold a name.
    expect(slices).toBeGreaterThan(4000 / 16);
  });

  it('a site adapter that yields, paused after every person, finds the same people', () => {
    const document = thousand();
    const atOnce = peopleIn(moodle.findPeople(document, lookup)).filter(participant);
    const { people, slices } = readPausedEverywhere(moodle.findPeople(document, lookup));
    expect(people.map((p) => p.name)).toEqual(['Лев Иванов', 'Даниил Кудрявцев', 'Мария Карпова']);
    expect(people).toEqual(atOnce);
    expect(slices).toBeGreaterThanOrEqual(1000);
  });

  it('an adapter that returns an array is read in one slice', () => {
    const person: PersonOnPage = {
      anchor: thousand(1).body,
      name: 'Мария Карпова',
      externalId: null,
      className: null,
      listKind: 'unknown',
    };
    const people: PersonOnPage[] = [];
    expect(readUntil([person][Symbol.iterator](), people, participant, Number.POSITIVE_INFINITY)).toBe(true);
    expect(people).toEqual([person]);
  });

  it('stops as soon as the slice’s time is up, keeping only participants, and goes on from there', () => {
    let clock = 0;
    const now = () => ++clock;
    const findings = generic.findPeople(thousand(), lookup)[Symbol.iterator]();
    const people: PersonOnPage[] = [];
    expect(readUntil(findings, people, participant, 5, now)).toBe(false);
    expect(clock).toBe(5); // five values read, the clock read after each
    expect(people).toEqual([]);
    expect(readUntil(findings, people, participant, Number.POSITIVE_INFINITY, now)).toBe(true);
    expect(people).toHaveLength(3);
  });

  it('a page with no badges yet reads on past the slice’s time until its first participant, then stops at once', () => {
    let clock = 0;
    const now = () => ++clock;
    const document = thousand(300);
    // A table found at once (as Дневник.ру's adapter finds it): the first row is nobody's mentee.
    const findings = peopleIn(moodle.findPeople(document, lookup))[Symbol.iterator]();
    const people: PersonOnPage[] = [];
    expect(readUntil(findings, people, participant, 1, now, 1000)).toBe(false);
    // Row 250 is the first mentee: read on to it (the clock long past 1), and not one row more.
    expect(people.map((p) => p.name)).toEqual(['Лев Иванов']);
    expect(clock).toBe(251);
    // Without `firstBy`, the slice stops after the first row, with nobody to draw.
    const again = peopleIn(moodle.findPeople(document, lookup))[Symbol.iterator]();
    const none: PersonOnPage[] = [];
    expect(readUntil(again, none, participant, 1, now)).toBe(false);
    expect(none).toEqual([]);
  });

  it('a first slice that finds nobody stops at `firstBy`', () => {
    let clock = 0;
    const findings = peopleIn(moodle.findPeople(thousand(300), lookup))[Symbol.iterator]();
    const people: PersonOnPage[] = [];
    expect(readUntil(findings, people, participant, 1, () => ++clock, 100)).toBe(false);
    expect(clock).toBe(100);
    expect(people).toEqual([]);
  });

  it('the generic finder yields a checkpoint at least every 16 text nodes', () => {
    let sinceLast = 0;
    let longest = 0;
    for (const finding of generic.findPeople(thousand(), lookup)) {
      if (finding === checkpoint) {
        longest = Math.max(longest, sinceLast);
        sinceLast = 0;
      } else sinceLast += 1;
    }
    // Only people between checkpoints here, and at most the names of 16 text nodes.
    expect(longest).toBeLessThanOrEqual(16);
  });

  it('a second pass over the same Moodle page gives the same people, and a link that now prints another name is read again', () => {
    const document = thousand(300);
    const first = peopleIn(moodle.findPeople(document, lookup));
    expect(peopleIn(moodle.findPeople(document, lookup))).toEqual(first);
    const link = first[250]?.anchor as Element;
    link.textContent = 'Мария Карпова';
    const again = peopleIn(moodle.findPeople(document, lookup));
    expect(again[250]?.name).toBe('Мария Карпова');
    expect(again.filter(participant).map((p) => p.name)).toEqual(['Мария Карпова']);
  });
});
