import { Injectable } from '@nestjs/common';
import { Member, MemberPage, MemberQuery, MemberRole, ReadMarkerMove, ReadReceipt, RoomReadState } from '../models';
import { MembershipRepository } from '../ports';
import { SqliteConnection } from './sqlite-connection';
import { READ_STATES_SQL, ReadStateRow, toReadState, UNREAD_SQL } from './sqlite-read-states';

interface MemberRow {
  user_id: string;
  username: string;
  role: MemberRole;
  joined_at: number;
}

const toMember = (r: MemberRow): Member => ({ userId: r.user_id, username: r.username, role: r.role, joinedAt: new Date(r.joined_at) });

@Injectable()
export class SqliteMembershipRepository extends MembershipRepository {
  constructor(private readonly conn: SqliteConnection) {
    super();
  }

  add(roomId: string, userId: string, role: MemberRole): Promise<boolean> {
    return this.conn.writer.run('addMember', roomId, userId, role, Date.now());
  }

  remove(roomId: string, userId: string): Promise<boolean> {
    return this.conn.writer.run('removeMember', roomId, userId);
  }

  async list(roomId: string): Promise<Member[]> {
    const rows = this.conn.db
      .prepare(
        `SELECT m.user_id, u.username, m.role, m.joined_at FROM memberships m JOIN users u ON u.id = m.user_id
         WHERE m.room_id = ? ORDER BY m.joined_at, u.username`,
      )
      .all(roomId) as MemberRow[];
    return rows.map(toMember);
  }

  async page(roomId: string, q: MemberQuery): Promise<MemberPage> {
    const rows = this.conn.db
      .prepare(
        `SELECT m.user_id, u.username, m.role, m.joined_at FROM memberships m JOIN users u ON u.id = m.user_id
         WHERE m.room_id = ? AND (m.joined_at, m.user_id) > (?, ?) ORDER BY m.joined_at, m.user_id LIMIT ?`,
      )
      .all(roomId, q.after?.joinedAt ?? -1, q.after?.userId ?? '', q.limit + 1) as MemberRow[];
    return { members: rows.slice(0, q.limit).map(toMember), hasMore: rows.length > q.limit };
  }

  async markRead(roomId: string, userId: string, seq: number): Promise<ReadMarkerMove | null> {
    const marker = await this.conn.writer.run('markRead', roomId, userId, seq);
    if (!marker) return null;
    const { unread } = this.conn.db.prepare(UNREAD_SQL).get(roomId, marker.lastReadSeq, userId) as { unread: number };
    return { ...marker, unread };
  }

  async receipts(roomId: string): Promise<ReadReceipt[]> {
    const rows = this.conn.db.prepare('SELECT user_id, last_read_seq FROM memberships WHERE room_id = ? ORDER BY user_id').all(roomId) as Array<{ user_id: string; last_read_seq: number }>;
    return rows.map((r) => ({ userId: r.user_id, lastReadSeq: r.last_read_seq }));
  }

  async readStates(userId: string, roomId?: string): Promise<RoomReadState[]> {
    const rows = this.conn.db.prepare(READ_STATES_SQL).all(userId, roomId ?? null, roomId ?? null) as ReadStateRow[];
    return rows.map(toReadState);
  }
}
