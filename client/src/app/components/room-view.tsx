import { useEffect, useState } from 'preact/hooks';
import type { ChatClient, RoomInfo } from '../../sdk';
import { Composer } from './composer';
import { MessageList } from './message-list';
import { roomName } from './room-list';
import { UserPicker } from './user-picker';

/** One open room: header with channel actions, the message window, who is typing, the composer. */
export function RoomView({ client, room, onBack }: { client: ChatClient; room: RoomInfo; onBack: () => void }) {
  const [inviting, setInviting] = useState(false);
  const typists = client.typing.who(room.id);
  useEffect(() => {
    // Reading the room: move the read marker to what is shown whenever something new arrives.
    if (room.unread > 0 && client.connected) void client.markRead(room.id).catch(() => undefined);
  }, [room.unread, room.lastSeq, client.connected]);
  const leave = () => client.actions.leave(room.id).then(onBack);
  return (
    <div class="room">
      <header class="room-head">
        <button class="back link" onClick={onBack} aria-label="Back to rooms">←</button>
        <h2>{roomName(client, room)}</h2>
        {room.kind === 'direct' && <span class="presence">{client.online.has(room.peerId ?? '') ? 'online' : 'offline'}</span>}
        {room.kind === 'channel' && (
          <span class="tools">
            {room.memberCount !== undefined && <span class="hint">{room.memberCount} {room.memberCount === 1 ? 'member' : 'members'}</span>}
            <button class="small" onClick={() => setInviting(!inviting)}>Invite</button>
            <button class="small secondary" onClick={() => void leave()}>Leave</button>
          </span>
        )}
      </header>
      {inviting && (
        <div class="panel">
          <UserPicker client={client} label="Invite someone by name" action="Invite" onPick={async (u) => (await client.actions.invite(room.id, u.id), setInviting(false))} />
        </div>
      )}
      {!client.connected && <p class="offline" role="status">Offline: what you write is sent when the connection is back.</p>}
      <MessageList client={client} roomId={room.id} />
      <div class="typing" aria-live="polite">
        {typists.length > 0 && <span data-testid="typing">{typists.join(', ')} {typists.length === 1 ? 'is' : 'are'} typing…</span>}
      </div>
      <Composer client={client} roomId={room.id} />
    </div>
  );
}
