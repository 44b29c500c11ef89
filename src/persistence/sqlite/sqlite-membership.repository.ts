import { Injectable } from '@nestjs/common';
import { Member, MemberRole } from '../models';
import { MembershipRepository } from '../ports';
import { SqliteConnection } from './sqlite-connection';

interface MemberRow {
  user_id: string;
  username: string;
  role: MemberRole;
  joined_at: number;
}

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
    return rows.map((r) => ({ userId: r.user_id, username: r.username, role: r.role, joinedAt: new Date(r.joined_at) }));
  }

  markRead(roomId: string, userId: string, seq: number): Promise<number | null> {
    return this.conn.writer.run('markRead', roomId, userId, seq);
  }
}
