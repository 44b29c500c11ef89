import { useEffect, useState } from 'preact/hooks';
import type { ChatClient } from '../../sdk';

interface Listed {
  id: string;
  name: string | null;
  isPrivate: boolean;
}

/** Create a channel, or browse (and join) the public ones. */
export function ChannelPanel({ client, onOpen }: { client: ChatClient; onOpen: (roomId: string) => void }) {
  const [name, setName] = useState('');
  const [isPrivate, setPrivate] = useState(false);
  const [search, setSearch] = useState('');
  const [channels, setChannels] = useState<Listed[]>([]);
  const [error, setError] = useState('');
  const fail = (err: Error) => setError(err.message);
  useEffect(() => {
    const timer = setTimeout(() => client.rest.channels(search.trim()).then((page) => setChannels(page.channels), fail), 150);
    return () => clearTimeout(timer);
  }, [search]);
  const create = (e: Event) => {
    e.preventDefault();
    client.actions.createChannel(name.trim(), isPrivate).then((room) => onOpen(room.id), fail);
  };
  const open = (id: string) => (client.rooms.get(id) ? onOpen(id) : client.actions.join(id).then((room) => onOpen(room.id), fail));
  return (
    <section class="panel" aria-label="Channels">
      <form onSubmit={create} class="row">
        <input aria-label="New channel name" placeholder="new-channel-name" required maxLength={64} value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
        <label class="check">
          <input type="checkbox" checked={isPrivate} onChange={(e) => setPrivate((e.target as HTMLInputElement).checked)} /> private
        </label>
        <button type="submit">Create</button>
      </form>
      <input aria-label="Search channels" placeholder="Search channels" value={search} onInput={(e) => setSearch((e.target as HTMLInputElement).value)} />
      {error && <p class="error">{error}</p>}
      <ul>
        {channels.map((c) => (
          <li key={c.id}>
            <span># {c.name}</span>
            <button class="small" onClick={() => void open(c.id)}>{client.rooms.get(c.id) ? 'Open' : 'Join'}</button>
          </li>
        ))}
      </ul>
    </section>
  );
}
