import { useState } from 'preact/hooks';
import type { Session } from '../../sdk';
import { signIn } from '../session';

/** One form for both: sign in with name and password, or add an email and create the account. */
export function AuthForm({ onSignedIn }: { onSignedIn: (s: Session) => void }) {
  const [form, setForm] = useState({ username: '', password: '', email: '' });
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const field = (name: keyof typeof form) => (e: Event) => setForm({ ...form, [name]: (e.target as HTMLInputElement).value });
  const submit = async (mode: 'login' | 'register') => {
    setBusy(true);
    setError('');
    try {
      onSignedIn(await signIn(mode, form));
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  };
  return (
    <form class="auth" onSubmit={(e) => (e.preventDefault(), submit('login'))}>
      <h1>Chat</h1>
      <label>
        Username
        <input data-testid="login-username" autocomplete="username" required value={form.username} onInput={field('username')} />
      </label>
      <label>
        Password
        <input data-testid="login-password" type="password" autocomplete="current-password" required value={form.password} onInput={field('password')} />
      </label>
      <label>
        Email <small>(new accounts only)</small>
        <input data-testid="register-email" type="email" autocomplete="email" value={form.email} onInput={field('email')} />
      </label>
      {error && <p class="error" role="alert">{error}</p>}
      <div class="row">
        <button data-testid="login-submit" type="submit" disabled={busy}>Sign in</button>
        <button data-testid="register-submit" type="button" class="secondary" disabled={busy} onClick={() => submit('register')}>Create account</button>
      </div>
    </form>
  );
}
