import { useEffect, useState } from 'preact/hooks';
import type { ChatClient, Session } from '../../sdk';
import { useClient } from '../use-client';
import { ChannelPanel } from './channel-panel';
import { NewDirect } from './new-direct';
import { RoomList } from './room-list';
import { RoomView } from './room-view';

type Panel = 'dm' | 'channel' | null;

/** Sidebar (rooms, new DM, channels) and the open room; at phone width one of the two at a time. */
export function ChatView({ client, session, onSignOut }: { client: ChatClient; session: Session; onSignOut: () => void }) {
  useClient(client);
  const [roomId, setRoomId] = useState<string | null>(null);
  const [panel, setPanel] = useState<Panel>(null);
  useEffect(() => {
    // An expired or refused token means signing in again.
    const offUnauthorized = client.on('unauthorized', onSignOut);
    client.connect().catch(() => undefined);
    // The browser knows about a lost network long before a heartbeat would: reconnect when it is back.
    const offline = () => client.disconnect();
    const online = () => void client.connect().catch(() => undefined);
    addEventListener('offline', offline);
    addEventListener('online', online);
    return () => {
      removeEventListener('offline', offline);
      removeEventListener('online', online);
      offUnauthorized();
      client.disconnect();
    };
  }, [client]);
  const open = (id: string) => {
    setRoomId(id);
    setPanel(null);
  };
  const room = roomId ? client.rooms.get(roomId) : undefined;
  return (
    <div class={`chat ${room ? 'has-room' : ''}`}>
      <aside class="sidebar">
        <header class="me">
          <strong>{session.user.username}</strong>
          <span class={`conn ${client.connected ? 'on' : 'off'}`}>{client.connected ? 'online' : 'connecting…'}</span>
          <button class="link" onClick={onSignOut}>Sign out</button>
        </header>
        <div class="actions">
          <button data-testid="new-dm" onClick={() => setPanel(panel === 'dm' ? null : 'dm')}>+ Message</button>
          <button data-testid="new-channel" onClick={() => setPanel(panel === 'channel' ? null : 'channel')}># Channels</button>
        </div>
        {panel === 'dm' && <NewDirect client={client} onOpen={open} />}
        {panel === 'channel' && <ChannelPanel client={client} onOpen={open} />}
        <RoomList client={client} activeId={roomId} onOpen={open} />
      </aside>
      <section class="main">
        {room ? <RoomView key={room.id} client={client} room={room} onBack={() => setRoomId(null)} /> : <p class="empty">Pick a conversation, or start one.</p>}
      </section>
    </div>
  );
}
