import type { ErrorBody } from '../errors/app-error';
import type { Room, StoredMessage } from '../../persistence/models';

/** Client-to-server events and their acks, shared with the client SDK like protocol.ts (pure types). */

export type Refusal = { success: false; error: ErrorBody };
type Ack<T> = (answer: ({ success: true } & T) | Refusal) => void;

export interface SendAck {
  success: true;
  tempId: string;
  _id: string;
  seq: number;
  duplicate?: true;
}

/** A message of the room stream as `sync` answers it; `isOptimistic` (and `_id` = tempId) until saved. */
export type StreamMessage = StoredMessage & { isOptimistic?: true };

export type RoomSync =
  | { roomId: string; lastSeq: number; messages: StreamMessage[]; hasMore: boolean }
  | { roomId: string; error: Pick<ErrorBody, 'code' | 'message'> };

export interface SyncAck {
  success: true;
  rooms: RoomSync[];
}

export interface ReadMarkerAck {
  roomId: string;
  lastReadSeq: number;
  unread: number;
}

/** Every client-to-server event; gateways subscribe through `OnClientEvent`, so a rename breaks both sides. */
export interface ClientToServerEvents {
  roomMessage: (payload: { roomId: string; body: string; tempId?: string }, ack: (answer: SendAck | Refusal) => void) => void;
  NEW_MESSAGE: (payload: { channelId: string; body: string; tempId?: string }, ack: (answer: SendAck | Refusal) => void) => void;
  joinRoom: (payload: { roomId: string }, ack: Ack<{ roomId: string; connectedUsers: Array<{ userId: string; username: string }> }>) => void;
  leaveRoom: (payload: { roomId: string }, ack: Ack<{ roomId: string }>) => void;
  createChannel: (payload: { name: string; description?: string; isPrivate?: boolean; memberIds?: string[] }, ack: Ack<{ channel: Room }>) => void;
  joinChannel: (payload: { channelId: string }, ack: Ack<{ channelId: string; channel: Room }>) => void;
  leaveChannel: (payload: { channelId: string }, ack: Ack<{ channelId: string }>) => void;
  inviteToChannel: (payload: { channelId: string; userId: string }, ack: Ack<{ channelId: string; userId: string; channel: Room }>) => void;
  sync: (payload: { rooms: Array<{ roomId: string; afterSeq: number }>; limit?: number }, ack: (answer: SyncAck | Refusal) => void) => void;
  typing: (payload: { roomId: string; isTyping: boolean }, ack: Ack<object>) => void;
  markRead: (payload: { roomId: string; seq: number }, ack: Ack<ReadMarkerAck>) => void;
  'auth:refresh': (payload: { token: string }, ack: Ack<{ expiresAt: Date }>) => void;
}

export type ClientEventName = keyof ClientToServerEvents;
