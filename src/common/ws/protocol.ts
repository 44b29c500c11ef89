import type { ErrorBody } from '../errors/app-error';
import type { Room, UserSummary } from '../../persistence/models';

/**
 * The Socket.IO protocol's types, shared by the server and the client SDK (client/src/sdk):
 * pure types, no runtime imports, so a browser bundle can import them too. Renaming an event
 * here is a compile error on both sides.
 */

/** A message as clients see it; `roomId` for DMs, `channelId` for channels. */
export interface WireMessage {
  _id: string;
  tempId: string;
  roomId?: string;
  channelId?: string;
  sender: UserSummary;
  body: string;
  seq: number;
  createdAt: Date;
  isOptimistic: boolean;
}

export interface WireConfirmation {
  tempId: string;
  _id: string;
  roomId?: string;
  channelId?: string;
  seq: number;
  createdAt: Date;
}

export interface WireFailure {
  tempId: string;
  roomId?: string;
  channelId?: string;
  error: Pick<ErrorBody, 'code' | 'message'>;
  retryable: boolean;
}

/**
 * A room as `ready` lists it: a DM with its 2 memberIds, a channel with its memberCount only;
 * its position now, the user's read marker, and others' messages past it.
 */
export interface ReadyRoom extends Omit<Room, 'memberIds'> {
  memberIds?: string[];
  memberCount: number;
  lastActivityAt: Date;
  lastSeq: number;
  lastReadSeq: number;
  unread: number;
}

/** `userTyping`: one user's typing state in one room (never stored, takes no position). */
export interface TypingSignal {
  roomId: string;
  userId: string;
  username: string;
  isTyping: boolean;
}

export interface ReadyPayload {
  user: UserSummary;
  /** The first page of the user's rooms, most recently active first (the socket is subscribed to all of them). */
  rooms: ReadyRoom[];
  /** More rooms follow: GET /rooms?cursor=<roomsCursor> continues the list. */
  roomsHasMore: boolean;
  roomsCursor: string | null;
  /** Direct-message partners of the rooms above online right now (later changes arrive as userOnline / userOffline). */
  online: string[];
  serverTime: Date;
}

type MessageEvents<Sent extends string, Received extends string, Confirmed extends string, Failed extends string> = {
  [K in Sent | Received]: (message: WireMessage) => void;
} & { [K in Confirmed]: (confirmation: WireConfirmation) => void } & { [K in Failed]: (failure: WireFailure) => void };

/** Every server-to-client event: a wrong name or payload is a compile error. */
export type ServerToClientEvents = MessageEvents<'roomMessageSent', 'roomMessageRecieved', 'roomMessageConfirmed', 'roomMessageFailed'> &
  MessageEvents<'channelMessageSent', 'NEW_MESSAGE_RECEIVED', 'channelMessageConfirmed', 'channelMessageFailed'> & {
    ready: (payload: ReadyPayload) => void;
    channelCreated: (channel: Room) => void;
    /** `online`: which of the two members are online now. */
    directCreated: (payload: { room: Room; online: string[] }) => void;
    channelMemberJoined: (payload: { channelId: string; user: UserSummary; invitedBy?: UserSummary }) => void;
    channelMemberLeft: (payload: { channelId: string; userId: string }) => void;
    userOnline: (payload: { userId: string }) => void;
    userOffline: (payload: { userId: string }) => void;
    readMarker: (payload: { roomId: string; lastReadSeq: number; unread: number }) => void;
    readReceipt: (payload: { roomId: string; userId: string; lastReadSeq: number }) => void;
    userTyping: (payload: TypingSignal) => void;
    exception: (payload: { event: string; tempId?: string; error: ErrorBody }) => void;
  };
