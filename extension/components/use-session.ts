import { useEffect, useState } from 'preact/hooks';
import type { Session } from '../../shared/api/auth.ts';
import { ask } from '../utils/ask.ts';
import { sessionItem, sessionRefusedItem } from '../utils/storage.ts';
import { type AsyncState, useAsync } from './use-async.ts';

/** Whether the last session was refused by the API (the sign-in says why it is back). */
export function useSessionRefused(): boolean {
  const [refused, setRefused] = useState(false);
  useEffect(() => {
    void sessionRefusedItem.getValue().then(setRefused);
    return sessionRefusedItem.watch((value) => setRefused(value));
  }, []);
  return refused;
}

/**
 * Who is signed in, kept current: a sign-in elsewhere, a sign-out, or a session the API refused
 * (utils/api.ts forgets it on 401) shows at once on the page that uses it. The background owns the
 * session; the page only asks it and watches the item the background writes.
 */
export function useSession(): [AsyncState<Session | null>, () => void] {
  const [session, reload] = useAsync(() => ask({ type: 'nastavnik:session' }));
  useEffect(() => sessionItem.watch(() => reload()), [reload]);
  return [session, reload];
}
