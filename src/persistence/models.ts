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
  name: string | null;
  memberIds: string[];
  createdAt: Date;
}

export interface StoredMessage {
  _id: string;
  roomId: string;
  seq: number;
  sender: UserSummary;
  body: string;
  tempId: string;
  createdAt: Date;
}

export interface RoomSummary extends Room {
  lastMessage: StoredMessage | null;
  unreadCount: number;
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

export interface HistoryQuery {
  before?: number;
  after?: number;
  limit: number;
}

export interface HistoryPage {
  messages: StoredMessage[];
  hasMore: boolean;
}
