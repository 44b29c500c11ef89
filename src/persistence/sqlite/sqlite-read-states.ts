import { RoomReadState, UNREAD_CAP } from '../models';

export interface ReadStateRow {
  room_id: string;
  last_seq: number;
  last_read_seq: number;
  unread: number;
}

/**
 * Unread: others' messages past the marker. Counted through the messages' unique (room_id, seq)
 * index, so the cost is the unread range (at most UNREAD_CAP rows), never the room's whole history.
 */
export const UNREAD_SQL = `SELECT count(*) AS unread FROM (SELECT 1 FROM messages WHERE room_id = ? AND seq > ? AND sender_id != ? LIMIT ${UNREAD_CAP})`;

/** Every room of a user (or one room: bind its id, else null) with its highest saved seq, the marker and unread. */
export const READ_STATES_SQL = `
  SELECT me.room_id, me.last_read_seq,
    coalesce((SELECT max(x.seq) FROM messages x WHERE x.room_id = me.room_id), 0) AS last_seq,
    (SELECT count(*) FROM (SELECT 1 FROM messages u WHERE u.room_id = me.room_id AND u.seq > me.last_read_seq AND u.sender_id != me.user_id LIMIT ${UNREAD_CAP})) AS unread
  FROM memberships me
  WHERE me.user_id = ? AND (? IS NULL OR me.room_id = ?)`;

export const toReadState = (r: ReadStateRow): RoomReadState => ({
  roomId: r.room_id,
  lastSeq: r.last_seq,
  lastReadSeq: r.last_read_seq,
  unread: r.unread,
});
