// Two schools in one fresh database: the demo school, and a second copy of it under other ids and
// e-mails, so that every test can show that nothing crosses organisations.
import type { Claims, Database } from '../../functions/db/database.ts';
import { demoUuid, loadDemoSchool, readDemoSchool } from '../../functions/db/demo-school.ts';
import { migrate } from '../../functions/db/migrate.ts';
import { freshDatabase } from './database.ts';

export const otherSchool = 'other-school';

export interface TwoSchools {
  db: Database;
  url: string | null;
  schoolA: string;
  schoolB: string;
  /** Ids of a demo record (`s-0001`, `g-84`, …) in school A, or in school B with `otherSchool`. */
  id(key: string, school?: string): string;
  /** The claims the API would verify for this demo person. */
  claims(personKey: string, school?: string): Claims;
  dispose(): Promise<void>;
}

export async function twoSchools(): Promise<TwoSchools> {
  const fresh = await freshDatabase();
  await migrate(fresh.db);
  const demo = await readDemoSchool();
  const schoolA = await loadDemoSchool(fresh.db, demo, { createAuthUsers: true });
  const schoolB = await loadDemoSchool(fresh.db, demo, { createAuthUsers: true, namespace: otherSchool });
  const id = (key: string, school?: string) => demoUuid(school ? `${school}/${key}` : key);
  return {
    ...fresh,
    schoolA,
    schoolB,
    id,
    claims: (personKey, school) => ({
      sub: id(`user/${personKey}`, school),
      role: 'authenticated',
      aud: 'authenticated',
      exp: Math.floor(Date.now() / 1000) + 3600,
    }),
  };
}

/** Demo people with a known place in the programme (see supabase/demo/school.json). */
export const people = {
  head: 't-0554', // Воронина Варвара Львовна, директор
  curator: 't-0555', // Королёв Арсений Павлович, куратор
  mentor: 't-0574', // Новикова Полина, mentor of g-84 (учитель – талантливый ученик), homeroom teacher of 10А
  plainMentor: 't-0579', // Коновалов Владимир, mentor of g-85, no class of his own
  mentee: 's-0482', // Карпова Мария, 10Б, mentee in g-84
  otherMentor: 't-0559', // Титова Дарья, mentor of g-81 and g-74
  bystander: 's-0483', // Степанова Дарина, 10Б, in no group
} as const;

export const groups = {
  mentors: 'g-84', // Новикова → Иванов Лев (8Б), Кудрявцев Даниил (10А), Карпова Мария (10Б)
  other: 'g-81', // Титова → Бондаренко, Воробьёва, Королёв
  plainMentors: 'g-85', // Коновалов → Савельев (11А), Гаврилова (10Б), Новиков (10Б)
} as const;
