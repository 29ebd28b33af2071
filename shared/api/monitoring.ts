import { z } from 'zod';
import { clientId, id, isoDate, page, version } from './common.ts';

export const questionnaire = z.object({
  id,
  key: z.string(),
  audience: z.enum(['mentor', 'mentee', 'curator']),
  purpose: z.enum(['quality', 'growth_start', 'growth_end', 'preferences', 'meeting_feedback']),
  title_ru: z.string(),
  title_en: z.string(),
  items: z.array(
    z.object({
      id,
      key: z.string(),
      position: z.int(),
      kind: z.enum(['scale', 'choice', 'open']),
      text_ru: z.string(),
      text_en: z.string(),
      choices: z.array(z.string()),
    }),
  ),
});
export type Questionnaire = z.infer<typeof questionnaire>;
export const responseCreate = z
  .object({
    ...clientId,
    programme_id: id,
    questionnaire_id: id,
    respondent_person_id: id,
    group_id: id.optional(),
    answers: z
      .array(
        z
          .object({
            item_id: id,
            scale_value: z.int().min(1).max(10).optional(),
            choice_value: z.string().trim().min(1).max(200).optional(),
            text_value: z.string().trim().min(1).max(4000).optional(),
          })
          .strict()
          .refine((a) => [a.scale_value, a.choice_value, a.text_value].filter((v) => v !== undefined).length === 1, {
            message: 'Один ответ на вопрос / One answer per item',
          }),
      )
      .min(1)
      .max(100),
  })
  .strict();
export const response = z.object({
  id,
  programme_id: id,
  questionnaire_id: id,
  respondent_person_id: id,
  group_id: id.nullable(),
  submitted_at: z.string(),
  answers: z.array(
    z.object({ item_id: id, scale_value: z.int().nullable(), choice_value: z.string().nullable(), text_value: z.string().nullable() }),
  ),
});
export type QuestionnaireResponse = z.infer<typeof response>;
export type Outcome = z.infer<typeof outcome>;
export const responseQuery = page
  .extend({ programme_id: id.optional(), questionnaire_id: id.optional(), respondent_person_id: id.optional() })
  .strict();

export const outcome = z.object({
  id,
  version,
  programme_id: id,
  person_id: id.nullable(),
  group_id: id.nullable(),
  metric_key: z.string(),
  value_before: z.number().nullable(),
  value_after: z.number().nullable(),
  measured_before_on: z.string().nullable(),
  measured_after_on: z.string().nullable(),
  source: z.string().nullable(),
});
const outcomeFields = {
  metric_key: z.string().regex(/^[a-z][a-z0-9_]*$/),
  value_before: z.number().finite().nullable(),
  value_after: z.number().finite().nullable(),
  measured_before_on: isoDate.nullable(),
  measured_after_on: isoDate.nullable(),
  source: z.string().trim().max(500).nullable(),
};
export const outcomeCreate = z
  .object({ ...clientId, programme_id: id, person_id: id.optional(), group_id: id.optional(), ...outcomeFields })
  .partial({ value_before: true, value_after: true, measured_before_on: true, measured_after_on: true, source: true })
  .strict()
  .refine((o) => o.person_id !== undefined || o.group_id !== undefined, {
    message: 'Укажите участника или группу / Give a person or a group',
    path: ['person_id'],
  });
export const outcomePatch = z
  .object(outcomeFields)
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'Нечего менять / Nothing to change' });
export const outcomeQuery = page.extend({ programme_id: id.optional(), person_id: id.optional(), group_id: id.optional() }).strict();
export const questionnaireList = z.object({ items: z.array(questionnaire) });
