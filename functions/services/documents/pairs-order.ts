// Stage 5: the order fixing the mentoring pairs and groups (приказ о закреплении наставнических
// пар / групп): every pair the order published, by form and role model.
import { acquainted, headSignature, orderHeader } from './common.ts';
import { clause, docx, paragraph, table } from './docx.ts';
import { fullName, type PublishedPair, russianDate, type SchoolData } from './school-data.ts';

const people = (list: PublishedPair['mentors']) => list.map((p) => `${fullName(p)}${p.detail ? ` (${p.detail})` : ''}`).join(', ');

export function pairsOrder(data: SchoolData, pairs: readonly PublishedPair[]): Promise<Uint8Array> {
  const latest = pairs[0];
  const rows = pairs.map((pair, i) => [
    String(i + 1),
    people(pair.mentors),
    people(pair.mentees),
    `${pair.form_label}; ${pair.role_model_label}`,
  ]);
  return docx('Приказ о закреплении наставнических пар', [
    ...orderHeader(
      data,
      'О закреплении наставнических пар (групп)',
      latest?.order_number ?? '____',
      latest?.order_date ? russianDate(latest.order_date) : undefined,
    ),
    paragraph(
      `В соответствии с Положением о программе наставничества, по итогам формирования баз наставляемых и наставников, отбора и обучения наставников в рамках «${data.programme.name}»`,
    ),
    paragraph('ПРИКАЗЫВАЮ:', { indent: false, bold: true }),
    clause('1', `Закрепить наставнические пары (группы) на ${data.programme.academic_year} учебный год согласно списку (${pairs.length}):`),
    table(['№', 'Наставник', 'Наставляемый', 'Форма; ролевая модель'], rows),
    clause('2', 'Наставникам: провести встречу-знакомство в течение двух недель, составить с наставляемым индивидуальный план развития.'),
    clause('3', 'Куратору: осуществлять мониторинг работы пар (групп), собирать обратную связь после встреч.'),
    clause('4', 'Контроль за исполнением приказа оставляю за собой.'),
    headSignature(data),
    ...acquainted(data),
  ]);
}
