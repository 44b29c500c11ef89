import { useEffect, useReducer } from 'preact/hooks';
import type { ChatClient, ChatEvents } from '../sdk';

const ALL: Array<keyof ChatEvents> = ['connection', 'rooms', 'messages', 'typing', 'presence'];

/** Re-renders on every SDK event: the SDK is the app's one store. Rendering stays bounded by the message window. */
export function useClient(client: ChatClient): number {
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    let queued = false;
    // A burst of events in one task (a sync, a history page) renders once.
    const schedule = () => {
      if (queued) return;
      queued = true;
      queueMicrotask(() => {
        queued = false;
        bump(undefined);
      });
    };
    const offs = ALL.map((event) => client.on(event, schedule));
    return () => offs.forEach((off) => off());
  }, [client]);
  return version;
}
