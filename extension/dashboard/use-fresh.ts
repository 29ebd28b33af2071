// Reloads that keep what is shown: after a change, the screen keeps its table, its place and its open
// card until the new answer comes, instead of a «Загружаем…» that would throw away what was typed.
import { useEffect, useRef } from 'preact/hooks';
import { type AsyncState, useAsync } from '../components/use-async.ts';

/**
 * Like useAsync, but a reload after a change keeps showing what was there until the new answer
 * comes (the table keeps its place and the card stays open); only the first load shows progress.
 */
export function useFresh<T>(load: () => Promise<T>, deps: unknown[]): [AsyncState<T>, () => void] {
  const [state, reload] = useAsync(load, deps);
  const last = useRef<AsyncState<T>>(state);
  const key = JSON.stringify(deps);
  const lastKey = useRef(key);
  useEffect(() => {
    lastKey.current = key;
  }, [key]);
  if (state.status !== 'loading' || last.current.status !== 'done' || lastKey.current !== key) last.current = state;
  return [last.current, reload];
}
