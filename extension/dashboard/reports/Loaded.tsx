// An async read's three states, said the same way on every report screen: loading, refused with
// the reason, or the view of what came back.
import type { ComponentChildren } from 'preact';
import type { AsyncState } from '../../components/use-async.ts';
import { describeError } from '../../utils/api-errors.ts';
import { t } from '../../utils/i18n.ts';

export function Loaded<T>({ state, children }: { state: AsyncState<T>; children: (value: T) => ComponentChildren }) {
  if (state.status === 'loading')
    return (
      <p class="muted" role="status" aria-busy="true">
        {t('dashboard.loading')}
      </p>
    );
  if (state.status === 'failed')
    return (
      <p class="status error" role="alert">
        {describeError(state.error)}
      </p>
    );
  return <>{children(state.value)}</>;
}
