import { RoomSummary, UNREAD_CAP } from '../models';
import { RoomRow, toRoom } from './sqlite-mappers';

export interface SummaryRow extends RoomRow {
  unread_count: number;
  last_id: string | null;
  last_seq: number;
  last_rev: number;
  last_sender_id: string;
  last_sender_username: string;
  last_body: string;
  last_temp_id: string;
  last_created_at: number;
}

/**
 * A user's rooms with members, last message and unread count, in one statement: the last
 * message is found by (room_id, seq), and unread counts others' messages past the marker,
 * both through the messages' unique (room_id, seq) index.
 */
export const SUMMARIES_SQL = `
  SELECT r.id, r.kind, r.name, r.description, r.is_private, r.created_at,
    (SELECT group_concat(m.user_id) FROM memberships m WHERE m.room_id = r.id) AS member_ids,
    (SELECT count(*) FROM (SELECT 1 FROM messages u WHERE u.room_id = r.id AND u.seq > me.last_read_seq AND u.sender_id != me.user_id LIMIT ${UNREAD_CAP})) AS unread_count,
    last.id AS last_id, last.seq AS last_seq, last.rev AS last_rev, last.sender_id AS last_sender_id, sender.username AS last_sender_username,
    last.body AS last_body, last.temp_id AS last_temp_id, last.created_at AS last_created_at
  FROM memberships me
  JOIN rooms r ON r.id = me.room_id
  LEFT JOIN messages last ON last.room_id = r.id AND last.seq = (SELECT max(x.seq) FROM messages x WHERE x.room_id = r.id)
  LEFT JOIN users sender ON sender.id = last.sender_id
  WHERE me.user_id = ?
  ORDER BY r.created_at, r.id`;

export const toSummary = (r: SummaryRow): RoomSummary => ({
  ...toRoom(r),
  unreadCount: r.unread_count,
  lastMessage:
    r.last_id === null
      ? null
      : {
          _id: r.last_id,
          roomId: r.id,
          seq: r.last_seq,
          rev: r.last_rev,
          sender: { id: r.last_sender_id, username: r.last_sender_username },
          body: r.last_body,
          tempId: r.last_temp_id,
          createdAt: new Date(r.last_created_at),
        },
});
