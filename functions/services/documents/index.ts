// The school's documents by name: each reads the school's data as the caller and is rendered by
// its own module (one look: docx.ts).
import type { ProgrammeDocument } from '../../../shared/api/documents.ts';
import type { Queryable } from '../../db/database.ts';
import { apiError } from '../../errors.ts';
import { consentForm } from './consent-form.ts';
import { orderIntroducingModel } from './order-introducing-model.ts';
import { pairsOrder } from './pairs-order.ts';
import { programmeRegulation } from './programme-regulation.ts';
import { roadmap } from './roadmap.ts';
import { type Named, publishedPairs, schoolData } from './school-data.ts';

const fileNames: Record<ProgrammeDocument, string> = {
  order_introducing_model: 'prikaz-o-vnedrenii-celevoj-modeli',
  programme_regulation: 'polozhenie-o-nastavnichestve',
  roadmap: 'dorozhnaya-karta',
  pairs_order: 'prikaz-o-zakreplenii-par',
};

export async function programmeDocument(db: Queryable, programmeId: string, document: ProgrammeDocument) {
  const data = await schoolData(db, programmeId);
  const bytes =
    document === 'order_introducing_model'
      ? await orderIntroducingModel(data)
      : document === 'programme_regulation'
        ? await programmeRegulation(data)
        : document === 'roadmap'
          ? await roadmap(data)
          : await pairsOrder(data, await publishedPairs(db, programmeId));
  return { bytes, fileName: `${fileNames[document]}-${data.programme.academic_year.replace('/', '-')}.docx` };
}

/** A guardian's consent form for one child, in the school's newest programme. */
export async function consentFormOf(db: Queryable, personId: string) {
  const { rows } = await db.query<Named & { class_name: string | null; birth_year: number | null; programme_id: string | null }>(
    `select p.last_name, p.first_name, p.middle_name, c.name as class_name, d.birth_year,
       (select pr.id from public.programmes pr where pr.organisation_id = p.organisation_id order by pr.academic_year desc limit 1) as programme_id
     from public.people p left join public.classes c on c.id = p.class_id left join public.person_details d on d.person_id = p.id
     where p.id = $1 and p.erased_at is null and p.organisation_id in (select app.my_organisation_ids_as('{head,curator}'))`,
    [personId],
  );
  const child = rows[0];
  if (!child?.programme_id) throw apiError(404, 'not_found', 'error.notFound');
  const bytes = await consentForm(await schoolData(db, child.programme_id), child);
  return { bytes, fileName: `soglasie-${child.last_name}-${child.first_name}.docx` };
}
