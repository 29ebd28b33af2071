// Stage 2: a guardian's consent to processing a child's personal data for the mentoring programme
// (152-ФЗ, art. 9), one per child, filled with the child's name, class and the school.
import { docx, heading, paragraph, signature } from './docx.ts';
import { fullName, type Named, type SchoolData } from './school-data.ts';

export const consentFormVersion = '1';

export function consentForm(
  data: SchoolData,
  child: Named & { class_name: string | null; birth_year: number | null },
): Promise<Uint8Array> {
  const childText = `${fullName(child)}${child.birth_year ? `, ${child.birth_year} г. р.` : ''}${child.class_name ? `, обучающегося(-ейся) ${child.class_name} класса` : ''}`;
  return docx(`Согласие на обработку персональных данных: ${fullName(child)}`, [
    heading('СОГЛАСИЕ'),
    heading('законного представителя на обработку персональных данных несовершеннолетнего'),
    paragraph(
      'Я, ____________________________________________________________ (фамилия, имя, отчество), паспорт ______ № ________, выдан ______________________________, являясь законным представителем (родителем, опекуном)',
      { indent: false },
    ),
    paragraph(childText, { indent: false, bold: true }),
    paragraph(
      `в соответствии со статьёй 9 Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных» даю согласие ${data.school.name} на обработку персональных данных моего ребёнка (фамилия, имя, отчество, класс, год рождения, контактные данные, сведения об участии и результатах в программе наставничества) в целях участия в «${data.programme.name}» (${data.programme.academic_year} учебный год).`,
    ),
    paragraph(
      'Согласие даётся на сбор, запись, систематизацию, хранение, уточнение, использование, обезличивание и уничтожение персональных данных, в том числе с использованием средств автоматизации; данные хранятся в базах данных, находящихся на территории Российской Федерации.',
    ),
    paragraph(
      'Согласие действует до окончания программы наставничества и может быть отозвано мною в любое время письменным заявлением; отзыв согласия прекращает участие ребёнка в программе.',
    ),
    paragraph(`Версия формы согласия: ${consentFormVersion}.`, { indent: false }),
    signature('«___» ____________ 20__ г.', '(подпись, расшифровка)'),
  ]);
}
