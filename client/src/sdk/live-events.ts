import type { WireConfirmation, WireFailure, WireMessage } from '../../../src/common/ws/protocol';
import type { Room } from '../../../src/persistence/models';
import type { ChatClient } from './chat-client';
import type { ChatSocket } from './socket';
import { iso, type ChatMessage } from './types';

/** Where live messages go (Timeline). */
export interface MessageTarget {
  message(message: ChatMessage): void;
  confirmed(roomId: string, confirmation: WireConfirmation): void;
  failed(roomId: string, failure: WireFailure): void;
}

/** Where membership changes go (RoomActions). */
export interface MembershipTarget {
  roomAdded(room: Room, online?: string[]): void;
  memberJoined(roomId: string, userId: string): void;
  memberLeft(roomId: string, userId: string): void;
}

const roomOf = (m: { roomId?: string; channelId?: string }): string => m.roomId ?? m.channelId ?? '';

export const fromWire = (m: WireMessage): ChatMessage => ({
  tempId: m.tempId,
  _id: m._id,
  roomId: roomOf(m),
  sender: { id: m.sender.id, username: m.sender.username },
  body: m.body,
  seq: m.seq,
  createdAt: iso(m.createdAt),
  state: m.isOptimistic ? 'pending' : 'confirmed',
});

/** DMs and channels differ only in event names: both feed the same target. */
export function wireLiveEvents(socket: ChatSocket, target: MessageTarget, members: MembershipTarget): void {
  const message = (m: WireMessage) => target.message(fromWire(m));
  const confirmed = (c: WireConfirmation) => target.confirmed(roomOf(c), c);
  const failed = (f: WireFailure) => target.failed(roomOf(f), f);
  socket.on('roomMessageSent', message);
  socket.on('roomMessageRecieved', message);
  socket.on('channelMessageSent', message);
  socket.on('NEW_MESSAGE_RECEIVED', message);
  socket.on('roomMessageConfirmed', confirmed);
  socket.on('channelMessageConfirmed', confirmed);
  socket.on('roomMessageFailed', failed);
  socket.on('channelMessageFailed', failed);
  socket.on('channelCreated', (room) => members.roomAdded(room));
  socket.on('directCreated', ({ room, online }) => members.roomAdded(room, online));
  socket.on('channelMemberJoined', ({ channelId, user }) => members.memberJoined(channelId, user.id));
  socket.on('channelMemberLeft', ({ channelId, userId }) => members.memberLeft(channelId, userId));
}

/** Connection, typing, presence and read-marker events: state on the client, then its event. */
export function wireStatusEvents(socket: ChatSocket, client: ChatClient): void {
  const presence = (userId: string, online: boolean) => {
    if (online) client.online.add(userId);
    else client.online.delete(userId);
    client.emit('presence', userId);
  };
  socket.on('disconnect', () => client.emit('connection', false));
  socket.on('connect_error', (err) => err.message === 'unauthorized' && client.emit('unauthorized', undefined));
  socket.on('exception', ({ error }) => error.code === 'AUTH.TOKEN_EXPIRED' && client.emit('unauthorized', undefined));
  socket.on('userTyping', (signal) => client.typing.received(signal) && client.emit('typing', signal.roomId));
  socket.on('userOnline', ({ userId }) => presence(userId, true));
  socket.on('userOffline', ({ userId }) => presence(userId, false));
  socket.on('readMarker', ({ roomId, lastReadSeq, unread }) => {
    client.rooms.update(roomId, { lastReadSeq, unread });
    client.emit('rooms', undefined);
  });
}
