import type { UserSummary } from '../../../src/persistence/models';

export type { UserSummary };

/** The seed's four states of a message: sent and waiting, saved, refused, or no answer in time. */
export type MessageState = 'pending' | 'confirmed' | 'failed' | 'timeout';

/** A message as the SDK holds it; `tempId` is its key from the first moment on. */
export interface ChatMessage {
  tempId: string;
  /** The saved id once confirmed (the tempId until then). */
  _id: string;
  roomId: string;
  sender: UserSummary;
  body: string;
  /** The room position; undefined until the server accepted the message. */
  seq?: number;
  createdAt: string;
  state: MessageState;
  error?: { code: string; message: string; retryAfterMs?: number };
}

/**
 * A room as the SDK lists it, whatever shape the server sent (`ready`, `GET /rooms`, a created
 * room). `memberIds` is read for direct rooms only (the peer); channel members come from
 * `GET /channels/:id/members`.
 */
export interface RoomInfo {
  id: string;
  kind: 'direct' | 'channel';
  name: string | null;
  /** Direct rooms: the other member. */
  peerId?: string;
  memberCount?: number;
  isPrivate: boolean;
  lastSeq: number;
  lastReadSeq: number;
  unread: number;
  /** When the room last saw a message (or was created), if the server said; ISO time. */
  lastActivityAt?: string;
}

export const iso = (value: Date | string): string => (typeof value === 'string' ? value : value.toISOString());

export interface ChatClientOptions {
  url: string;
  token: string;
  /** No answer from the server within this long: the message shows `timeout` (and is resent on reconnect). */
  ackTimeoutMs?: number;
}

export type ChatEvents = {
  /** Connected (and caught up) or not. */
  connection: boolean;
  rooms: void;
  /** A room's messages changed. */
  messages: string;
  /** Who types in a room changed. */
  typing: string;
  /** A user went online or offline. */
  presence: string;
  /** The token expired or was refused: sign in again (no reconnect will succeed). */
  unauthorized: void;
};
