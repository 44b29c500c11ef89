import { useMemo, useState } from 'preact/hooks';
import type { Session } from '../../sdk';
import { clientFor, forgetSession, savedSession } from '../session';
import { AuthForm } from './auth-form';
import { ChatView } from './chat-view';

export function App() {
  const [session, setSession] = useState<Session | null>(savedSession);
  const client = useMemo(() => (session ? clientFor(session) : null), [session]);
  if (!session || !client) return <AuthForm onSignedIn={setSession} />;
  const signOut = () => {
    client.disconnect();
    forgetSession();
    setSession(null);
  };
  return <ChatView client={client} session={session} onSignOut={signOut} />;
}
