// Stage 5, forming pairs: the matching engine on the programme's bases (optimal or stable, the
// rules' weights as controls), every suggestion with its reasons and every unmatched mentee with
// why; pin, forbid and swap, then run again keeping the pins; save the pairs as drafts and publish
// them by the order, which downloads as DOCX.
import { useEffect, useState } from 'preact/hooks';
import type { SkippedPinReason } from '../../../shared/api/matching.ts';
import type { GenderedKey, MessageKey } from '../../../shared/i18n/index.ts';
import { isMessageKey } from '../../../shared/i18n/index.ts';
import { rulesFor, type ScoreReason, type UnmatchedReason } from '../../../shared/matching/index.ts';
import { givenAndFamilyName, type Sex } from '../../../shared/names.ts';
import { describeError } from '../../utils/api-errors.ts';
import { today } from '../../utils/dates.ts';
import { t, tg, tn } from '../../utils/i18n.ts';
import { body, client, download } from '../api.ts';
import type { DashboardContext } from '../context.ts';
import { ActionStatus, CatalogOptions, inTurn, Loaded, useAction } from '../parts.tsx';
import { StageChecklist } from '../StageChecklist.tsx';
import type { ScreenProps } from '../screens.ts';
import { useFresh } from '../use-fresh.ts';

type Pair = [string, string];
type Result = Awaited<ReturnType<typeof runMatching>>;

function runMatching(programmeId: string, json: Parameters<(typeof client.programmes)[':id']['matching']['$post']>[0]['json']) {
  return body(client.programmes[':id'].matching.$post({ param: { id: programmeId }, json }));
}

const ruleWords = (key: string) => {
  const full = `stage5.rule.${key}`;
  return isMessageKey(full) ? t(full) : key;
};

/** A reason as a curator reads it: «учится на 2 класса старше +15». */
export function reasonText(reason: ScoreReason): string {
  const words = reason.kind === 'rule' ? ruleWords(reason.rule) : t(`stage5.preference.${reason.preference}` as MessageKey);
  return reason.points ? `${words} ${reason.points > 0 ? '+' : ''}${reason.points}` : words;
}

/** Why a mentee has no mentor, in words. */
export function unmatchedText(reason: UnmatchedReason): string {
  switch (reason.code) {
    case 'excluded':
      return reason.exclusions.map((code) => t(`stage5.exclusion.${code}` as MessageKey)).join('; ');
    case 'no_capacity':
      return t('stage5.unmatched.no_capacity');
    case 'candidates_full':
      return tn('stage5.unmatched.candidates_full', reason.mentors.length);
    case 'no_candidates': {
      const why = Object.entries(reason.why)
        .filter(([, count]) => (count ?? 0) > 0)
        .map(([code, count]) => `${t(`stage5.ruledOut.${code}` as MessageKey)}: ${count}`);
      return `${t('stage5.unmatched.no_candidates')}${why.length ? ` (${why.join('; ')})` : ''}`;
    }
  }
}

/** Why a kept pin was left out of a run, in words; `sex` says whom the words are about (наставник / наставница). */
export function skippedText(reason: SkippedPinReason, sex: (side: 'mentor' | 'mentee') => Sex | null): string {
  switch (reason.code) {
    case 'left_school':
    case 'left_base':
    case 'other_form':
    case 'taken_by_pin':
      return tg(`stage5.skipped.${reason.code}.${reason.side}` as GenderedKey, sex(reason.side));
    case 'mentor_full':
      return tg('stage5.skipped.mentor_full', sex('mentor'));
    case 'excluded': {
      const why = reason.exclusions.map((code) =>
        code === 'rule_not_met' && reason.rule
          ? `${t('stage5.exclusion.rule_not_met')} («${ruleWords(reason.rule)}»)`
          : t(`stage5.exclusion.${code}` as MessageKey),
      );
      return [t('stage5.skipped.excluded'), ...why].join(': ');
    }
  }
}

export interface People {
  names: Map<string, string>;
  sexes: Map<string, Sex | null>;
}

const key = (pair: Pair) => pair.join('/');

function Matching({ context, people }: { context: DashboardContext; people: People }) {
  const programme = context.programme as NonNullable<DashboardContext['programme']>;
  const [catalog] = useFresh(() => body(client.catalog.$get()), []);
  const [form, setForm] = useState(programme.forms[0] ?? 'student_student');
  const [roleModel, setRoleModel] = useState('');
  const [mode, setMode] = useState<'optimal' | 'stable'>('optimal');
  const [weights, setWeights] = useState<Record<string, number>>({});
  const [wantsMentor, setWantsMentor] = useState(30);
  const [wantsMentee, setWantsMentee] = useState(20);
  // Pins and forbids are kept by the server per programme, form and role model: they survive a
  // reload, every curator of the school sees the same, and every run reads them there.
  const scope = `${form}/${roleModel}`;
  const [choices, reloadChoices] = useFresh(
    () =>
      roleModel
        ? body(client.programmes[':id'].matching.choices.$get({ param: { id: programme.id }, query: { form, role_model: roleModel } }))
        : Promise.resolve(null),
    [programme.id, form, roleModel],
  );
  const [changed, setChanged] = useState<{ scope: string; pinned: Pair[]; forbidden: Pair[] } | null>(null);
  useEffect(() => setChanged(null), [choices.status === 'done' ? choices.value : null]);
  const loaded =
    choices.status === 'done' && choices.value && `${choices.value.form}/${choices.value.role_model}` === scope ? choices.value : null;
  const kept = changed?.scope === scope ? changed : loaded;
  const pinned: Pair[] = kept?.pinned ?? [];
  const forbidden: Pair[] = kept?.forbidden ?? [];
  const keep = useAction();
  /** Pins, forbids or frees pairs on the server; answers the choices as they now are. */
  const choose = async (changes: { mentor: string; mentee: string; choice: 'pinned' | 'forbidden' | null }[], clear = false) => {
    const answer = await body(
      client.programmes[':id'].matching.choices.$post({
        param: { id: programme.id },
        json: { form, role_model: roleModel, clear, changes },
      }),
    );
    setChanged({ scope, pinned: answer.pinned, forbidden: answer.forbidden });
    return answer;
  };
  const [result, setResult] = useState<Result | null>(null);
  const [swap, setSwap] = useState<string[]>([]);
  const run = useAction();
  const save = useAction();
  const [drafts, reloadDrafts] = useFresh(
    () => body(client.groups.$get({ query: { programme_id: programme.id, status: 'draft', limit: '200' } })),
    [programme.id],
  );

  const roleModels = catalog.status === 'done' ? catalog.value.role_models.filter((r) => r.form_key === form) : [];
  useEffect(() => {
    if (roleModels.length && !roleModels.some((r) => r.key === roleModel)) setRoleModel(roleModels[0]?.key ?? '');
  }, [form, catalog.status]);
  const rules = rulesFor(form, roleModel)?.rules.filter((rule) => rule.points > 0) ?? [];

  const request = (pins: Pair[], forbids: Pair[], dryRun: boolean) => ({
    id: crypto.randomUUID(),
    form,
    role_model: roleModel,
    mode,
    dry_run: dryRun,
    weights: {
      rules: Object.fromEntries(rules.map((r) => [r.key, weights[r.key] ?? r.points])),
      mentee_wants_mentor: wantsMentor,
      mentor_wants_mentee: wantsMentee,
      avoided: 'exclude' as const,
    },
    pinned: pins,
    forbidden: forbids,
  });
  /** A dry run: the server adds the kept pins and forbids; `pins` are new ones it must honour or refuse. */
  const rerun = (pins: Pair[] = []) =>
    run.run(async () => {
      const answer = await runMatching(programme.id, request(pins, [], true));
      setResult(answer);
      setSwap([]);
      return answer;
    });

  const pin = (pair: Pair) => {
    const isPinned = pinned.some((p) => key(p) === key(pair));
    void keep.run(async () => {
      await choose([{ mentor: pair[0], mentee: pair[1], choice: isPinned ? null : 'pinned' }]);
    });
  };
  const forbid = (pair: Pair) =>
    void keep.run(async () => {
      await choose([{ mentor: pair[0], mentee: pair[1], choice: 'forbidden' }]);
      await rerun();
    });
  const doSwap = () => {
    const [a, b] = swap.map((k) => result?.pairs.find((p) => key([p.mentor, p.mentee]) === k));
    if (!a || !b) return;
    const swapped: Pair[] = [
      [a.mentor, b.mentee],
      [b.mentor, a.mentee],
    ];
    void keep.run(async () => {
      // The old pairs are freed first; the swapped ones are kept only if the engine can form them.
      await choose([
        { mentor: a.mentor, mentee: a.mentee, choice: null },
        { mentor: b.mentor, mentee: b.mentee, choice: null },
      ]);
      if (await rerun(swapped)) await choose(swapped.map(([mentor, mentee]) => ({ mentor, mentee, choice: 'pinned' as const })));
    });
  };
  const saveDrafts = () =>
    void save.run(async (report) => {
      // The previous drafts of this form and role model give way to the new suggestion.
      const old = drafts.status === 'done' ? drafts.value.items.filter((g) => g.form.key === form && g.role_model.key === roleModel) : [];
      await inTurn(
        old,
        (g) => body(client.groups[':id'].cancel.$post({ param: { id: g.id }, json: { reason: t('stage5.replacedReason') } })),
        (n) => report(t('stage5.cancellingOld', { done: n, total: old.length })),
      );
      report(t('stage5.saving'));
      const answer = await runMatching(programme.id, request([], [], false));
      setResult(answer);
      reloadDrafts();
      return answer;
    }, t('stage5.draftsSaved'));

  const name = (id: string) => people.names.get(id) ?? t('stage5.erasedPerson');
  const unpinSkipped = (mentor: string, mentee: string) =>
    void keep.run(async () => {
      await choose([{ mentor, mentee, choice: null }]);
      setResult((shown) =>
        shown ? { ...shown, skipped_pins: shown.skipped_pins.filter((s) => s.mentor !== mentor || s.mentee !== mentee) } : shown,
      );
    });
  return (
    <>
      <form
        class="card matching-controls"
        data-testid="matching-controls"
        onSubmit={(event) => {
          event.preventDefault();
          void rerun();
        }}
      >
        <h2>{t('stage5.controls')}</h2>
        <div class="row">
          <label>
            {t('dashboard.bases.form')}
            <select value={form} onChange={(e) => setForm(e.currentTarget.value)} data-testid="matching-form">
              <CatalogOptions rows={catalog.status === 'done' ? catalog.value.forms : []} />
            </select>
          </label>
          <label>
            {t('dashboard.bases.roleModel')}
            <select value={roleModel} onChange={(e) => setRoleModel(e.currentTarget.value)} data-testid="matching-role-model">
              <CatalogOptions rows={roleModels} />
            </select>
          </label>
          <fieldset class="choices inline">
            <legend>{t('stage5.mode')}</legend>
            {(['optimal', 'stable'] as const).map((m) => (
              <label key={m} class="choice" title={t(`stage5.modeHint.${m}`)}>
                <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} data-testid={`mode-${m}`} />
                {t(`stage5.mode.${m}`)}
              </label>
            ))}
          </fieldset>
        </div>
        <fieldset class="weights">
          <legend>{t('stage5.weights')}</legend>
          {rules.map((rule) => (
            <label key={rule.key}>
              {ruleWords(rule.key)}
              <input
                type="number"
                min={-1000}
                max={1000}
                value={weights[rule.key] ?? rule.points}
                onInput={(e) => setWeights({ ...weights, [rule.key]: Number(e.currentTarget.value) })}
                data-testid={`weight-${rule.key}`}
              />
            </label>
          ))}
          <label>
            {t('stage5.preference.mentee_wants_mentor')}
            <input type="number" min={0} max={1000} value={wantsMentor} onInput={(e) => setWantsMentor(Number(e.currentTarget.value))} />
          </label>
          <label>
            {t('stage5.preference.mentor_wants_mentee')}
            <input type="number" min={0} max={1000} value={wantsMentee} onInput={(e) => setWantsMentee(Number(e.currentTarget.value))} />
          </label>
        </fieldset>
        <button type="submit" disabled={run.busy || !roleModel} data-testid="matching-run">
          {result ? t('stage5.rerun') : t('stage5.run')}
        </button>{' '}
        <span class="muted" data-testid="kept-count">
          {t('stage5.kept', { pinned: pinned.length, forbidden: forbidden.length })}
        </span>
        {(pinned.length > 0 || forbidden.length > 0) && (
          <button
            type="button"
            class="secondary small"
            disabled={keep.busy}
            onClick={() => void keep.run(() => choose([], true))}
            data-testid="clear-kept"
          >
            {t('stage5.clearKept')}
          </button>
        )}
        <p class="muted small">{t('stage5.keptShared')}</p>
        {choices.status === 'failed' && (
          <div class="status error" role="alert">
            {t('stage5.keptFailed')}{' '}
            <button type="button" class="secondary small" onClick={reloadChoices}>
              {t('curator.retry')}
            </button>
          </div>
        )}
        <ActionStatus action={keep} testId="kept-status" />
        <ActionStatus action={run} testId="matching-status" />
      </form>

      {result && (
        <section class="card" aria-labelledby="suggestion-title" data-testid="matching-result">
          <h2 id="suggestion-title">
            {tn('stage5.pairsSuggested', result.pairs.length)} ·{' '}
            {t('stage5.considered', { mentees: result.mentees_considered, mentors: result.mentors_considered })}
          </h2>
          {result.pairs.length === 0 && <p class="muted">{t('stage5.noPairs')}</p>}
          {result.skipped_pins.length > 0 && (
            <div class="status warn" data-testid="skipped-pins">
              <p>{tn('stage5.skippedCount', result.skipped_pins.length)}</p>
              <ul class="plain">
                {result.skipped_pins.map((s) => (
                  <li key={`${s.mentor}/${s.mentee}`} data-testid="skipped-pin" data-reason={s.reason.code}>
                    <span>
                      <strong>
                        {name(s.mentor)} — {name(s.mentee)}
                      </strong>
                      : {skippedText(s.reason, (side) => people.sexes.get(side === 'mentor' ? s.mentor : s.mentee) ?? null)}
                    </span>
                    <button
                      type="button"
                      class="secondary small"
                      disabled={keep.busy}
                      onClick={() => unpinSkipped(s.mentor, s.mentee)}
                      data-testid="skipped-pin-unpin"
                    >
                      {t('stage5.unpin')}
                    </button>
                  </li>
                ))}
              </ul>
              <p class="muted small">{t('stage5.skippedHint')}</p>
            </div>
          )}
          <div class="table-scroll">
            <table class="table">
              <thead>
                <tr>
                  <th>
                    <span class="visually-hidden">{t('stage5.swapPick')}</span>
                  </th>
                  <th>{t('role.mentor')}</th>
                  <th>{t('role.mentee')}</th>
                  <th>{t('stage5.score')}</th>
                  <th>{t('stage5.reasons')}</th>
                  <th>{t('stage5.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {result.pairs.map((p) => {
                  const pair: Pair = [p.mentor, p.mentee];
                  const k = key(pair);
                  const isPinned = pinned.some((x) => key(x) === k);
                  return (
                    <tr key={k} data-testid="suggested-pair" data-pinned={isPinned}>
                      <td>
                        <input
                          type="checkbox"
                          aria-label={t('stage5.swapPick')}
                          checked={swap.includes(k)}
                          onChange={(e) => setSwap(e.currentTarget.checked ? [...swap, k].slice(-2) : swap.filter((x) => x !== k))}
                          data-testid="swap-pick"
                        />
                      </td>
                      <td>{name(p.mentor)}</td>
                      <td>{name(p.mentee)}</td>
                      <td>{p.score}</td>
                      <td class="reasons" data-testid="pair-reasons">
                        {(p.reasons as ScoreReason[]).map(reasonText).join(' · ') || t('stage5.noReasons')}
                      </td>
                      <td class="nowrap">
                        <button
                          type="button"
                          class="secondary small"
                          aria-pressed={isPinned}
                          disabled={keep.busy}
                          onClick={() => pin(pair)}
                          data-testid="pair-pin"
                        >
                          {isPinned ? t('stage5.unpin') : t('stage5.pin')}
                        </button>{' '}
                        <button
                          type="button"
                          class="secondary small"
                          disabled={keep.busy}
                          onClick={() => forbid(pair)}
                          data-testid="pair-forbid"
                        >
                          {t('stage5.forbid')}
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p>
            <button
              type="button"
              class="secondary"
              disabled={swap.length !== 2 || run.busy || keep.busy}
              onClick={doSwap}
              data-testid="pair-swap"
            >
              {t('stage5.swap')}
            </button>
          </p>
          {result.unmatched.length > 0 && (
            <>
              <h3>{tn('stage5.unmatchedCount', result.unmatched.length)}</h3>
              <ul class="plain" data-testid="unmatched">
                {result.unmatched.map((u) => (
                  <li key={u.mentee} data-testid="unmatched-mentee">
                    <span>
                      <strong>{name(u.mentee)}</strong>: {unmatchedText(u.reason as UnmatchedReason)}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
          {result.dry_run && result.pairs.length > 0 && (
            <button type="button" disabled={save.busy} onClick={saveDrafts} data-testid="save-drafts">
              {t('stage5.saveDrafts')}
            </button>
          )}
          <ActionStatus action={save} testId="drafts-status" />
        </section>
      )}
      <Loaded state={drafts} retry={reloadDrafts}>
        {(value) => (
          <Publish
            context={context}
            drafts={value.items}
            published={() => {
              setResult(null);
              reloadDrafts();
            }}
          />
        )}
      </Loaded>
    </>
  );
}

type Draft = Awaited<ReturnType<typeof listDrafts>>['items'][number];
const listDrafts = (programmeId: string) => body(client.groups.$get({ query: { programme_id: programmeId, status: 'draft' } }));

function Publish({ context, drafts, published }: { context: DashboardContext; drafts: Draft[]; published: () => void }) {
  const programme = context.programme as NonNullable<DashboardContext['programme']>;
  const [number, setNumber] = useState('');
  const [date, setDate] = useState(today());
  const [failures, setFailures] = useState<string[]>([]);
  const action = useAction();
  const doc = useAction();
  const members = (g: Draft, role: 'mentor' | 'mentee') =>
    g.members
      .filter((m) => m.role === role && !m.left_on)
      .map((m) => givenAndFamilyName(m))
      .join(', ');
  const submit = (event: Event) => {
    event.preventDefault();
    const failed: string[] = [];
    void action.run(async (report) => {
      await inTurn(
        drafts,
        (g) =>
          body(
            client.groups[':id'].publish.$post({
              param: { id: g.id },
              json: { order_date: date, order_number: number.trim() || undefined },
            }),
          ).catch((error: unknown) => failed.push(`${members(g, 'mentor')} — ${members(g, 'mentee')}: ${describeError(error)}`)),
        (n) => report(t('dashboard.progressOf', { done: n, total: drafts.length })),
      );
      setFailures(failed);
      published();
      // The pairs that were published, not the drafts sent: a refusal is listed below with its reason.
      const done = drafts.length - failed.length;
      if (done > 0) action.say({ kind: failed.length > 0 ? 'warn' : 'ok', text: tn('stage5.published', done) });
    });
  };
  return (
    <section class="card" aria-labelledby="drafts-title" data-testid="drafts">
      <h2 id="drafts-title">{tn('stage5.draftCount', drafts.length)}</h2>
      {drafts.length > 0 && (
        <>
          <ul class="plain compact" data-testid="draft-list">
            {drafts.slice(0, 50).map((g) => (
              <li key={g.id} data-testid="draft">
                {members(g, 'mentor')} — {members(g, 'mentee')}
              </li>
            ))}
            {drafts.length > 50 && <li class="muted">{t('curator.more', { count: drafts.length - 50 })}</li>}
          </ul>
          <form onSubmit={submit} data-testid="publish-form">
            <div class="row">
              <label>
                {t('stage5.orderNumber')}
                <input
                  value={number}
                  onInput={(e) => setNumber(e.currentTarget.value)}
                  maxLength={50}
                  required
                  data-testid="order-number"
                />
              </label>
              <label>
                {t('stage5.orderDate')}
                <input
                  type="date"
                  max={today()}
                  value={date}
                  onInput={(e) => setDate(e.currentTarget.value)}
                  required
                  data-testid="order-date"
                />
              </label>
            </div>
            <button type="submit" disabled={action.busy} data-testid="publish">
              {t('stage5.publish', { count: drafts.length })}
            </button>
          </form>
        </>
      )}
      <ActionStatus action={action} testId="publish-status" />
      {failures.length > 0 && (
        <div class="status error" role="alert" data-testid="publish-failures">
          {tn('stage5.notPublished', failures.length)}
          <ul>
            {failures.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        </div>
      )}
      <p>
        <button
          type="button"
          class="secondary"
          disabled={doc.busy}
          data-testid="document-pairs_order"
          onClick={() =>
            void doc.run(
              () =>
                download(
                  client.programmes[':id'].documents[':document'].$get({ param: { id: programme.id, document: 'pairs_order' } }),
                  `${t('stage5.orderFile')} ${programme.academic_year.replace('/', '-')}.docx`,
                ),
              t('stage1.downloaded', { name: t('stage5.orderFile') }),
            )
          }
        >
          {t('stage5.orderDocx')}
        </button>
      </p>
      <ActionStatus action={doc} testId="order-status" />
    </section>
  );
}

export function Stage5({ context }: ScreenProps) {
  const { programme } = context;
  const [people] = useFresh(async () => {
    if (!programme) return null;
    const [mentees, mentors, active] = await Promise.all([
      body(client.programmes[':id'].bases[':base'].$get({ param: { id: programme.id, base: 'mentee' } })),
      body(client.programmes[':id'].bases[':base'].$get({ param: { id: programme.id, base: 'mentor' } })),
      body(client.groups.$get({ query: { programme_id: programme.id, status: 'active', limit: '200' } })),
    ]);
    const names = new Map<string, string>();
    const sexes = new Map<string, Sex | null>();
    for (const row of [...mentees.items, ...mentors.items]) {
      names.set(row.person_id, `${givenAndFamilyName(row)}${row.class_name ? ` (${row.class_name})` : ''}`);
      sexes.set(row.person_id, row.sex);
    }
    return { people: { names, sexes }, active: active.items.length };
  }, [programme?.id]);
  return (
    <>
      <h1>{t('stage5.title')}</h1>
      {!programme ? (
        <p class="muted">{t('dashboard.startFirst')}</p>
      ) : (
        <Loaded state={people}>{(value) => value && <Matching context={context} people={value.people} />}</Loaded>
      )}
      <StageChecklist
        context={context}
        stage={5}
        known={people.status === 'done' && people.value ? { pairs_formed: people.value.active } : {}}
      />
    </>
  );
}
