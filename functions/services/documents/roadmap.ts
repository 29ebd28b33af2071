// Stage 1: the roadmap (дорожная карта) of introducing the target model: every stage's checklist
// as the school's own timetable for the academic year, and who is responsible.
import { approvedBy } from './common.ts';
import { docx, heading, table } from './docx.ts';
import { fullName, type SchoolData } from './school-data.ts';

/** When each stage runs in an academic year beginning in September. */
const terms = ['август – сентябрь', 'сентябрь', 'сентябрь', 'сентябрь – октябрь', 'октябрь', 'октябрь – апрель', 'май'];

export function roadmap(data: SchoolData): Promise<Uint8Array> {
  const [first, second] = data.programme.academic_year.split('/');
  const responsible = data.curators.map(fullName).join(', ') || 'куратор';
  const rows = data.stages.flatMap((stage) =>
    stage.items.map((item, i) => [
      i === 0 ? `${stage.number}. ${stage.label_ru}` : '',
      item,
      `${terms[stage.number - 1] ?? ''} ${stage.number >= 6 ? `${first}–${second}` : first}`,
      responsible,
    ]),
  );
  return docx('Дорожная карта внедрения целевой модели наставничества', [
    ...approvedBy(data),
    heading('ДОРОЖНАЯ КАРТА'),
    heading(`внедрения целевой модели наставничества в ${data.school.name} на ${data.programme.academic_year} учебный год`),
    table(['Этап', 'Мероприятие', 'Срок', 'Ответственный'], rows),
  ]);
}
