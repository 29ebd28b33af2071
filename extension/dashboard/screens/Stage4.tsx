// Stage 4, selecting and training mentors: the training sessions held, who attended each, and who
// is trained — only trained mentors reach stage 5 (the database refuses an untrained mentor in an
// active pair, and the matching leaves them out).
import { useState } from 'preact/hooks';
import type { BaseRow } from '../../../shared/api/bases.ts';
import type { TrainingSession } from '../../../shared/api/training.ts';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import { fullName } from '../../../shared/names.ts';
import { formatDate, today } from '../../utils/dates.ts';
import { t, tn } from '../../utils/i18n.ts';
import { body, client } from '../api.ts';
import { ActionStatus, Loaded, useAction } from '../parts.tsx';
import { StageChecklist } from '../StageChecklist.tsx';
import type { ScreenProps } from '../screens.ts';
import { useFresh } from '../use-fresh.ts';

function NewSession({ programmeId, added }: { programmeId: string; added: () => void }) {
  const [heldOn, setHeldOn] = useState(today());
  const [topic, setTopic] = useState('');
  const [hours, setHours] = useState('2');
  const action = useAction();
  const submit = (event: Event) => {
    event.preventDefault();
    void action.run(async () => {
      await body(
        client['training-sessions'].$post({
          json: { id: crypto.randomUUID(), programme_id: programmeId, held_on: heldOn, topic: topic.trim(), hours: Number(hours) },
        }),
      );
      setTopic('');
      added();
    }, t('stage4.sessionAdded'));
  };
  return (
    <form class="card" onSubmit={submit} data-testid="new-session">
      <h2>{t('stage4.newSession')}</h2>
      <div class="row">
        <label>
          {t('stage4.date')}
          <input
            type="date"
            max={today()}
            value={heldOn}
            onInput={(e) => setHeldOn(e.currentTarget.value)}
            required
            data-testid="session-date"
          />
        </label>
        <label>
          {t('stage4.topic')}
          <input
            value={topic}
            onInput={(e) => setTopic(e.currentTarget.value)}
            required
            maxLength={300}
            placeholder={t('stage4.topicHint')}
            data-testid="session-topic"
          />
        </label>
        <label>
          {t('stage4.hours')}
          <input type="number" min={0.5} max={100} step={0.5} value={hours} onInput={(e) => setHours(e.currentTarget.value)} required />
        </label>
      </div>
      <button type="submit" disabled={action.busy} data-testid="session-add">
        {t('stage4.addSession')}
      </button>
      <ActionStatus action={action} testId="session-status" />
    </form>
  );
}

function Attendance({ session, mentors, saved }: { session: TrainingSession; mentors: BaseRow[]; saved: () => void }) {
  const [chosen, setChosen] = useState<Set<string>>(new Set(session.attendees));
  const [completes, setCompletes] = useState(true);
  const action = useAction();
  const submit = (event: Event) => {
    event.preventDefault();
    void action.run(
      async () => {
        await body(
          client['training-sessions'][':id'].attendance.$post({
            param: { id: session.id },
            json: { person_ids: [...chosen], completes_training: completes },
          }),
        );
        saved();
      },
      tn('stage4.attendanceSaved', chosen.size),
    );
  };
  return (
    <form onSubmit={submit} data-testid="attendance-form">
      <fieldset class="choices columns-list">
        <legend>{t('stage4.whoAttended')}</legend>
        {mentors.map((m) => (
          <label key={m.person_id} class="choice">
            <input
              type="checkbox"
              checked={chosen.has(m.person_id)}
              data-testid="attendee"
              data-person={m.person_id}
              onChange={(e) => {
                const next = new Set(chosen);
                e.currentTarget.checked ? next.add(m.person_id) : next.delete(m.person_id);
                setChosen(next);
              }}
            />
            <span>{fullName(m)}</span>
          </label>
        ))}
      </fieldset>
      <label class="choice">
        <input
          type="checkbox"
          checked={completes}
          onChange={(e) => setCompletes(e.currentTarget.checked)}
          data-testid="completes-training"
        />
        <span>{t('stage4.completes')}</span>
      </label>
      <button type="submit" disabled={action.busy || chosen.size === 0} data-testid="attendance-save">
        {t('stage4.saveAttendance')}
      </button>
      <ActionStatus action={action} testId="attendance-status" />
    </form>
  );
}

export function Stage4({ context }: ScreenProps) {
  const { programme } = context;
  const [open, setOpen] = useState<string | null>(null);
  const [data, reload] = useFresh(async () => {
    if (!programme) return null;
    const [sessions, mentors] = await Promise.all([
      body(client['training-sessions'].$get({ query: { programme_id: programme.id } })),
      body(client.programmes[':id'].bases[':base'].$get({ param: { id: programme.id, base: 'mentor' } })),
    ]);
    return { sessions: sessions.items, mentors: mentors.items.filter((m) => m.enrolment && !m.enrolment.left_on) };
  }, [programme?.id]);
  return (
    <>
      <h1>{t('stage4.title')}</h1>
      {!programme ? (
        <p class="muted">{t('dashboard.startFirst')}</p>
      ) : (
        <Loaded state={data} retry={reload}>
          {(value) => {
            if (!value) return null;
            const trained = value.mentors.filter((m) => m.enrolment?.training_status === 'trained');
            return (
              <>
                <p class="summary" data-testid="training-summary">
                  {tn('stage4.summary', value.mentors.length, { trained: trained.length })} {t('stage4.onlyTrained')}
                </p>
                {value.mentors.length === 0 && (
                  <p class="muted">
                    {t('stage4.noMentors')}{' '}
                    <button type="button" class="link" onClick={() => context.go('stage-3')}>
                      {t('stage4.toStage3')}
                    </button>
                  </p>
                )}
                <div class="columns">
                  <div>
                    <NewSession programmeId={programme.id} added={reload} />
                    <section class="card" aria-labelledby="sessions-title">
                      <h2 id="sessions-title">{t('stage4.sessions')}</h2>
                      {value.sessions.length === 0 && <p class="muted">{t('stage4.noSessions')}</p>}
                      <ul class="plain">
                        {value.sessions.map((session) => (
                          <li key={session.id} data-testid="session">
                            <button
                              type="button"
                              class="link"
                              aria-expanded={open === session.id}
                              onClick={() => setOpen(open === session.id ? null : session.id)}
                              data-testid="session-open"
                            >
                              {formatDate(session.held_on)} · {session.topic} · {tn('stage4.hoursCount', session.hours)} ·{' '}
                              {tn('stage4.attendees', session.attendees.length)}
                            </button>
                            {open === session.id && <Attendance session={session} mentors={value.mentors} saved={reload} />}
                          </li>
                        ))}
                      </ul>
                    </section>
                  </div>
                  <section class="card" aria-labelledby="mentors-title">
                    <h2 id="mentors-title">{t('stage4.mentors')}</h2>
                    <table class="table" data-testid="training-table">
                      <thead>
                        <tr>
                          <th>{t('dashboard.bases.name')}</th>
                          <th>{t('dashboard.bases.training')}</th>
                          <th>{t('stage4.sessionsAttended')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {value.mentors.map((m) => (
                          <tr key={m.person_id} data-testid="training-row" data-status={m.enrolment?.training_status}>
                            <td>{fullName(m)}</td>
                            <td>
                              {t(`dashboard.bases.training.${m.enrolment?.training_status ?? 'not_started'}` as MessageKey)}
                              {m.enrolment?.trained_on ? ` · ${formatDate(m.enrolment.trained_on)}` : ''}
                            </td>
                            <td>{m.trainings}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </section>
                </div>
              </>
            );
          }}
        </Loaded>
      )}
      <StageChecklist
        context={context}
        stage={4}
        known={data.status === 'done' && data.value ? { mentor_questionnaire: data.value.mentors.length } : {}}
      />
    </>
  );
}
