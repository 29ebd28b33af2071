// Stage 7: a letter of thanks to a mentor (благодарственное письмо), signed by the head: what the
// mentor did in the programme — their groups, mentees and meetings — counted from the records.
import type { CompletionReport } from '../../../shared/api/monitoring.ts';
import { translate, translateCount } from '../../../shared/i18n/index.ts';
import { fullName } from '../../../shared/names.ts';
import { docx, heading, paragraph, signature } from './docx.ts';

export interface LetterContext {
  school: string;
  academicYear: string;
  headName: string | null;
}

export function thankYouLetter(mentor: CompletionReport['mentors'][number], context: LetterContext): Promise<Uint8Array> {
  const ru = (key: Parameters<typeof translate>[1], params: Record<string, string | number> = {}) => translate('ru', key, params);
  return docx(ru('stage7.letter.title'), [
    heading(ru('stage7.letter.heading')),
    paragraph(ru('stage7.letter.to', { name: fullName(mentor) }), { bold: true, indent: false }),
    paragraph(
      ru('stage7.letter.body', {
        school: context.school,
        year: context.academicYear,
        groups: translateCount('ru', 'stage7.letter.groups', mentor.groups),
        mentees: translateCount('ru', 'stage7.letter.mentees', mentor.mentees),
        meetings: translateCount('ru', 'stage7.letter.meetings', mentor.meetings),
      }),
    ),
    paragraph(ru('stage7.letter.closing')),
    signature(ru('stage7.letter.head'), context.headName ?? ''),
  ]);
}
