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

  async add(roomId: string, userId: string, role: MemberRole): Promise<boolean> {
    const result = this.conn.db
      .prepare('INSERT OR IGNORE INTO memberships (room_id, user_id, role, joined_at) VALUES (?, ?, ?, ?)')
      .run(roomId, userId, role, Date.now());
    return result.changes === 1;
  }

  async remove(roomId: string, userId: string): Promise<boolean> {
    const db = this.conn.db;
    return db.transaction(() => {
      const row = db.prepare('DELETE FROM memberships WHERE room_id = ? AND user_id = ? RETURNING role').get(roomId, userId) as { role: MemberRole } | undefined;
      if (row?.role === 'owner') {
        db.prepare(
          `UPDATE memberships SET role = 'owner' WHERE room_id = ? AND user_id =
            (SELECT user_id FROM memberships WHERE room_id = ? ORDER BY role = 'admin' DESC, joined_at, user_id LIMIT 1)`,
        ).run(roomId, roomId);
      }
      return row !== undefined;
    }).immediate();
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

  async markRead(roomId: string, userId: string, seq: number): Promise<number | null> {
    const row = this.conn.db
      .prepare('UPDATE memberships SET last_read_seq = max(last_read_seq, ?) WHERE room_id = ? AND user_id = ? RETURNING last_read_seq')
      .get(seq, roomId, userId) as { last_read_seq: number } | undefined;
    return row?.last_read_seq ?? null;
  }
}
