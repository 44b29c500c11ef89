import { RoomSummary, UNREAD_CAP } from '../models';
import { RoomRow, toRoom } from './sqlite-mappers';

export interface SummaryRow extends RoomRow {
  active_at: number;
  member_count: number;
  last_read_seq: number;
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
 * A page of a user's rooms, most recently active first, in one statement. Ordering every room
 * costs one covering index entry and one room primary-key read each (rooms.last_message_at,
 * kept by a trigger: no messages and no membership rows are read); the member count, DM members, last message and unread count are read for the
 * page's rows only (MATERIALIZED keeps SQLite from folding the CTEs together and computing those
 * for every room). Bind userId, the cursor (at, roomId: MAX_SAFE_INTEGER and '' for the first
 * page) and limit.
 */
export const SUMMARY_PAGE_SQL = `
  WITH mine AS MATERIALIZED (
    SELECT me.room_id, max(me.joined_at, r.last_message_at) AS active_at
    FROM memberships me JOIN rooms r ON r.id = me.room_id WHERE me.user_id = @userId
  ), page AS MATERIALIZED (
    SELECT * FROM mine WHERE (active_at, room_id) < (@at, @roomId)
    ORDER BY active_at DESC, room_id DESC LIMIT @limit
  )
  SELECT r.id, r.kind, r.name, r.description, r.is_private, r.created_at, p.active_at, me.last_read_seq,
    (SELECT count(*) FROM memberships m WHERE m.room_id = r.id) AS member_count,
    CASE r.kind WHEN 'direct' THEN (SELECT group_concat(m.user_id) FROM memberships m WHERE m.room_id = r.id) END AS member_ids,
    (SELECT count(*) FROM (SELECT 1 FROM messages u WHERE u.room_id = r.id AND u.seq > me.last_read_seq AND u.sender_id != me.user_id LIMIT ${UNREAD_CAP})) AS unread_count,
    last.id AS last_id, last.seq AS last_seq, last.rev AS last_rev, last.sender_id AS last_sender_id, sender.username AS last_sender_username,
    last.body AS last_body, last.temp_id AS last_temp_id, last.created_at AS last_created_at
  FROM page p
  JOIN memberships me ON me.room_id = p.room_id AND me.user_id = @userId
  JOIN rooms r ON r.id = p.room_id
  LEFT JOIN messages last ON last.room_id = r.id AND last.seq = (SELECT max(x.seq) FROM messages x WHERE x.room_id = r.id)
  LEFT JOIN users sender ON sender.id = last.sender_id
  ORDER BY p.active_at DESC, p.room_id DESC`;

export const toSummary = (r: SummaryRow): RoomSummary => {
  const { memberIds, ...room } = toRoom(r);
  return {
    ...room,
    ...(r.kind === 'direct' && { memberIds }),
    memberCount: r.member_count,
    lastActivityAt: new Date(r.active_at),
    unreadCount: r.unread_count,
    lastSeq: r.last_seq ?? 0,
    lastReadSeq: r.last_read_seq,
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
  };
};
