// A Classroom sync's preview: the counts, then each kind of change as a table the curator reads
// before applying — new people, changed fields (before → after), moves between classes, who left —
// and the queue of accounts the sync could not match with certainty, each with its choices.
import type { ClassroomQueueEntry, ClassroomResolution, ClassroomSyncPreview } from '../../../shared/api/classroom.ts';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import { fullName, sexOf } from '../../../shared/names.ts';
import { t } from '../../utils/i18n.ts';

/** What the curator answered for a queued account: a choice's value, as the select holds it. */
export type Answers = Record<string, string>;

/** Long lists show their first rows; the counts above say how many there are. */
const shown = 300;

type Entry = ClassroomSyncPreview['new'][number];
type Brief = ClassroomSyncPreview['left'][number];

const counts = ['new', 'changed', 'moved', 'left', 'ambiguous', 'unchanged', 'courses'] as const;

export function Counts({ preview }: { preview: ClassroomSyncPreview }) {
  return (
    <dl class="classroom-counts" data-testid="classroom-counts">
      {counts.map((key) => (
        <div key={key} class={preview.counts[key] > 0 && key !== 'unchanged' && key !== 'courses' ? 'has' : ''}>
          <dt>{t(`classroom.count.${key}` as MessageKey)}</dt>
          <dd data-testid={`classroom-count-${key}`}>{preview.counts[key]}</dd>
        </div>
      ))}
    </dl>
  );
}

const value = (text: string | null) => text ?? t('classroom.empty.value');

function Change({ change }: { change: Entry['changes'][number] }) {
  const label = t(`classroom.field.${change.field}` as MessageKey);
  if (change.field === 'google_user_id' && change.from === null) return <li>{t('classroom.linked')}</li>;
  if (change.field === 'left_at') return <li>{t('classroom.returned')}</li>;
  return (
    <li>
      {label}: <del>{value(change.from)}</del> → <ins>{value(change.to)}</ins>
    </li>
  );
}

function People({ entries, withChanges, testId }: { entries: Entry[]; withChanges: boolean; testId: string }) {
  return (
    <table class="classroom-table" data-testid={testId}>
      <tbody>
        {entries.slice(0, shown).map((entry) => (
          <tr key={entry.google_user_id}>
            <th scope="row">{fullName(entry)}</th>
            <td>{entry.kind === 'staff' ? t('classroom.kind.staff') : t(sexOf(entry) === 'f' ? 'person.student.f' : 'person.student')}</td>
            <td>{entry.class_name ?? (entry.kind === 'student' ? t('classroom.noClass') : '')}</td>
            <td class="muted">{entry.email ?? t('classroom.noEmail')}</td>
            {withChanges && (
              <td>
                <ul class="classroom-changes">
                  {entry.changes.map((change) => (
                    <Change key={change.field} change={change} />
                  ))}
                </ul>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Left({ entries }: { entries: Brief[] }) {
  return (
    <table class="classroom-table" data-testid="classroom-left">
      <tbody>
        {entries.slice(0, shown).map((entry) => (
          <tr key={entry.person_id}>
            <th scope="row">{fullName(entry)}</th>
            <td>{entry.class_name ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function QueueEntry({ entry, answer, onAnswer }: { entry: ClassroomQueueEntry; answer: string; onAnswer: (value: string) => void }) {
  const name = fullName(entry);
  const reason = t(`classroom.reason.${entry.reason}` as MessageKey);
  return (
    <li class="classroom-queue-entry" data-testid={`classroom-queue-${entry.google_user_id}`}>
      <div>
        <strong>{name}</strong> {entry.email && <span class="muted">{entry.email}</span>}
      </div>
      <div>{reason}</div>
      <div class="muted">{t('classroom.courses', { courses: entry.courses.join(', ') })}</div>
      {entry.decision === 'skip' && <div class="muted">{t('classroom.skipped')}</div>}
      <select
        aria-label={t('classroom.resolve.label', { name })}
        value={answer}
        onChange={(event) => onAnswer((event.target as HTMLSelectElement).value)}
      >
        <option value="">{t('classroom.resolve.later')}</option>
        {entry.reason === 'classes_disagree'
          ? entry.class_names.map((className) => (
              <option key={className} value={`class:${className}`}>
                {t('classroom.resolve.class', { className })}
              </option>
            ))
          : entry.candidates.map((candidate) => (
              <option key={candidate.person_id} value={`person:${candidate.person_id}`}>
                {t('classroom.resolve.person', {
                  name: `${fullName(candidate)}${candidate.class_name ? `, ${candidate.class_name}` : ''}`,
                })}
              </option>
            ))}
        {entry.reason !== 'classes_disagree' && entry.reason !== 'incomplete_name' && (
          <option value="new">{t('classroom.resolve.new')}</option>
        )}
        <option value="skip">{t('classroom.resolve.skip')}</option>
      </select>
    </li>
  );
}

function Section({
  title,
  count,
  testId,
  children,
}: {
  title: MessageKey;
  count: number;
  testId: string;
  children: preact.ComponentChildren;
}) {
  if (count === 0) return null;
  return (
    <details class="classroom-section" open={count <= 50} data-testid={testId}>
      <summary>
        {t(title)} <span class="muted">({count})</span>
      </summary>
      {children}
      {count > shown && <p class="muted">…</p>}
    </details>
  );
}

export function PreviewSections({
  preview,
  answers,
  onAnswer,
}: {
  preview: ClassroomSyncPreview;
  answers: Answers;
  onAnswer: (id: string, value: string) => void;
}) {
  return (
    <>
      {preview.classes_to_create.length > 0 && <p>{t('classroom.classesToCreate', { classes: preview.classes_to_create.join(', ') })}</p>}
      <Section title="classroom.section.ambiguous" count={preview.ambiguous.length} testId="classroom-section-ambiguous">
        <ul class="classroom-queue">
          {preview.ambiguous.map((entry) => (
            <QueueEntry
              key={entry.google_user_id}
              entry={entry}
              answer={answers[entry.google_user_id] ?? ''}
              onAnswer={(value) => onAnswer(entry.google_user_id, value)}
            />
          ))}
        </ul>
      </Section>
      <Section title="classroom.section.new" count={preview.new.length} testId="classroom-section-new">
        <People entries={preview.new} withChanges={false} testId="classroom-new" />
      </Section>
      <Section title="classroom.section.changed" count={preview.changed.length} testId="classroom-section-changed">
        <People entries={preview.changed} withChanges testId="classroom-changed" />
      </Section>
      <Section title="classroom.section.moved" count={preview.moved.length} testId="classroom-section-moved">
        <People entries={preview.moved} withChanges testId="classroom-moved" />
      </Section>
      <Section title="classroom.section.left" count={preview.left.length} testId="classroom-section-left">
        <Left entries={preview.left} />
      </Section>
      <Section title="classroom.section.courses" count={preview.courses.length} testId="classroom-section-courses">
        <table class="classroom-table">
          <tbody>
            {preview.courses.map((course) => (
              <tr key={course.course_id}>
                <th scope="row">
                  {course.name}
                  {course.section ? ` · ${course.section}` : ''}
                </th>
                <td>{course.class_name ?? t('classroom.noClass')}</td>
                <td class="muted">{t('classroom.courseMembers', { teachers: course.teachers, students: course.students })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
    </>
  );
}

/** The curator's answers as the API's resolutions. */
export function resolutionsOf(answers: Answers): ClassroomResolution[] {
  return Object.entries(answers).flatMap(([google_user_id, answer]): ClassroomResolution[] => {
    if (answer === 'new' || answer === 'skip') return [{ google_user_id, action: answer }];
    if (answer.startsWith('person:')) return [{ google_user_id, action: 'person', person_id: answer.slice(7) }];
    if (answer.startsWith('class:')) return [{ google_user_id, action: 'class', class_name: answer.slice(6) }];
    return [];
  });
}
