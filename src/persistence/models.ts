/** Store-neutral domain objects: what every repository adapter returns. */
export interface UserSummary {
  id: string;
  username: string;
}

export interface User extends UserSummary {
  email: string;
  createdAt: Date;
}

export interface UserCredentials extends User {
  passwordHash: string;
}

export type RoomKind = 'direct' | 'channel';

export interface Room {
  id: string;
  kind: RoomKind;
  /** Channels only. */
  name: string | null;
  description: string | null;
  /** Direct rooms are always private; a private channel is joined by invitation only. */
  isPrivate: boolean;
  memberIds: string[];
  createdAt: Date;
}

/** A direct room, and whether this call created it (so its members hear of it once). */
export interface OpenedDirect {
  room: Room;
  created: boolean;
}

export type MemberRole = 'owner' | 'admin' | 'member';

export interface Member {
  userId: string;
  username: string;
  role: MemberRole;
  joinedAt: Date;
}

/** A member's read marker: the seq of the last message they have read. */
export interface ReadReceipt {
  userId: string;
  lastReadSeq: number;
}

/** A read marker after markRead: `moved` when it went forward; `unread` counts others' messages past it. */
export interface ReadMarkerMove {
  lastReadSeq: number;
  moved: boolean;
  unread: number;
}

/** One room of a user as the store has it: its highest saved seq, the user's marker and unread count. */
export interface RoomReadState {
  roomId: string;
  lastSeq: number;
  lastReadSeq: number;
  unread: number;
}

export interface NewChannel {
  name: string;
  description: string | null;
  isPrivate: boolean;
  ownerId: string;
  memberIds: string[];
}

export interface ChannelQuery {
  search?: string;
  /** Cursor: the id of the last channel of the previous page. */
  after?: string;
  limit: number;
}

export interface ChannelPage {
  channels: Room[];
  hasMore: boolean;
}

export interface StoredMessage {
  _id: string;
  roomId: string;
  seq: number;
  /** The position of the message's last change; its seq until it changes. */
  rev: number;
  sender: UserSummary;
  body: string;
  tempId: string;
  createdAt: Date;
}

/**
 * One room in a user's room list, kept small: a DM keeps its two memberIds (clients need the
 * peer), a channel only counts its members (GET /channels/:id/members pages them).
 */
export interface RoomSummary extends Omit<Room, 'memberIds'> {
  memberIds?: string[];
  memberCount: number;
  /** The last message's time, or when the user joined if later (or no message): the list's order. */
  lastActivityAt: Date;
  lastMessage: StoredMessage | null;
  unreadCount: number;
  /** The room's highest saved seq and the user's read marker. */
  lastSeq: number;
  lastReadSeq: number;
}

/** A position in a user's room list (most recently active first): the page starts after it. */
export interface RoomCursor {
  activeAt: number;
  roomId: string;
}

export interface RoomSummaryQuery {
  after?: RoomCursor;
  limit: number;
}

export interface RoomSummaryPage {
  rooms: RoomSummary[];
  hasMore: boolean;
}

/** A position in a channel's member list (oldest member first). */
export interface MemberCursor {
  joinedAt: number;
  userId: string;
}

export interface MemberQuery {
  after?: MemberCursor;
  limit: number;
}

export interface MemberPage {
  members: Member[];
  hasMore: boolean;
}

export interface NewMessage {
  roomId: string;
  seq: number;
  senderId: string;
  body: string;
  tempId: string;
  createdAt: Date;
}

/** The outcome of saving one message; `duplicate` when its (roomId, senderId, tempId) was already stored. */
export interface SavedMessage {
  _id: string;
  roomId: string;
  seq: number;
  tempId: string;
  createdAt: Date;
  duplicate: boolean;
}

/**
 * How saving one message ended: saved (now, or earlier under the same tempId: `duplicate`), or
 * rejected by the store for good; `retryable` when a resend (which takes a new position) can pass.
 */
export type SaveOutcome =
  | { status: 'saved'; saved: SavedMessage }
  | { status: 'rejected'; reason: string; retryable: boolean };

/** The last position handed out in a room, and the reservation it was handed out from. */
export interface RoomPosition {
  roomId: string;
  last: number;
  limit: number;
}

/** Unread messages are counted up to this many (clients show "999+"): a count costs its range, so it stays bounded. */
export const UNREAD_CAP = 1000;

export interface HistoryQuery {
  before?: number;
  after?: number;
  limit: number;
}

export interface HistoryPage {
  messages: StoredMessage[];
  hasMore: boolean;
}

/** A room's messages changed after a position, ascending by rev, and its highest stored seq. */
export interface StreamPage extends HistoryPage {
  lastSeq: number;
}
