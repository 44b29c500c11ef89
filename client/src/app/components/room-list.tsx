import type { ChatClient, RoomInfo } from '../../sdk';

export const roomName = (client: ChatClient, room: RoomInfo): string =>
  room.kind === 'channel' ? `# ${room.name ?? 'channel'}` : (client.names.get(room.peerId ?? '') ?? 'Direct message');

function RoomItem({ client, room, active, onOpen }: { client: ChatClient; room: RoomInfo; active: boolean; onOpen: (id: string) => void }) {
  const online = room.kind === 'direct' && client.online.has(room.peerId ?? '');
  return (
    <li>
      <button data-testid="room-item" data-room-id={room.id} class={`room-item ${active ? 'active' : ''}`} aria-current={active} onClick={() => onOpen(room.id)}>
        {room.kind === 'direct' && <span class={`dot ${online ? 'online' : ''}`} title={online ? 'online' : 'offline'} />}
        <span class="name">{roomName(client, room)}</span>
        {room.unread > 0 && <span data-testid="unread" class="badge" aria-label={`${room.unread} unread`}>{room.unread > 999 ? '999+' : room.unread}</span>}
      </button>
    </li>
  );
}

/** My rooms, most recently active first. */
export function RoomList({ client, activeId, onOpen }: { client: ChatClient; activeId: string | null; onOpen: (id: string) => void }) {
  const rooms = client.rooms.list().sort((a, b) => (b.lastActivityAt ?? '').localeCompare(a.lastActivityAt ?? '') || roomName(client, a).localeCompare(roomName(client, b)));
  return (
    <nav aria-label="Rooms">
      <ul data-testid="room-list" class="room-list">
        {rooms.map((room) => <RoomItem key={room.id} client={client} room={room} active={room.id === activeId} onOpen={onOpen} />)}
      </ul>
      {client.rooms.hasMore && <button class="link" onClick={() => void client.actions.loadMoreRooms()}>More rooms…</button>}
      {rooms.length === 0 && <p class="hint">No conversations yet.</p>}
    </nav>
  );
}
