import { z } from 'zod';
import { groupRoles, groupStatuses } from '../catalog.ts';
import { catalogEntry, clientId, id, isoDate, page, version } from './common.ts';

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
  /** The school subject of a journal reading («Физика»); null when the measurement is not per subject. */
  subject: z.string().nullable(),
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
/**
 * A participant's outcome is one per programme, group, metric and subject: recording it again
 * updates the phase sent («before» and/or «after», each only when its value is sent) instead of
 * adding a row, so a reading taken twice or sent again from the offline queue stays one outcome.
 */
export const outcomeCreate = z
  .object({
    ...clientId,
    programme_id: id,
    person_id: id.optional(),
    group_id: id.optional(),
    subject: z.string().trim().min(1).max(100).nullable(),
    ...outcomeFields,
  })
  .partial({ subject: true, value_before: true, value_after: true, measured_before_on: true, measured_after_on: true, source: true })
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

// ---------------------------------------------------------------------------------------------
// Stages 6–7 and monitoring: what the curator and the head see of the programme's work.
/** A person of a report, named as everywhere else (a group's members, people). */
const person = z.object({ person_id: id, last_name: z.string(), first_name: z.string(), middle_name: z.string().nullable() });
const nullableText = z.string().nullable();

/** Stage 6: each group's progress through the meeting sequence, its last and next meeting, goals, inactivity, re-pairings. */
export const workQuery = z.object({ date: isoDate.optional() }).strict();
export const workGroup = z.object({
  id,
  /** The form and the role model: each its catalog key for code, its labels for people. */
  form: catalogEntry,
  role_model: catalogEntry,
  status: z.enum(groupStatuses),
  started_on: nullableText,
  mentors: z.array(person),
  mentees: z.array(person),
  meetings: z.int(),
  /** The meeting kinds held so far (meeting_kinds' keys). */
  kinds_held: z.array(z.string()),
  /** The next kind in the sequence: the first not held yet, or `working` once planning is done, `null` after the final one. */
  next_kind: nullableText,
  last_met_on: nullableText,
  /** Days from the last meeting (or from the start when none was held) to the report's date. */
  days_since: z.int().nullable(),
  /** When the next meeting is due to keep the group active: the last meeting (or the start) plus the inactivity threshold. */
  next_due_on: nullableText,
  goals_total: z.int(),
  goals_done: z.int(),
  inactive: z.boolean(),
  repairs: z.array(person.extend({ role: z.enum(groupRoles), left_on: z.string(), reason: nullableText })),
  good_practice: nullableText,
});
export type WorkGroup = z.infer<typeof workGroup>;
export const workReport = z.object({
  programme_id: id,
  date: z.string(),
  inactivity_days: z.int(),
  sequence: z.array(catalogEntry),
  groups: z.array(workGroup),
});
export type WorkReport = z.infer<typeof workReport>;

/** Stage 7: final questionnaires sent and collected, outcomes, good practices, letters, closing. */
export const completionReport = z.object({
  programme_id: id,
  closed_on: nullableText,
  groups_running: z.int(),
  groups_completed: z.int(),
  questionnaires: z.array(
    z.object({
      questionnaire_id: id,
      key: z.string(),
      audience: z.enum(['mentor', 'mentee', 'curator']),
      purpose: z.enum(['quality', 'growth_start', 'growth_end', 'preferences', 'meeting_feedback']),
      title_ru: z.string(),
      title_en: z.string(),
      sent: z.int(),
      collected: z.int(),
    }),
  ),
  outcomes: z.int(),
  good_practices: z.int(),
  /** Every mentor of the programme's groups (a thank-you letter each). */
  mentors: z.array(person.extend({ groups: z.int(), mentees: z.int(), meetings: z.int() })),
});
export type CompletionReport = z.infer<typeof completionReport>;

/** Monitoring stage 1 (quality: questionnaire results and the SWOT) and stage 2 (growth: start against end; outcomes before and after). */
export const monitoringReport = z.object({
  programme_id: id,
  quality: z.array(
    z.object({
      questionnaire_key: z.string(),
      audience: z.enum(['mentor', 'mentee', 'curator']),
      item_key: z.string(),
      kind: z.enum(['scale', 'choice', 'open']),
      text_ru: z.string(),
      text_en: z.string(),
      answers: z.int(),
      average: z.number().nullable(),
      choices: z.array(z.object({ value: z.string(), count: z.int() })),
    }),
  ),
  swot: z.object({ strengths: nullableText, weaknesses: nullableText, opportunities: nullableText, threats: nullableText }),
  growth: z.array(
    z.object({
      audience: z.enum(['mentor', 'mentee', 'curator']),
      item_key: z.string(),
      text_ru: z.string(),
      text_en: z.string(),
      /** People who answered both the start and the end questionnaire on this scale. */
      people: z.int(),
      start_average: z.number().nullable(),
      end_average: z.number().nullable(),
    }),
  ),
  outcomes: z.array(
    z.object({
      metric_key: z.string(),
      people: z.int(),
      before_average: z.number().nullable(),
      after_average: z.number().nullable(),
    }),
  ),
});
export type MonitoringReport = z.infer<typeof monitoringReport>;

const swotText = z.string().trim().max(4000).nullable();
export const review = z.object({
  programme_id: id,
  inactivity_days: z.int(),
  strengths: nullableText,
  weaknesses: nullableText,
  opportunities: nullableText,
  threats: nullableText,
  closed_on: nullableText,
});
export const reviewPut = z
  .object({
    inactivity_days: z.int().min(3).max(90),
    strengths: swotText,
    weaknesses: swotText,
    opportunities: swotText,
    threats: swotText,
    closed_on: isoDate.nullable(),
  })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'Нечего менять / Nothing to change' });
export const goodPracticePut = z.object({ note: z.string().trim().min(1).max(2000) }).strict();
export const goodPractice = z.object({ group_id: id, note: z.string(), marked_on: z.string() });
/** Send a questionnaire of this purpose to every current member of the programme's running groups (and to the curator for quality). */
export const requestsSend = z.object({ purpose: z.enum(['quality', 'growth_start', 'growth_end']) }).strict();
export const requestsSent = z.object({ sent: z.int(), already: z.int() });
/** What the signed-in person is asked to fill in. */
export const myRequest = z.object({
  programme_id: id,
  person_id: id,
  group_id: id.nullable(),
  sent_on: z.string(),
  answered: z.boolean(),
  questionnaire: questionnaire,
});
export const myRequests = z.object({ items: z.array(myRequest) });
export type MyRequest = z.infer<typeof myRequest>;
