import { ChatClient, RestClient, type Session } from '../sdk';

const KEY = 'chat.session';

/** The signed-in session, kept in localStorage so a reload stays signed in. */
export function savedSession(): Session | null {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? 'null') as Session | null;
  } catch {
    return null;
  }
}

export function forgetSession(): void {
  localStorage.removeItem(KEY);
}

export async function signIn(mode: 'login' | 'register', form: { username: string; password: string; email: string }): Promise<Session> {
  const rest = new RestClient(location.origin);
  const session = mode === 'login' ? await rest.login(form.username, form.password) : await rest.register(form.username, form.email, form.password);
  localStorage.setItem(KEY, JSON.stringify(session));
  return session;
}

export function clientFor(session: Session): ChatClient {
  return new ChatClient({ url: location.origin, token: session.accessToken, ackTimeoutMs: 8000 });
}
