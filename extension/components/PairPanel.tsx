import { useState } from 'preact/hooks';
import type { GroupMember, GroupSummary } from '../../shared/api/me.ts';
import type { MeetingCreate } from '../../shared/api/meetings.ts';
import { meetingKinds } from '../../shared/catalog.ts';
import { fullName, givenAndFamilyName, sexOf } from '../../shared/names.ts';
import type { Participant } from '../../shared/participants.ts';
import { formatDate } from '../utils/dates.ts';
import { catalogLabel, t, tg } from '../utils/i18n.ts';
import type { SubmitResult } from '../utils/messages.ts';
import { Drawer } from './Drawer.tsx';
import { type JournalAccess, JournalGrades } from './JournalGrades.tsx';
import { MeetingForm } from './MeetingForm.tsx';
import { NextMeeting } from './NextMeeting.tsx';
import type { PlanWrites } from './plan-writes.ts';
import { type Status, StatusLine } from './status.tsx';

function withClass(member: GroupMember): string {
  return member.class_name ? `${fullName(member)} (${member.class_name})` : fullName(member);
}

/** Знакомство → Пробная → Планирование → Рабочие встречи → Итоговая, with where the pair stands. */
function Sequence({ group }: { group: GroupSummary }) {
  return (
    <ol class="steps" aria-label={t('panel.sequence')} data-testid="pair-steps">
      {meetingKinds.map((kind) => {
        const done = group.meeting_kinds_held.includes(kind);
        const current = !done && group.next_kind === kind;
        return (
          <li key={kind} class={done ? 'done' : current ? 'current' : ''} aria-current={current ? 'step' : undefined}>
            <span class="dot" aria-hidden="true">
              {done ? '✓' : ''}
            </span>
            <span class="label">{t(`step.${kind}`)}</span>
            {(done || current) && <span class="sr">, {t(done ? 'step.done' : 'step.current')}</span>}
          </li>
        );
      })}
    </ol>
  );
}

function GroupCard({
  group,
  submit,
  planning,
  journal,
  onLogged,
}: {
  group: GroupSummary;
  submit: (meeting: MeetingCreate) => Promise<SubmitResult>;
  planning: PlanWrites;
  journal?: JournalAccess | undefined;
  onLogged: () => void;
}) {
  const [logging, setLogging] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  const mentors = group.members.filter((m) => m.role === 'mentor');
  const mentees = group.members.filter((m) => m.role === 'mentee');
  return (
    <section class="group" data-testid="pair-group" data-group-id={group.id} aria-label={mentees.map(givenAndFamilyName).join(', ')}>
      <p class="muted form">
        {catalogLabel(group.form)} · {catalogLabel(group.role_model)}
      </p>
      <dl class="people">
        <dt>{t(mentors.length > 1 ? 'panel.mentors' : 'panel.mentor')}</dt>
        <dd>
          <ul>
            {mentors.map((m) => (
              <li key={m.person_id}>{withClass(m)}</li>
            ))}
          </ul>
        </dd>
        <dt>{mentees.length > 1 ? t('panel.mentees') : tg('panel.mentee', mentees[0] ? sexOf(mentees[0]) : null)}</dt>
        <dd>
          <ul>
            {mentees.map((m) => (
              <li key={m.person_id}>{withClass(m)}</li>
            ))}
          </ul>
        </dd>
      </dl>
      <Sequence group={group} />
      <p class="meetings" data-testid="pair-last-meeting">
        {group.last_meeting_on ? t('panel.lastMeeting', { date: formatDate(group.last_meeting_on) }) : t('panel.noMeetings')}
        {!group.next_meeting && (
          <>
            <br />
            {t('panel.nextMeeting', { kind: t(`meetingKind.${group.next_kind}`) })}
          </>
        )}
      </p>
      {!logging && (
        <NextMeeting
          group={group}
          logMeeting={submit}
          writes={planning}
          say={(said) => {
            setStatus(said);
            onLogged();
          }}
        />
      )}
      <h3>{t('panel.goals')}</h3>
      <p class="muted empty" data-testid="pair-goals">
        {/* Goals are set at the planning meeting; once it is held, the text must not promise it again. */}
        {group.meeting_kinds_held.includes('planning') ? t('panel.goalsNotRecorded') : t('panel.goalsEmpty')}
      </p>
      {journal && group.my_role === 'mentor' && mentees.length > 0 && (
        <>
          <h3>{t('monitoring.outcomes')}</h3>
          {mentees.map((m) => (
            <JournalGrades key={m.person_id} group={group} mentee={m} access={journal} labelled={mentees.length > 1} />
          ))}
        </>
      )}
      <StatusLine status={status} testId="pair-meeting-status" />
      {group.my_role !== 'mentor' ? (
        <p class="muted">{t('panel.onlyMentorLogs')}</p>
      ) : logging ? (
        <div class="log">
          <MeetingForm
            group={group}
            submit={submit}
            onDone={(result) => {
              setLogging(false);
              setStatus(
                result.status === 'saved' ? { text: t('popup.saved'), kind: 'ok' } : { text: t('popup.offlineQueued'), kind: 'warn' },
              );
              onLogged();
            }}
          />
          <button type="button" class="secondary" onClick={() => setLogging(false)}>
            {t('panel.cancel')}
          </button>
        </div>
      ) : (
        <button
          type="button"
          data-testid="pair-log-meeting"
          onClick={() => {
            setStatus(null);
            setLogging(true);
          }}
        >
          {t('popup.logMeeting')}
        </button>
      )}
    </section>
  );
}

export interface PairPanelProps {
  /** The person whose badge was clicked; several when the name was ambiguous. */
  participants: readonly Participant[];
  ambiguous: boolean;
  submit: (meeting: MeetingCreate) => Promise<SubmitResult>;
  /** Planning the pair's next meeting, and cancelling it. */
  planning: PlanWrites;
  /** On a journal page: reading a mentee's grades and saving them as outcomes (absent: no button). */
  journal?: JournalAccess;
  onLogged: () => void;
  onClose: () => void;
}

/** The drawer on the right: who is paired with whom, where the pair stands, and the meeting log. */
export function PairPanel({ participants, ambiguous, submit, planning, journal, onLogged, onClose }: PairPanelProps) {
  const title = ambiguous
    ? t('panel.ambiguousTitle')
    : participants[0]
      ? `${fullName(participants[0].member)}${participants[0].member.class_name ? `, ${participants[0].member.class_name}` : ''}`
      : t('panel.title');
  return (
    <Drawer
      testId="pair-panel"
      eyebrow={t('panel.title')}
      title={{ id: 'nastavnik-panel-title', text: title, focusKey: participants.map((p) => p.member.person_id).join() }}
      closeTestId="pair-close"
      onClose={onClose}
    >
      {ambiguous && <p class="status warn">{t('panel.ambiguousNote')}</p>}
      {participants.length === 0 && <p class="muted">{t('panel.gone')}</p>}
      {participants.map((participant) => (
        <div key={participant.member.person_id}>
          {ambiguous && <h3>{withClass(participant.member)}</h3>}
          {participant.groups.map(({ group }) => (
            <GroupCard key={group.id} group={group} submit={submit} planning={planning} journal={journal} onLogged={onLogged} />
          ))}
        </div>
      ))}
    </Drawer>
  );
}
