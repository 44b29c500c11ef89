import { useEffect, useState } from 'preact/hooks';
import type { ChatClient, UserSummary } from '../../sdk';

/** Find a person by a part of their name (`GET /users?search=`). */
export function UserPicker({ client, label, action, onPick }: { client: ChatClient; label: string; action: string; onPick: (u: UserSummary) => Promise<void> }) {
  const [query, setQuery] = useState('');
  const [users, setUsers] = useState<UserSummary[]>([]);
  const [error, setError] = useState('');
  useEffect(() => {
    if (!query.trim()) return setUsers([]);
    let current = true;
    const timer = setTimeout(() => {
      client.rest.searchUsers(query.trim()).then((found) => current && setUsers(found.filter((u) => u.id !== client.me.id)), (err: Error) => setError(err.message));
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);
  const pick = (u: UserSummary) => onPick(u).catch((err: Error) => setError(err.message));
  return (
    <div class="picker">
      <input aria-label={label} placeholder={label} value={query} onInput={(e) => setQuery((e.target as HTMLInputElement).value)} autofocus />
      {error && <p class="error">{error}</p>}
      <ul>
        {users.map((u) => (
          <li key={u.id}>
            <span>{u.username}</span>
            <button class="small" onClick={() => pick(u)}>{action}</button>
          </li>
        ))}
      </ul>
    </div>
  );
}
