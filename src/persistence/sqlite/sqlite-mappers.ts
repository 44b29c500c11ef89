import { Room, RoomKind, StoredMessage } from '../models';

export interface RoomRow {
  id: string;
  kind: RoomKind;
  name: string | null;
  description: string | null;
  is_private: number;
  created_at: number;
  member_ids: string;
}

export interface MessageRow {
  id: string;
  room_id: string;
  seq: number;
  rev: number;
  sender_id: string;
  sender_username: string;
  body: string;
  temp_id: string;
  created_at: number;
}

/** Selects a room with its member ids folded into one comma-separated column. */
export const ROOM_SELECT = `SELECT r.id, r.kind, r.name, r.description, r.is_private, r.created_at,
  (SELECT group_concat(m.user_id) FROM memberships m WHERE m.room_id = r.id) AS member_ids FROM rooms r`;

/** Selects messages with their sender's username. */
export const MESSAGE_SELECT = `SELECT msg.*, u.username AS sender_username
  FROM messages msg LEFT JOIN users u ON u.id = msg.sender_id`;

export const toRoom = (r: RoomRow): Room => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  description: r.description,
  isPrivate: r.is_private === 1,
  memberIds: r.member_ids ? r.member_ids.split(',') : [],
  createdAt: new Date(r.created_at),
});

export const toMessage = (r: MessageRow): StoredMessage => ({
  _id: r.id,
  roomId: r.room_id,
  seq: r.seq,
  rev: r.rev,
  sender: { id: r.sender_id, username: r.sender_username },
  body: r.body,
  tempId: r.temp_id,
  createdAt: new Date(r.created_at),
});

/** A LIKE pattern matching `text` anywhere, with % and _ taken literally (use with ESCAPE '\\'). */
export const containsPattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
