// The two panels as extension pages framed in the host page (entrypoints/pair-panel,
// entrypoints/programme-panel). What a frame shows comes from the background, never from the page
// or the frame's URL: it asks which panel its tab opened (the content script said so after a real
// click) and reads the rest through the background. The frame listens to no message from the page.
import { useState } from 'preact/hooks';
import type { GroupSummary } from '../../shared/api/me.ts';
import { givenAndFamilyName } from '../../shared/names.ts';
import { participantsOf } from '../../shared/participants.ts';
import { captureRoster } from '../features/roster-capture.ts';
import { describeError } from '../utils/api-errors.ts';
import { ask } from '../utils/ask.ts';
import { t } from '../utils/i18n.ts';
import { Drawer } from './Drawer.tsx';
import { PairPanel } from './PairPanel.tsx';
import { type GroupName, ProgrammePanel } from './ProgrammePanel.tsx';
import { planWrites } from './plan-writes.ts';
import { useAsync } from './use-async.ts';
import { ArmWhenVisible } from './write-guard.tsx';

/** Closing goes through the background: it tells the content script to take the frame away. */
const close = () => void ask({ type: 'nastavnik:close-panel' }).catch(() => undefined);

/** Loading, or nothing to show (the frame is not the one its tab opened): a drawer with only a close button. */
function Placeholder({ loading, failed }: { loading: boolean; failed?: Error }) {
  return (
    <Drawer testId="panel-placeholder" eyebrow={t('panel.title')} onClose={close}>
      {loading ? (
        <p class="muted loading" role="status">
          <span class="spinner" aria-hidden="true" /> {t('curator.loading')}
        </p>
      ) : failed ? (
        <p class="status error" role="alert">
          {describeError(failed)}
        </p>
      ) : (
        <p class="muted">{t('panel.gone')}</p>
      )}
    </Drawer>
  );
}

export function PairPanelFrame() {
  const [opened] = useAsync(async () => {
    const request = await ask({ type: 'nastavnik:panel' });
    if (request?.panel !== 'pair') return null;
    return { personIds: request.personIds, groups: (await ask({ type: 'nastavnik:my-groups' })) ?? [] };
  });
  // Fetched again after a meeting is logged: the panel shows the pair's new state.
  const [groups, setGroups] = useState<GroupSummary[] | null>(null);
  if (opened.status !== 'done' || !opened.value) {
    return <Placeholder loading={opened.status === 'loading'} failed={opened.status === 'failed' ? opened.error : undefined} />;
  }
  const { personIds } = opened.value;
  const everyone = participantsOf(groups ?? opened.value.groups);
  const participants = personIds.flatMap((id) => everyone.filter((p) => p.member.person_id === id));
  return (
    <ArmWhenVisible>
      <PairPanel
        participants={participants}
        ambiguous={personIds.length > 1}
        submit={(meeting) => ask({ type: 'nastavnik:log-meeting', meeting })}
        planning={planWrites}
        onLogged={() => {
          void ask({ type: 'nastavnik:my-groups' })
            .then((fresh) => setGroups(fresh ?? []))
            .catch(() => undefined);
        }}
        onClose={close}
      />
    </ArmWhenVisible>
  );
}

/** «Новикова Полина — Карпова Мария» for a group the signed-in person may see, and how many are in it. */
export function pairNameIn(groups: readonly GroupSummary[], groupId: string): GroupName | null {
  const group = groups.find((g) => g.id === groupId);
  if (!group) return null;
  const mentors = group.members.filter((m) => m.role === 'mentor').map(givenAndFamilyName);
  const mentees = group.members.filter((m) => m.role === 'mentee').map(givenAndFamilyName);
  return { names: `${mentors.join(', ')} — ${mentees.join(', ')}`, members: group.members.length };
}

/**
 * What the product counts itself for the checklist's «Сколько» (from the groups the curator sees:
 * the active ones): pairs formed, and pairs that held each step of the meeting sequence.
 */
export function knownCounts(groups: readonly GroupSummary[]): Record<string, number> {
  const held = (kind: GroupSummary['meeting_kinds_held'][number]) => groups.filter((g) => g.meeting_kinds_held.includes(kind)).length;
  return {
    pairs_formed: groups.length,
    introduction_meetings: held('introduction'),
    trial_meetings: held('trial'),
    final_meetings: held('final'),
  };
}

export function ProgrammePanelFrame() {
  const [opened] = useAsync(async () => {
    const request = await ask({ type: 'nastavnik:panel' });
    if (request?.panel !== 'programme') return null;
    const [curator, groups] = await Promise.all([ask({ type: 'nastavnik:curator' }), ask({ type: 'nastavnik:my-groups' })]);
    return curator ? { curator, groups: groups ?? [] } : null;
  });
  if (opened.status !== 'done' || !opened.value) {
    return <Placeholder loading={opened.status === 'loading'} failed={opened.status === 'failed' ? opened.error : undefined} />;
  }
  const { curator, groups } = opened.value;
  return (
    <ArmWhenVisible>
      <ProgrammePanel
        curator={curator}
        load={() => ask({ type: 'nastavnik:programme', organisationId: curator.organisationId })}
        saveItem={(item, patch) => ask({ type: 'nastavnik:checklist-item', id: item.id, version: item.version, patch })}
        pairName={(groupId) => pairNameIn(groups, groupId)}
        knownCounts={knownCounts(groups)}
        roster={{
          readRoster: () => ask({ type: 'nastavnik:page-roster' }),
          capture: (roster, options) => captureRoster(curator.organisationId, roster, options),
          onImported: () => undefined,
        }}
        readFallback={() => ask({ type: 'nastavnik:page-fallback' })}
        onClose={close}
      />
    </ArmWhenVisible>
  );
}
