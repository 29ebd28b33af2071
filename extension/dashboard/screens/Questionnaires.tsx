// The questionnaires a mentor, a mentee or the curator was sent (monitoring's start and end
// questionnaires, the programme's quality), filled in here: 1–10 scales, choices, open answers.
// The answers go to the API as one response and feed monitoring.
import { useState } from 'preact/hooks';
import type { MyRequest } from '../../../shared/api/monitoring.ts';
import { refusedStatus, type Status, StatusLine } from '../../components/status.tsx';
import { useAsync } from '../../components/use-async.ts';
import { language, t } from '../../utils/i18n.ts';
import { body, client } from '../api.ts';
import { Loaded } from '../reports/Loaded.tsx';
import '../reports/reports.css';

type Answer = { scale_value?: number; choice_value?: string; text_value?: string };

function Fill({ request, onDone }: { request: MyRequest; onDone: () => void }) {
  const { questionnaire } = request;
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [status, setStatus] = useState<Status | null>(null);
  const text = (x: { text_ru: string; text_en: string }) => (language === 'en' ? x.text_en : x.text_ru);
  const set = (itemId: string, answer: Answer) => setAnswers({ ...answers, [itemId]: answer });
  return (
    <form
      class="questionnaire card"
      data-testid={`questionnaire-${questionnaire.key}`}
      onSubmit={(event) => {
        event.preventDefault();
        const given = Object.entries(answers)
          .filter(([, a]) => a.scale_value !== undefined || a.choice_value || a.text_value?.trim())
          .map(([item_id, a]) => ({ item_id, ...a, ...(a.text_value ? { text_value: a.text_value.trim() } : {}) }));
        if (given.length === 0) {
          setStatus({ kind: 'error', text: t('questionnaire.required') });
          return;
        }
        void body(
          client.responses.$post({
            json: {
              id: crypto.randomUUID(),
              programme_id: request.programme_id,
              questionnaire_id: questionnaire.id,
              respondent_person_id: request.person_id,
              ...(request.group_id ? { group_id: request.group_id } : {}),
              answers: given,
            },
          }),
        ).then(
          () => {
            setStatus({ kind: 'ok', text: t('questionnaire.sent') });
            onDone();
          },
          (error: unknown) => setStatus(refusedStatus(error)),
        );
      }}
    >
      <h2>{language === 'en' ? questionnaire.title_en : questionnaire.title_ru}</h2>
      {questionnaire.items.map((item) => (
        <fieldset key={item.id}>
          <legend>{text(item)}</legend>
          {item.kind === 'scale' && (
            <div class="scale-options">
              {Array.from({ length: 10 }, (_, i) => i + 1).map((value) => (
                <label key={value} class="scale-option">
                  <input
                    type="radio"
                    name={item.id}
                    checked={answers[item.id]?.scale_value === value}
                    onChange={() => set(item.id, { scale_value: value })}
                    aria-label={t('questionnaire.scale', { value })}
                  />
                  {value}
                </label>
              ))}
            </div>
          )}
          {item.kind === 'choice' &&
            item.choices.map((choice) => (
              <label key={choice}>
                <input
                  type="radio"
                  name={item.id}
                  checked={answers[item.id]?.choice_value === choice}
                  onChange={() => set(item.id, { choice_value: choice })}
                />
                {choice}
              </label>
            ))}
          {item.kind === 'open' && (
            <textarea
              rows={3}
              maxLength={4000}
              value={answers[item.id]?.text_value ?? ''}
              onInput={(e) => set(item.id, { text_value: e.currentTarget.value })}
            />
          )}
        </fieldset>
      ))}
      <button type="submit" data-testid="questionnaire-submit">
        {t('questionnaire.submit')}
      </button>
      <StatusLine status={status} testId="questionnaire-status" />
    </form>
  );
}

export function Questionnaires() {
  const [requests, reload] = useAsync(() => body(client.questionnaires.requests.$get()), []);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <>
      <h1>{t('questionnaire.title')}</h1>
      <p class="muted">{t('questionnaire.intro')}</p>
      <Loaded state={requests}>
        {({ items }) =>
          items.length === 0 ? (
            <p class="muted">{t('questionnaire.none')}</p>
          ) : (
            <ul class="stage-list" data-testid="my-questionnaires">
              {items.map((request) => {
                const key = `${request.programme_id}/${request.questionnaire.id}`;
                return (
                  <li key={key}>
                    <span />
                    <span>{language === 'en' ? request.questionnaire.title_en : request.questionnaire.title_ru}</span>
                    {request.answered ? (
                      <span class="muted">✓ {t('questionnaire.answered')}</span>
                    ) : (
                      <button type="button" class="secondary" onClick={() => setOpen(open === key ? null : key)}>
                        {t('questionnaire.fill')}
                      </button>
                    )}
                    {open === key && !request.answered && (
                      <div style={{ gridColumn: '1 / -1' }}>
                        <Fill
                          request={request}
                          onDone={() => {
                            setOpen(null);
                            reload();
                          }}
                        />
                      </div>
                    )}
                  </li>
                );
              })}
            </ul>
          )
        }
      </Loaded>
    </>
  );
}

export function QuestionnairesScreen() {
  return <Questionnaires />;
}
